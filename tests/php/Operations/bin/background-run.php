<?php
/**
 * One background run of an operation in its own process, exactly as WP-Cron or Action Scheduler
 * would invoke it (the dm_jobs_run_operation action), with a short lease so that a run killed
 * mid-way is taken over quickly. For the crash-and-resume test, which kills this process.
 *
 * Usage: php background-run.php <wordpress dir> <operation_id> <lease seconds> <batch size>
 *
 * @package DMJobs
 */

PHP_SAPI === 'cli' || exit;

if ( $argc < 5 ) {
	exit( 2 );
}
[ , $wordpress, $operation_id, $lease, $batch_size ] = $argv;
$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( $wordpress, '/' ) . '/wp-load.php';

add_filter( 'dm_jobs_operation_lease_seconds', static fn (): int => (int) $lease );
add_filter( 'dm_jobs_operation_batch_size', static fn (): int => (int) $batch_size );
add_filter( 'dm_jobs_operation_background_budget', static fn (): float => 600.0 );
do_action( \DMJobs\Operations\BackgroundRunner::HOOK, (int) $operation_id );
