<?php
/**
 * Benchmark data: N jobs written straight into a MariaDB/MySQL dm_jobs table in set-based batches.
 *
 * Usage: php bin/bench/seed.php --path=<wordpress dir> --rows=1000000 [--payload-bytes=1000]
 * Reuses what is there: only the missing rows are added (so a 10M run can grow a 1M table).
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'rows:', 'payload-bytes::', 'days::', 'tables::' ) );
$rows    = (int) ( $options['rows'] ?? 0 );
if ( empty( $options['path'] ) || $rows < 1 ) {
	fwrite( STDERR, "Usage: php bin/bench/seed.php --path=<wordpress dir> --rows=N [--payload-bytes=1000] [--days=365]\n" );
	exit( 2 );
}
$payload_bytes = max( 0, (int) ( $options['payload-bytes'] ?? 1000 ) );
$tables        = (string) ( $options['tables'] ?? 'dm' );
if ( ! in_array( $tables, array( 'dm', 'datamachine' ), true ) ) {
	fwrite( STDERR, "--tables must be dm or datamachine.\n" );
	exit( 2 );
}
$days          = max( 1, (int) ( $options['days'] ?? 365 ) );

$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( $options['path'], '/' ) . '/wp-load.php';

global $wpdb;
if ( $wpdb instanceof \WP_SQLite_DB ) {
	fwrite( STDERR, "The benchmark seeds MariaDB/MySQL (it uses the SEQUENCE engine).\n" );
	exit( 2 );
}
if ( 'datamachine' === $tables ) {
	// Today's Data Machine: its own tables (its CREATE TABLE statements), adopted by DM Jobs.
	( new \DMJobs\DataMachine\Repository\DataMachineTablesRepository() )->create_current_generation_tables();
	\DMJobs\DataMachine\Adapters::forget();
	( new \DMJobs\Schema\Repository\SchemaRepository() )->upgrade();
}
$today = \DMJobs\DataMachine\Adapters::current()->ids_are_text();
if ( ( 'datamachine' === $tables ) !== $today ) {
	fwrite( STDERR, 'This site reads ' . \DMJobs\Schema\Repository\TableNames::jobs() . ", not the {$tables} tables.\n" );
	exit( 1 );
}
$jobs  = \DMJobs\Schema\Repository\TableNames::jobs();
$flows = \DMJobs\Schema\Repository\TableNames::flows();

if ( 0 === (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$flows}" ) ) {
	( new \DMJobs\Demo\DemoSeeder() )->seed( 0 );
}
$flow_count = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$flows}" );
$existing   = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$jobs}" );
if ( $existing >= $rows ) {
	printf( "%d jobs already there.\n", $existing );
	exit( 0 );
}

// Status mix per 1000 rows, like Data Machine sites: mostly "nothing new" and skips.
$mix = $today ? array(
	// Today's Data Machine stores base statuses (the reason goes to engine_data.job_status_reason).
	'completed_no_items' => 380,
	'agent_skipped'      => 170,
	'completed'          => 270,
	'failed'             => 140,
	'cancelled'          => 15,
	'waiting'            => 5,
	'processing'         => 10,
	'pending'            => 10,
) : array(
	'completed_no_items' => 380,
	'agent_skipped'      => 170,
	'completed'          => 260,
	'failed'             => 100,
	'failed - timeout'   => 25,
	'failed: http_500'   => 15,
	'cancelled'          => 15,
	'complete'           => 10,
	'running'            => 5,
	'processing'         => 10,
	'pending'            => 10,
);
$total = $rows;
// Only the newest rows are still open; a handful of old ones are stuck in processing, as on real sites.
$case   = "CASE WHEN s.seq % 250000 = 7 THEN 'processing'";
$bound  = 0;
foreach ( $mix as $status => $weight ) {
	$bound += $weight;
	$open   = in_array( $status, array( 'running', 'processing', 'pending', 'waiting' ), true );
	$case  .= $wpdb->prepare( ' WHEN s.seq %% 1000 < %d THEN %s', $bound, $open ? 'completed' : $status );
	if ( $open ) {
		$case = str_replace( 'CASE', $wpdb->prepare( 'CASE WHEN s.seq > %d AND s.seq %% 1000 < %d AND s.seq %% 1000 >= %d THEN %s', $total - 300, $bound, $bound - $weight, $status ), $case );
	}
}
$case .= " ELSE 'completed' END";

$wpdb->query( 'SET SESSION unique_checks = 0' );
$started = microtime( true );
$batch   = 100000;
$span    = $days * 86400;
for ( $from = $existing + 1; $from <= $rows; $from += $batch ) {
	$to  = min( $rows, $from + $batch - 1 );
	// Today's generation: 5% system tasks ("direct" IDs, source system, a label), 3% chat (NULL IDs),
	// the rest pipeline jobs labelled with their flow name, started by user 1; failures carry their reason.
	$today_columns = $today ? ', user_id, source, label' : '';
	$today_values  = $today ? ", 1, CASE WHEN x.seq % 100 < 5 THEN 'system' WHEN x.seq % 100 < 8 THEN 'chat' ELSE 'pipeline' END,
			CASE WHEN x.seq % 100 < 5 THEN 'Daily memory' WHEN x.seq % 100 < 8 THEN CONCAT('Chat ', x.seq) ELSE f.flow_name END" : '';
	$pipeline_id   = $today ? "CASE WHEN x.seq % 100 < 5 THEN 'direct' WHEN x.seq % 100 < 8 THEN NULL ELSE f.pipeline_id END" : 'f.pipeline_id';
	$flow_id       = $today ? "CASE WHEN x.seq % 100 < 5 THEN 'direct' WHEN x.seq % 100 < 8 THEN NULL ELSE f.flow_id END" : 'f.flow_id';
	$reason        = $today ? "IF(x.status = 'failed', CONCAT(',\"job_status_reason\":\"', ELT(1 + x.seq % 3, 'timeout', 'http_500', 'step_execution_failure'), '\"'), '')" : "''";
	$sql = "INSERT INTO {$jobs} (pipeline_id, flow_id, status, engine_data, created_at, completed_at{$today_columns})
		SELECT {$pipeline_id}, {$flow_id}, x.status,
			CONCAT('{\"source_url\":\"https://example.com/items/', x.seq, '\",\"item_count\":', x.seq % 12, {$reason}, ',\"body\":\"', REPEAT('x', {$payload_bytes}), '\"}'),
			x.created_at,
			IF(x.status IN ('running','processing','pending','waiting'), NULL, x.created_at + INTERVAL (x.seq * 7919 % 900) SECOND){$today_values}
		FROM (
			SELECT s.seq, {$case} AS status,
				UTC_TIMESTAMP() - INTERVAL FLOOR(({$total} - s.seq) * {$span} / {$total}) SECOND AS created_at
			FROM seq_{$from}_to_{$to} s
		) x
		JOIN (SELECT flow_id, pipeline_id, flow_name, ROW_NUMBER() OVER (ORDER BY flow_id) - 1 AS idx FROM {$flows}) f
			ON f.idx = x.seq % {$flow_count}
		ORDER BY x.seq";
	if ( false === $wpdb->query( $sql ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		fwrite( STDERR, 'Seeding failed: ' . $wpdb->last_error . "\n" );
		exit( 1 );
	}
	fprintf( STDERR, "\r  %s / %s rows", number_format( $to ), number_format( $rows ) );
}
fprintf( STDERR, "\n" );
printf( "Seeded %d jobs in %.1f s.\n", $rows - $existing, microtime( true ) - $started );
