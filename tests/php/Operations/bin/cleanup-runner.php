<?php
/**
 * One cleanup run in its own process (for the overlapping-runs test): starts a "completed family"
 * cleanup of one pipeline and runs it to the end, then prints the operation as JSON.
 *
 * Usage: php cleanup-runner.php <wordpress dir> <pipeline_id> <go file>
 * It waits for the go file so that several runners start at the same moment.
 *
 * @package DMJobs
 */

PHP_SAPI === 'cli' || exit;

if ( 'cli' !== PHP_SAPI || $argc < 4 ) {
	exit( 2 );
}
[ , $wordpress, $pipeline_id, $go_file ] = $argv;
$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( $wordpress, '/' ) . '/wp-load.php';

use DMJobs\Audit\Actor;
use DMJobs\Operations\OperationParams;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;

$deadline = microtime( true ) + 30;
while ( ! file_exists( $go_file ) && microtime( true ) < $deadline ) {
	usleep( 5000 );
}
$service = new OperationService();
$params  = OperationParams::normalize(
	OperationType::CleanupJobs,
	array(
		'statuses'        => OperationParams::COMPLETED_FAMILY,
		'older_than_days' => 30,
		'pipeline_id'     => (int) $pipeline_id,
	)
);
$started = $service->start( OperationType::CleanupJobs, $params, null, null, Actor::system() );
$final   = $service->run_until_done( (int) $started['id'], microtime( true ) + 300, 500 );
echo wp_json_encode(
	array(
		'operation' => $final,
		'retries'   => \DMJobs\Shared\Repository\Retry::$retries,
	)
);
