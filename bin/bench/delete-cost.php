<?php
/**
 * Where a cleanup's DELETE spends its time: CPU per deleted row for several index sets of the jobs table
 * (MariaDB/MySQL only). For each variant, a scratch copy of the jobs table (same columns and indexes,
 * minus the variant's dropped ones; 200,000 of its rows plus N old finished jobs) loses the N rows in
 * batches (DELETE … WHERE job_id IN (…) plus the cleanup's status re-check, one transaction per
 * batch), and the database server's CPU is read from /proc: its connection thread (the DELETE), all
 * its threads during the deletes, and its purge afterwards (InnoDB removes index entries later). CPU
 * per row varies far less with the machine's load than rows/s. The scratch table is dropped after each
 * variant; the site's tables are only read.
 *
 * Usage: php bin/bench/delete-cost.php --path=<wordpress dir> [--rows=20000] [--batch=2000]
 *        [--variants=full,added-virtual,added,keep:] (comma list; "full": every index; "added-virtual":
 *        without DM Jobs' indexes on virtual columns; "added": without any index DM Jobs adds;
 *        "drop:a+b": without these; "keep:a+b": primary key and only these)
 *        [--payload=json|text] (engine_data of the deleted rows: JSON with a job_status_reason, or plain text)
 *        A variant may end in "@like", "@lookup" or "@stored": the base-status column built with the LIKE chain
 *        of before Migration 10, with today's head lookup, or (stored) the lookup and the duration as STORED
 *        generated columns (e.g. --variants=full@like,full@lookup,full@stored,full@like,full@lookup,full@stored)
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'rows::', 'batch::', 'variants::', 'payload::' ) );
if ( empty( $options['path'] ) ) {
	fwrite( STDERR, "Usage: php bin/bench/delete-cost.php --path=<wordpress dir> [--rows=20000] [--batch=2000] [--variants=full,added-virtual,added,keep:]\n" );
	exit( 2 );
}
$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( $options['path'], '/' ) . '/wp-load.php';

use DMJobs\DataMachine\AddedSchema;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\StatusFilterSql;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\BaseStatus;

global $wpdb;
if ( $wpdb instanceof \WP_SQLite_DB ) {
	fwrite( STDERR, "MariaDB/MySQL only.\n" );
	exit( 2 );
}
$rows     = max( 1, (int) ( $options['rows'] ?? 20000 ) );
$batch    = max( 1, (int) ( $options['batch'] ?? 2000 ) );
$variants = explode( ',', (string) ( $options['variants'] ?? 'full,added-virtual,added,keep:' ) );
$json     = 'text' !== ( $options['payload'] ?? 'json' );
$jobs     = TableNames::jobs();
$scratch  = $wpdb->prefix . 'dm_jobs_delete_cost';
$pid_file = (string) $wpdb->get_var( 'SELECT @@pid_file' );
$pid      = is_readable( $pid_file ) ? (int) trim( (string) file_get_contents( $pid_file ) ) : 0;
$tid      = (int) $wpdb->get_var( 'SELECT TID FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()' );
if ( ! $pid || ! $tid ) {
	fwrite( STDERR, "The database server's process must run on this machine (/proc).\n" );
	exit( 2 );
}

$indexes = array();
foreach ( (array) $wpdb->get_results( "SHOW INDEX FROM {$jobs}", ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$indexes[ (string) $row['Key_name'] ][] = (string) $row['Column_name'];
}
$virtual = array();
foreach ( (array) $wpdb->get_results( "SHOW COLUMNS FROM {$jobs}", ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	if ( str_contains( strtoupper( (string) $row['Extra'] ), 'VIRTUAL' ) || str_contains( strtoupper( (string) $row['Extra'] ), 'GENERATED' ) ) {
		$virtual[] = (string) $row['Field'];
	}
}
$ours        = array_values( array_intersect( AddedSchema::JOB_INDEXES, array_keys( $indexes ) ) );
$ours_on_vcol = array_values( array_filter( $ours, static fn ( string $name ): bool => (bool) array_intersect( $indexes[ $name ], $virtual ) ) );
$columns     = array_values( array_diff( array_column( (array) $wpdb->get_results( "SHOW COLUMNS FROM {$jobs}", ARRAY_A ), 'Field' ), $virtual ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$column_list = '`' . implode( '`, `', $columns ) . '`';
[ $recheck, $recheck_values ] = StatusFilterSql::build( array( BaseStatus::Completed, BaseStatus::CompletedNoItems, BaseStatus::AgentSkipped ), 'status' );
[ $active, $active_values ]   = StatusFilterSql::build( StatusFilterSql::active_statuses(), 'status' );

printf( "%s: %d indexes (%d added by DM Jobs, %d of them on virtual columns); deleting %s rows in batches of %s\n", $jobs, count( $indexes ), count( $ours ), count( $ours_on_vcol ), number_format( $rows ), number_format( $batch ) );
printf( "%-44s %8s %10s %10s %10s %9s\n", 'variant (indexes)', 'DELETE', 'server', 'purge', 'total', 'rows/s' );
foreach ( $variants as $variant ) {
	// "@like" / "@lookup" / "@stored": the scratch copy's generated columns as they were before Migration 10,
	// as they are, or stored instead of virtual, so these can be compared in one interleaved run.
	$status_base = null;
	if ( str_contains( $variant, '@' ) ) {
		[ $variant, $status_base ] = explode( '@', $variant, 2 );
	}
	if ( 'full' === $variant ) {
		$drop = array();
	} elseif ( 'added-virtual' === $variant ) {
		$drop = $ours_on_vcol;
	} elseif ( 'added' === $variant ) {
		$drop = $ours;
	} elseif ( str_starts_with( $variant, 'drop:' ) ) {
		$drop = array_filter( explode( '+', substr( $variant, 5 ) ) );
	} elseif ( str_starts_with( $variant, 'keep:' ) ) {
		$drop = array_diff( array_keys( $indexes ), array( 'PRIMARY' ), explode( '+', substr( $variant, 5 ) ) );
	} else {
		fwrite( STDERR, "Unknown variant {$variant}\n" );
		continue;
	}
	$wpdb->query( "DROP TABLE IF EXISTS {$scratch}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$wpdb->query( "CREATE TABLE {$scratch} LIKE {$jobs}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	if ( null !== $status_base ) {
		dm_jobs_delete_cost_status_base( $scratch, $indexes, 'like' === $status_base ? JobColumns::status_base_expression() : JobColumns::status_base_column_expression(), 'stored' === $status_base );
	}
	foreach ( $drop as $index ) {
		$wpdb->query( "ALTER TABLE {$scratch} DROP INDEX `" . esc_sql( $index ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
	$wpdb->query( "INSERT INTO {$scratch} ({$column_list}) SELECT {$column_list} FROM {$jobs} ORDER BY job_id LIMIT 200000" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$first   = (int) $wpdb->get_var( "SELECT COALESCE(MAX(job_id), 0) + 1000 FROM {$scratch}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$payload = $json ? "CONCAT('{\"job_status_reason\":\"items_processed\",\"body\":\"', REPEAT('x', 1000), '\"}')" : "REPEAT('x', 1000)";
	$wpdb->query(
		"INSERT INTO {$scratch} (job_id, pipeline_id, flow_id, status, engine_data, created_at, completed_at)
		SELECT {$first} + s.seq, 999999, 999999, ELT(1 + s.seq % 4, 'completed', 'completed - 3 items', 'completed_no_items', 'agent_skipped'), {$payload},
			'2020-01-01 00:00:00' + INTERVAL s.seq SECOND, '2020-01-01 00:01:00' + INTERVAL s.seq SECOND
		FROM seq_0_to_" . ( $rows - 1 ) . ' s' // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	);
	dm_jobs_delete_cost_wait_for_purge();
	$server_before = dm_jobs_delete_cost_cpu( "/proc/{$pid}/stat" );
	$thread_before = dm_jobs_delete_cost_cpu( "/proc/{$pid}/task/{$tid}/stat" );
	$started       = microtime( true );
	$deleted       = 0;
	for ( $from = $first; $from < $first + $rows; $from += $batch ) {
		$ids = range( $from, min( $first + $rows - 1, $from + $batch - 1 ) );
		$wpdb->query( 'START TRANSACTION' );
		$deleted += (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$scratch} WHERE job_id IN (" . implode( ',', array_fill( 0, count( $ids ), '%d' ) ) . ") AND {$recheck} AND NOT {$active}", array_merge( $ids, $recheck_values, $active_values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( 'COMMIT' );
	}
	$seconds      = microtime( true ) - $started;
	$thread_after = dm_jobs_delete_cost_cpu( "/proc/{$pid}/task/{$tid}/stat" );
	$server_after = dm_jobs_delete_cost_cpu( "/proc/{$pid}/stat" );
	dm_jobs_delete_cost_wait_for_purge();
	$server_purged = dm_jobs_delete_cost_cpu( "/proc/{$pid}/stat" );
	$per_row       = static fn ( float $ms ): string => sprintf( '%.1f µs', 1000 * $ms / max( 1, $deleted ) );
	$label         = $variant . ( null === $status_base ? '' : "@{$status_base}" ) . ' (' . ( count( $indexes ) - count( $drop ) ) . ')';
	printf( "%-44s %8s %10s %10s %10s %9s\n", $label, $per_row( $thread_after - $thread_before ), $per_row( $server_after - $server_before ), $per_row( $server_purged - $server_after ), $per_row( $server_purged - $server_before ), number_format( $deleted / max( 0.001, $seconds ) ) );
	$wpdb->query( "DROP TABLE {$scratch}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
}
echo "DELETE: the connection thread's CPU per row; server: all of the server's threads during the deletes (purge runs alongside); purge: after the last commit, until InnoDB's history list is short again; load average: " . implode( ' ', array_slice( explode( ' ', (string) file_get_contents( '/proc/loadavg' ) ), 0, 3 ) ) . "\n";

/**
 * Gives the (still empty) scratch table's base-status column this expression: its indexes and the column
 * are dropped and added again, as Migration 10 does.
 *
 * @param array<string, string[]> $indexes The jobs table's indexes: name => columns.
 */
function dm_jobs_delete_cost_status_base( string $scratch, array $indexes, string $expression, bool $stored ): void {
	global $wpdb;
	$generated   = array( JobColumns::STATUS_BASE => "varchar(20) AS ({$expression})" );
	if ( $stored ) {
		$generated[ JobColumns::DURATION ] = 'int AS (' . JobColumns::duration_expression() . ')';
	}
	$with_column = array_filter( $indexes, static fn ( array $columns ): bool => (bool) array_intersect( array_keys( $generated ), $columns ) );
	foreach ( array_keys( $with_column ) as $index ) {
		$wpdb->query( "ALTER TABLE {$scratch} DROP INDEX `{$index}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
	foreach ( $generated as $column => $definition ) {
		$wpdb->query( "ALTER TABLE {$scratch} DROP COLUMN {$column}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( "ALTER TABLE {$scratch} ADD COLUMN {$column} {$definition} " . ( $stored ? 'STORED' : 'VIRTUAL' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
	foreach ( $with_column as $index => $columns ) {
		$wpdb->query( "ALTER TABLE {$scratch} ADD INDEX `{$index}` (`" . implode( '`, `', $columns ) . '`)' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}

/**
 * utime + stime of a /proc stat file, in milliseconds.
 */
function dm_jobs_delete_cost_cpu( string $file ): float {
	$fields = explode( ' ', substr( (string) strrchr( (string) file_get_contents( $file ), ')' ), 2 ) );
	return ( (int) $fields[11] + (int) $fields[12] ) * 1000 / 100; // USER_HZ is 100 on Linux.
}

/**
 * Waits (up to 120 s) until InnoDB's history list is short again.
 */
function dm_jobs_delete_cost_wait_for_purge(): void {
	global $wpdb;
	$started = microtime( true );
	do {
		$status = (string) ( $wpdb->get_row( 'SHOW ENGINE INNODB STATUS', ARRAY_A )['Status'] ?? '' );
		if ( ! preg_match( '/History list length (\d+)/', $status, $match ) || (int) $match[1] <= 100 ) {
			break;
		}
		usleep( 100000 );
	} while ( microtime( true ) - $started < 120 );
	usleep( 300000 );
}
