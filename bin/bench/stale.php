<?php
/**
 * The benchmark's "stale" phase: N jobs written straight into dm_jobs the way Data Machine writes them
 * (plain INSERTs, no DM Jobs code, no WP-Cron), so the count snapshot, page anchors and created_at zones
 * are behind when the list is measured. Afterwards --undo removes them again and rebuilds the derived
 * state, so the next benchmark run starts from the same table.
 *
 * Usage: php bin/bench/stale.php --path=<wordpress dir> --add=100000
 *        php bin/bench/stale.php --path=<wordpress dir> --undo=<max job ID before --add>
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'add::', 'undo::' ) );
if ( empty( $options['path'] ) || ( ! isset( $options['add'] ) && ! isset( $options['undo'] ) ) ) {
	fwrite( STDERR, "Usage: php bin/bench/stale.php --path=<wordpress dir> (--add=N | --undo=ID)\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( $options['path'], '/' ) . '/wp-load.php';

global $wpdb;
$jobs  = \DMJobs\Schema\Repository\TableNames::jobs();
$flows = \DMJobs\Schema\Repository\TableNames::flows();

if ( isset( $options['undo'] ) ) {
	$above = (int) $options['undo'];
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$jobs} WHERE job_id > %d", $above ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	\DMJobs\Jobs\DataVersion::bump();
	( new \DMJobs\Jobs\JobCounts() )->refresh();
	( new \DMJobs\Jobs\PageAnchors() )->refresh( 900.0 );
	( new \DMJobs\Jobs\CreatedAtZones() )->refresh( 900.0 );
	printf( "Removed the stale-phase jobs above #%d and rebuilt the derived state.\n", $above );
	exit( 0 );
}

$add        = max( 1, (int) $options['add'] );
$before     = (int) $wpdb->get_var( "SELECT MAX(job_id) FROM {$jobs}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$flow_count = max( 1, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$flows}" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$started    = microtime( true );
$batch      = 50000;
for ( $from = 1; $from <= $add; $from += $batch ) {
	$to = min( $add, $from + $batch - 1 );
	// Data Machine's mix; the newest few are still open. created_at: the last $add seconds.
	$sql = "INSERT INTO {$jobs} (pipeline_id, flow_id, status, engine_data, created_at, completed_at)
		SELECT f.pipeline_id, f.flow_id, x.status, '{\"source_url\":\"https://example.com/direct\"}', x.created_at,
			IF(x.status IN ('pending','processing'), NULL, x.created_at + INTERVAL (x.seq % 600) SECOND)
		FROM (
			SELECT s.seq,
				CASE WHEN s.seq > {$add} - 20 THEN IF(s.seq % 2 = 0, 'pending', 'processing')
					WHEN s.seq % 100 < 38 THEN 'completed_no_items' WHEN s.seq % 100 < 55 THEN 'agent_skipped'
					WHEN s.seq % 100 < 81 THEN 'completed' WHEN s.seq % 100 < 93 THEN 'failed'
					WHEN s.seq % 100 < 95 THEN 'failed - timeout' ELSE 'cancelled' END AS status,
				UTC_TIMESTAMP() - INTERVAL ({$add} - s.seq) SECOND AS created_at
			FROM seq_{$from}_to_{$to} s
		) x
		JOIN (SELECT flow_id, pipeline_id, ROW_NUMBER() OVER (ORDER BY flow_id) - 1 AS idx FROM {$flows}) f
			ON f.idx = x.seq % {$flow_count}
		ORDER BY x.seq";
	if ( false === $wpdb->query( $sql ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		fwrite( STDERR, 'Inserting failed: ' . $wpdb->last_error . "\n" );
		exit( 1 );
	}
}
printf( "%d\n", $before );
fprintf( STDERR, "Inserted %d jobs straight into %s in %.1f s (no refresh).\n", $add, $jobs, microtime( true ) - $started );
