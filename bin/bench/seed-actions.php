<?php
/**
 * The benchmark's Action Scheduler: N actions in its tables, so its admin screen can be timed next to the
 * Jobs screen on the same site. A few hundred are scheduled through Action Scheduler's own API the way
 * Data Machine schedules its steps (hook datamachine_execute_step, group data-machine), completed, failed
 * or cancelled through its store (none left pending for its runner), and the table is then grown by copying those rows (same shape, spread
 * over the last 90 days) until it holds N actions.
 *
 * Usage: php bin/bench/seed-actions.php --path=<wordpress dir> --rows=1000000
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'rows:' ) );
if ( empty( $options['path'] ) || empty( $options['rows'] ) || ! ctype_digit( (string) $options['rows'] ) ) {
	fwrite( STDERR, "Usage: php bin/bench/seed-actions.php --path=<wordpress dir> --rows=N\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( $options['path'], '/' ) . '/wp-load.php';

if ( ! function_exists( 'as_schedule_single_action' ) || ! class_exists( 'ActionScheduler' ) ) {
	fwrite( STDERR, "Action Scheduler is not active on this site.\n" );
	exit( 1 );
}

global $wpdb;
$table  = $wpdb->prefix . 'actionscheduler_actions';
$target = (int) $options['rows'];
$have   = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
if ( $have >= $target ) {
	printf( "Action Scheduler already holds %s actions.\n", number_format( $have ) );
	exit( 0 );
}

if ( $have < 300 ) {
	$store = ActionScheduler::store();
	for ( $i = $have; $i < 300; $i++ ) {
		$id = as_schedule_single_action( time() - $i * 60, 'datamachine_execute_step', array( array( 'job_id' => $i + 1, 'flow_step_id' => 'step_' . ( $i % 4 ) ) ), 'data-machine' );
		if ( 0 === $i % 10 ) {
			$store->mark_failure( $id );
		} elseif ( 0 === $i % 25 ) {
			// Nothing left pending: Action Scheduler's own runner would work through it during the timing.
			$store->cancel_action( $id );
		} else {
			$store->mark_complete( $id );
		}
	}
	$have = 300;
}

// Double the table (copies shifted back in time) until it holds the target.
while ( $have < $target ) {
	$copy = min( $have, $target - $have );
	$days = wp_rand( 1, 90 );
	$wpdb->query(
		$wpdb->prepare(
			"INSERT INTO {$table} (hook, status, scheduled_date_gmt, scheduled_date_local, priority, args, schedule, group_id, attempts, last_attempt_gmt, last_attempt_local, claim_id, extended_args) SELECT hook, status, scheduled_date_gmt - INTERVAL %d DAY, scheduled_date_local - INTERVAL %d DAY, priority, args, schedule, group_id, attempts, last_attempt_gmt - INTERVAL %d DAY, last_attempt_local - INTERVAL %d DAY, 0, extended_args FROM {$table} ORDER BY action_id LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$days,
			$days,
			$days,
			$days,
			$copy
		)
	);
	$have += $copy;
}
$wpdb->query( "ANALYZE TABLE {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
printf( "Action Scheduler holds %s actions.\n", number_format( $have ) );
