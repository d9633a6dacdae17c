<?php
/**
 * A concurrent writer for the concurrency test: inserts jobs one by one (as Data Machine does) until
 * a stop file appears, then writes the IDs it inserted, its failures and per-insert latencies.
 *
 * Usage: php writer.php <wordpress dir> <pipeline_id> <flow_id> <go file> <stop file> <result file>
 * It starts inserting when the go file appears (right after the cleanup started). The jobs are
 * deliberately "old" and completed, so a cleanup that ignored its snapshot would delete them.
 *
 * @package DMJobs
 */

PHP_SAPI === 'cli' || exit;

if ( 'cli' !== PHP_SAPI || $argc < 7 ) {
	exit( 2 );
}
[ , $wordpress, $pipeline_id, $flow_id, $go_file, $stop_file, $result_file ] = $argv;
$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( $wordpress, '/' ) . '/wp-load.php';

global $wpdb;
$ids       = array();
$latencies = array();
$errors    = array();
$statuses  = array( 'completed', 'completed - late', 'completed_no_items', 'failed - late', 'pending' );
$i         = 0;
$ready     = microtime( true ) + 60;
while ( ! file_exists( $go_file ) && microtime( true ) < $ready ) {
	usleep( 1000 );
}
$first_at = microtime( true );
while ( ! file_exists( $stop_file ) ) {
	$started  = hrtime( true );
	$inserted = $wpdb->insert(
		\DMJobs\Schema\Repository\TableNames::jobs(),
		array(
			'pipeline_id'  => (int) $pipeline_id,
			'flow_id'      => (int) $flow_id,
			'status'       => $statuses[ $i % count( $statuses ) ],
			'engine_data'  => '{"writer":' . getmypid() . '}',
			'created_at'   => '2020-01-01 00:00:00',
			'completed_at' => '2020-01-01 00:01:00',
		)
	);
	$latencies[] = ( hrtime( true ) - $started ) / 1e6;
	if ( false === $inserted ) {
		$errors[] = $wpdb->last_error;
	} else {
		$ids[] = (int) $wpdb->insert_id;
	}
	++$i;
	usleep( 2000 );
}
sort( $latencies );
file_put_contents(
	$result_file,
	(string) wp_json_encode(
		array(
			'ids'       => $ids,
			'errors'    => $errors,
			'max_ms'    => $latencies ? end( $latencies ) : 0,
			'p99_ms'    => $latencies ? $latencies[ (int) floor( 0.99 * ( count( $latencies ) - 1 ) ) ] : 0,
			'inserts'   => count( $latencies ),
			'first_at'  => $first_at,
		)
	)
);
