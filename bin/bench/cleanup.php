<?php
/**
 * Cleanup throughput benchmark: adds N old, finished jobs of a dedicated pipeline to the
 * site's dm_jobs (next to whatever is there, e.g. the 1M rows of `npm run bench`), then removes
 * them with the real batched cleanup (OperationService, batches sized by time, hooks included) while
 * a concurrent writer process inserts jobs one by one, as Data Machine does. Prints one JSON
 * object: rows/s, and the writer's worst (and p99/median) insert latency during the cleanup.
 * Every row the writer inserted must survive (reported as writer_rows_lost). The benchmark's own
 * rows are removed at the end, so the site is as it was.
 *
 * Usage: php bin/bench/cleanup.php --path=<wordpress dir> [--rows=1000000] [--writers=1]
 *        [--payload-bytes=1000] [--batch=N] (a fixed batch size instead of the time-sized batches)
 *        [--rollups-behind] (leave the metrics rollups as they are; by default they are brought up to
 *        date first, as WP-Cron keeps them on a real site, so the deletion hooks see old, counted jobs)
 *        [--control-seconds=10] (first runs the writers alone this long, without the cleanup, and reports
 *        their inserts as writer_alone: what the machine itself costs them; 0 skips it)
 *        [--profile] (also prints, on stderr, the time and queries per batch of every statement shape and
 *        of every callback of the deletion hooks; the rows/s of a profiled run are lower)
 * (--url is accepted and ignored, for bin/bench.sh; DM_JOBS_BENCH_CLEANUP_ROWS sets the default of --rows.)
 * On a 2-core machine, 1,000,000 rows take about 60 s to add and 5 minutes to remove.
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'rows::', 'writers::', 'payload-bytes::', 'batch::', 'url::', 'writer', 'pipeline::', 'flow::', 'go::', 'stop::', 'out::', 'profile', 'rollups-behind', 'control-seconds::' ) );
if ( empty( $options['path'] ) ) {
	fwrite( STDERR, "Usage: php bin/bench/cleanup.php --path=<wordpress dir> [--rows=1000000] [--writers=1] [--payload-bytes=1000] [--batch=N]\n" );
	exit( 2 );
}
$_SERVER['HTTP_HOST'] = 'localhost';
$profile             = isset( $options['profile'] );
if ( $profile ) {
	define( 'SAVEQUERIES', true );
}
require rtrim( $options['path'], '/' ) . '/wp-load.php';

if ( isset( $options['writer'] ) ) {
	dm_jobs_bench_writer( (int) $options['pipeline'], (int) $options['flow'], (string) $options['go'], (string) $options['stop'], (string) $options['out'] );
	exit( 0 );
}

use DMJobs\Audit\Actor;
use DMJobs\Operations\OperationParams;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;
use DMJobs\Shared\Repository\Retry;

global $wpdb;
$rows          = max( 1, (int) ( $options['rows'] ?? ( getenv( 'DM_JOBS_BENCH_CLEANUP_ROWS' ) ?: 1000000 ) ) );
$writers       = max( 0, (int) ( $options['writers'] ?? 1 ) );
$payload_bytes = max( 0, (int) ( $options['payload-bytes'] ?? 1000 ) );
$batch         = isset( $options['batch'] ) ? max( 1, (int) $options['batch'] ) : null;
$control_seconds = max( 0, (int) ( $options['control-seconds'] ?? 10 ) );
$jobs          = \DMJobs\Schema\Repository\TableNames::jobs();
$is_sqlite     = $wpdb instanceof \WP_SQLite_DB;

// A dedicated pipeline and flow, so only the benchmark's own rows are touched.
$name     = 'DM Jobs cleanup benchmark';
$pipeline = (int) $wpdb->get_var( $wpdb->prepare( "SELECT pipeline_id FROM " . \DMJobs\Schema\Repository\TableNames::pipelines() . " WHERE pipeline_name = %s", $name ) );
if ( ! $pipeline ) {
	$wpdb->insert( \DMJobs\Schema\Repository\TableNames::pipelines(), array( 'pipeline_name' => $name, 'pipeline_config' => '{}', 'created_at' => gmdate( 'Y-m-d H:i:s' ), 'updated_at' => gmdate( 'Y-m-d H:i:s' ) ) );
	$pipeline = (int) $wpdb->insert_id;
	$wpdb->insert( \DMJobs\Schema\Repository\TableNames::flows(), array( 'pipeline_id' => $pipeline, 'flow_name' => $name, 'flow_config' => '{}', 'scheduling_config' => '{"interval":"manual"}' ) );
}
$flow = (int) $wpdb->get_var( $wpdb->prepare( "SELECT flow_id FROM " . \DMJobs\Schema\Repository\TableNames::flows() . " WHERE pipeline_id = %d ORDER BY flow_id LIMIT 1", $pipeline ) );
dm_jobs_bench_remove_own_rows( $pipeline );

// Seed N old finished rows (plain, legacy and compound statuses of the completed family).
fprintf( STDERR, "Adding %s old jobs to %s…\n", number_format( $rows ), $jobs );
$seed_started = microtime( true );
$statuses     = array( 'completed', 'complete', 'completed - 3 items', 'completed_no_items', 'agent_skipped', 'completed: partial' );
if ( $is_sqlite ) {
	$repository = new \DMJobs\Jobs\Repository\JobRepository();
	for ( $done = 0; $done < $rows; $done += 2000 ) {
		$chunk = array();
		for ( $i = $done; $i < min( $rows, $done + 2000 ); $i++ ) {
			$chunk[] = array( 'pipeline_id' => $pipeline, 'flow_id' => $flow, 'status' => $statuses[ $i % 6 ], 'engine_data' => str_repeat( 'x', $payload_bytes ), 'created_at' => '2020-01-01 00:00:00', 'completed_at' => '2020-01-01 00:01:00' );
		}
		$repository->insert_many( $chunk, 500 );
	}
} else {
	$elt = "ELT(1 + s.seq % 6, '" . implode( "', '", $statuses ) . "')";
	for ( $from = 1; $from <= $rows; $from += 100000 ) {
		$to  = min( $rows, $from + 99999 );
		$sql = "INSERT INTO {$jobs} (pipeline_id, flow_id, status, engine_data, created_at, completed_at)
			SELECT {$pipeline}, {$flow}, {$elt}, REPEAT('x', {$payload_bytes}),
				'2020-01-01 00:00:00' + INTERVAL s.seq SECOND, '2020-01-01 00:01:00' + INTERVAL s.seq SECOND
			FROM seq_{$from}_to_{$to} s";
		if ( false === $wpdb->query( $sql ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			fwrite( STDERR, 'Seeding failed: ' . $wpdb->last_error . "\n" );
			exit( 1 );
		}
	}
}
$seed_seconds = microtime( true ) - $seed_started;
$table_rows   = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$jobs}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$rollups      = 'behind (as seeded)';
if ( ! isset( $options['rollups-behind'] ) ) {
	fprintf( STDERR, "Bringing the metrics rollups up to date (what WP-Cron does every five minutes)…\n" );
	$catch_up_started = microtime( true );
	( new \DMJobs\Metrics\RollupService() )->catch_up();
	$rollups = sprintf( 'up to date (caught up in %.1f s before the cleanup)', microtime( true ) - $catch_up_started );
}

// Writers: separate PHP processes, waiting for the go file.
$work = sys_get_temp_dir() . '/dm-jobs-bench-cleanup-' . getmypid();
@mkdir( $work, 0777, true ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged

// Control: the same writers alone for a while, no cleanup, so the cleanup's effect on their inserts can be
// told apart from the machine's (other processes on a shared machine delay inserts as well).
$control = null;
if ( $writers > 0 && $control_seconds > 0 ) {
	fprintf( STDERR, "Control: %d writer(s) alone for %d s…\n", $writers, $control_seconds );
	$processes = dm_jobs_bench_start_writers( $writers, (string) $options['path'], $pipeline, $flow, "{$work}/control" );
	usleep( 800000 );
	touch( "{$work}/control-go" );
	sleep( $control_seconds );
	touch( "{$work}/control-stop" );
	[ $control_ids, $control_latencies ] = dm_jobs_bench_collect_writers( $processes, "{$work}/control" );
	sort( $control_latencies );
	$control = array(
		'seconds'   => $control_seconds,
		'inserts'   => count( $control_latencies ),
		'worst_ms'  => dm_jobs_bench_quantile( $control_latencies, 1.0 ),
		'p99_ms'    => dm_jobs_bench_quantile( $control_latencies, 0.99 ),
		'median_ms' => dm_jobs_bench_quantile( $control_latencies, 0.5 ),
	);
	// Their rows would be old, finished jobs of the cleanup's pipeline: remove them before it starts.
	foreach ( array_chunk( $control_ids, 1000 ) as $chunk ) {
		$wpdb->query( "DELETE FROM {$jobs} WHERE job_id IN (" . implode( ',', array_map( 'intval', $chunk ) ) . ')' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}

$go        = "{$work}/cleanup-go";
$stop      = "{$work}/cleanup-stop";
$processes = dm_jobs_bench_start_writers( $writers, (string) $options['path'], $pipeline, $flow, "{$work}/cleanup" );
usleep( 800000 ); // Let them load WordPress.

fprintf( STDERR, "Cleaning up %s rows (table: %s rows) with %d concurrent writer(s)…\n", number_format( $rows ), number_format( $table_rows ), $writers );
// Time spent in other code hooked to the deletion (rollups, log removal…), reported apart.
$hook_seconds = 0.0;
$hook_started = 0.0;
foreach ( array( 'dm_jobs_before_delete_jobs', 'dm_jobs_jobs_deleted' ) as $hook ) {
	add_action(
		$hook,
		static function () use ( &$hook_started ): void {
			$hook_started = microtime( true );
		},
		PHP_INT_MIN
	);
	add_action(
		$hook,
		static function () use ( &$hook_started, &$hook_seconds ): void {
			$hook_seconds += microtime( true ) - $hook_started;
		},
		PHP_INT_MAX
	);
}
if ( $profile ) {
	dm_jobs_bench_profile_hooks( array( 'dm_jobs_before_delete_jobs', 'dm_jobs_jobs_deleted' ) );
	$wpdb->queries = array();
}
$row_locks_before = dm_jobs_bench_row_lock_waits();
$cpu_before       = dm_jobs_bench_cpu();
$service = new OperationService();
$params  = OperationParams::normalize( OperationType::CleanupJobs, array( 'statuses' => OperationParams::COMPLETED_FAMILY, 'older_than_days' => 30, 'pipeline_id' => $pipeline ) );
$started = $service->start( OperationType::CleanupJobs, $params, null, null, Actor::system() );
touch( $go );
$begin = microtime( true );
$final = $service->run_until_done( (int) $started['id'], PHP_INT_MAX, $batch );
$took  = microtime( true ) - $begin;
touch( $stop );
$row_locks_after = dm_jobs_bench_row_lock_waits();
$cpu_after       = dm_jobs_bench_cpu();
// InnoDB removes the deleted rows' index entries later (purge): wait for it, so its CPU is counted too.
$purge_seconds = dm_jobs_bench_wait_for_purge();
$cpu_purged    = dm_jobs_bench_cpu();
if ( $profile ) {
	dm_jobs_bench_print_profile( $took );
}

[ $inserted, $latencies ] = dm_jobs_bench_collect_writers( $processes, "{$work}/cleanup" );
sort( $latencies );
$survivors = 0;
foreach ( array_chunk( $inserted, 1000 ) as $chunk ) {
	$survivors += (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$jobs} WHERE job_id IN (" . implode( ',', array_map( 'intval', $chunk ) ) . ')' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
}
$pick = static fn ( float $q ): ?float => dm_jobs_bench_quantile( $latencies, $q );

dm_jobs_bench_remove_own_rows( $pipeline );
array_map( 'unlink', glob( "{$work}/*" ) ?: array() );
@rmdir( $work ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged

echo wp_json_encode(
	array(
		'benchmark'         => 'cleanup',
		'database'          => $is_sqlite ? 'sqlite' : (string) $wpdb->get_var( 'SELECT VERSION()' ),
		'table_rows'        => $table_rows,
		'rows_deleted'      => (int) $final['affected'],
		'rows_expected'     => $rows,
		'state'             => $final['state'],
		'seconds'           => round( $took, 2 ),
		'rows_per_second'   => (int) round( $final['affected'] / max( 0.001, $took ) ),
		// The same run without the time other plugins' code (and DM Jobs' other features) spent in the deletion hooks.
		'hook_seconds'      => round( $hook_seconds, 2 ),
		'rows_per_second_excluding_hooks' => (int) round( $final['affected'] / max( 0.001, $took - $hook_seconds ) ),
		'batch_size'        => $batch ?? 'by time (' . OperationService::BATCH_SECONDS . ' s)',
		'transactions'      => 'one per batch (rows + their progress)',
		'statement_retries' => Retry::$retries,
		'seed_seconds'      => round( $seed_seconds, 1 ),
		'rollups'           => $rollups,
		'writer'            => array(
			'processes'     => $writers,
			'inserts'       => count( $latencies ),
			'worst_ms'      => $pick( 1.0 ),
			'p99_ms'        => $pick( 0.99 ),
			'median_ms'     => $pick( 0.5 ),
			'rows_lost'     => count( $inserted ) - $survivors,
		),
		// The same writer(s) before the cleanup, alone (null with --control-seconds=0).
		'writer_alone'      => $control,
		// CPU time per deleted row, which the machine's load changes far less than rows/s: the cleanup's
		// PHP process, the database server during the cleanup (its connection thread, and all its threads:
		// purge, page cleaner, the writer's connection), and the server's purge of the deleted rows after
		// the cleanup ended (null on SQLite, whose work is the PHP process's).
		'cpu_us_per_row'    => dm_jobs_bench_cpu_per_row( $cpu_before, $cpu_after, $cpu_purged, (int) $final['affected'] ),
		'purge_seconds_after' => $purge_seconds,
		'load_average'      => implode( ' ', array_slice( explode( ' ', (string) file_get_contents( '/proc/loadavg' ) ), 0, 3 ) ),
		// Row lock waits in the whole server during the cleanup (InnoDB status counters; null on SQLite).
		'row_lock_waits'    => null === $row_locks_before ? null : array(
			'waits'      => $row_locks_after['waits'] - $row_locks_before['waits'],
			'total_ms'   => $row_locks_after['ms'] - $row_locks_before['ms'],
		),
	),
	JSON_PRETTY_PRINT
) . "\n";

/**
 * Removes every job of the benchmark's pipeline (its seed and its writers' rows).
 */
function dm_jobs_bench_remove_own_rows( int $pipeline ): void {
	global $wpdb;
	if ( $wpdb instanceof \WP_SQLite_DB ) {
		$wpdb->query( $wpdb->prepare( "DELETE FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE pipeline_id = %d", $pipeline ) );
		return;
	}
	do {
		$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE pipeline_id = %d LIMIT 10000", $pipeline ) );
	} while ( $deleted > 0 );
}

/**
 * The concurrent writer: one INSERT per job until the stop file appears; writes its IDs and
 * per-insert latencies (ms) to $out.
 */
function dm_jobs_bench_writer( int $pipeline, int $flow, string $go, string $stop, string $out ): void {
	global $wpdb;
	$deadline = microtime( true ) + 60;
	while ( ! file_exists( $go ) && microtime( true ) < $deadline ) {
		usleep( 1000 );
	}
	$ids       = array();
	$latencies = array();
	while ( ! file_exists( $stop ) ) {
		$started = hrtime( true );
		$ok      = $wpdb->insert(
			\DMJobs\Schema\Repository\TableNames::jobs(),
			array(
				'pipeline_id'  => $pipeline,
				'flow_id'      => $flow,
				'status'       => 'completed',
				'engine_data'  => '{"writer":true}',
				'created_at'   => '2020-01-01 00:00:00',
				'completed_at' => '2020-01-01 00:01:00',
			)
		);
		$latencies[] = ( hrtime( true ) - $started ) / 1e6;
		if ( false !== $ok ) {
			$ids[] = (int) $wpdb->insert_id;
		}
		usleep( 5000 );
	}
	file_put_contents( $out, (string) wp_json_encode( array( 'ids' => $ids, 'latencies' => $latencies ) ) );
}

/**
 * Wraps every callback of these hooks to time it and count its queries (--profile).
 *
 * @param string[] $hooks
 */
function dm_jobs_bench_profile_hooks( array $hooks ): void {
	global $wp_filter, $dm_jobs_bench_hook_profile;
	$dm_jobs_bench_hook_profile = array();
	foreach ( $hooks as $hook ) {
		if ( ! isset( $wp_filter[ $hook ] ) ) {
			continue;
		}
		foreach ( $wp_filter[ $hook ]->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $key => $callback ) {
				$inner = $callback['function'];
				$name  = $hook . ' ' . $priority . ' ' . ( is_array( $inner ) ? ( is_object( $inner[0] ) ? get_class( $inner[0] ) : $inner[0] ) . '::' . $inner[1] : ( is_string( $inner ) ? $inner : 'closure' ) );
				$wp_filter[ $hook ]->callbacks[ $priority ][ $key ]['function'] = static function ( ...$args ) use ( $inner, $name ) {
					global $wpdb, $dm_jobs_bench_hook_profile;
					$queries = $wpdb->num_queries;
					$started = hrtime( true );
					$result  = $inner( ...$args );
					$entry   = &$dm_jobs_bench_hook_profile[ $name ];
					$entry['calls']   = ( $entry['calls'] ?? 0 ) + 1;
					$entry['ms']      = ( $entry['ms'] ?? 0 ) + ( hrtime( true ) - $started ) / 1e6;
					$entry['queries'] = ( $entry['queries'] ?? 0 ) + $wpdb->num_queries - $queries;
					return $result;
				};
			}
		}
	}
	$GLOBALS['dm_jobs_bench_batches'] = 0;
	add_action(
		'dm_jobs_before_delete_jobs',
		static function (): void {
			++$GLOBALS['dm_jobs_bench_batches'];
		}
	);
}

/**
 * Prints, per batch, the time and count of every statement shape (SAVEQUERIES) and of every hook
 * callback (--profile).
 */
function dm_jobs_bench_print_profile( float $took ): void {
	global $wpdb, $dm_jobs_bench_hook_profile;
	$shapes = array();
	foreach ( (array) $wpdb->queries as $query ) {
		$shape = preg_replace( array( "/'(?:[^'\\\\]|\\\\.)*'/s", '/\b\d+(\.\d+)?\b/', '/(\?\s*,\s*)+\?/', '/\s+/' ), array( '?', '?', '?…', ' ' ), (string) $query[0] );
		$shape = substr( (string) $shape, 0, 150 );
		$shapes[ $shape ]['n']  = ( $shapes[ $shape ]['n'] ?? 0 ) + 1;
		$shapes[ $shape ]['ms'] = ( $shapes[ $shape ]['ms'] ?? 0 ) + 1000 * (float) $query[1];
	}
	uasort( $shapes, static fn ( array $a, array $b ): int => $b['ms'] <=> $a['ms'] );
	$batches = max( 1, (int) ( $GLOBALS['dm_jobs_bench_batches'] ?? 0 ) );
	$total   = array_sum( array_column( $shapes, 'ms' ) );
	fprintf( STDERR, "\nProfile: %d batches, %.0f ms wall, %.0f ms in %d queries (%.1f queries per batch)\n", $batches, 1000 * $took, $total, count( (array) $wpdb->queries ), count( (array) $wpdb->queries ) / $batches );
	fprintf( STDERR, "%9s %9s %7s  %s\n", 'ms/batch', 'q/batch', 'share', 'statement' );
	foreach ( array_slice( $shapes, 0, 30, true ) as $shape => $entry ) {
		fprintf( STDERR, "%9.2f %9.2f %6.1f%%  %s\n", $entry['ms'] / $batches, $entry['n'] / $batches, 100 * $entry['ms'] / max( 1, 1000 * $took ), $shape );
	}
	fprintf( STDERR, "\n%9s %9s %7s  %s\n", 'ms/batch', 'q/batch', 'share', 'hook callback' );
	foreach ( (array) $dm_jobs_bench_hook_profile as $name => $entry ) {
		fprintf( STDERR, "%9.2f %9.2f %6.1f%%  %s\n", $entry['ms'] / $batches, $entry['queries'] / $batches, 100 * $entry['ms'] / max( 1, 1000 * $took ), $name );
	}
}

/**
 * InnoDB's row lock wait counters (server-wide), or null on SQLite.
 *
 * @return array{waits: int, ms: int}|null
 */
function dm_jobs_bench_row_lock_waits(): ?array {
	global $wpdb;
	if ( $wpdb instanceof \WP_SQLite_DB ) {
		return null;
	}
	$status = array();
	foreach ( (array) $wpdb->get_results( "SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_%'", ARRAY_A ) as $row ) {
		$status[ (string) $row['Variable_name'] ] = (int) $row['Value'];
	}
	return array(
		'waits' => $status['Innodb_row_lock_waits'] ?? 0,
		'ms'    => $status['Innodb_row_lock_time'] ?? 0,
	);
}

/**
 * CPU milliseconds used so far by this PHP process, by the database server (every thread), and by
 * this connection's server thread (Linux /proc; server figures null on SQLite or another host).
 *
 * @return array{php: float, server: float|null, connection: float|null}
 */
function dm_jobs_bench_cpu(): array {
	global $wpdb;
	$usage  = getrusage();
	$php    = ( $usage['ru_utime.tv_sec'] + $usage['ru_stime.tv_sec'] ) * 1000 + ( $usage['ru_utime.tv_usec'] + $usage['ru_stime.tv_usec'] ) / 1000;
	$server = null;
	$thread = null;
	if ( ! $wpdb instanceof \WP_SQLite_DB ) {
		static $pid = null, $tid = null;
		if ( null === $pid ) {
			$file = (string) $wpdb->get_var( 'SELECT @@pid_file' );
			$pid  = is_readable( $file ) ? (int) trim( (string) file_get_contents( $file ) ) : 0;
			$tid  = (int) $wpdb->get_var( 'SELECT TID FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()' );
		}
		$server = $pid ? dm_jobs_bench_proc_cpu_ms( "/proc/{$pid}/stat" ) : null;
		$thread = $pid && $tid ? dm_jobs_bench_proc_cpu_ms( "/proc/{$pid}/task/{$tid}/stat" ) : null;
	}
	return array(
		'php'        => $php,
		'server'     => $server,
		'connection' => $thread,
	);
}

/**
 * utime + stime of a /proc stat file, in milliseconds.
 */
function dm_jobs_bench_proc_cpu_ms( string $file ): ?float {
	$stat = is_readable( $file ) ? (string) file_get_contents( $file ) : '';
	if ( '' === $stat ) {
		return null;
	}
	$fields = explode( ' ', substr( (string) strrchr( $stat, ')' ), 2 ) );
	return ( (int) $fields[11] + (int) $fields[12] ) * 1000 / 100; // USER_HZ is 100 on Linux.
}

/**
 * Waits (up to 120 s) until InnoDB's history list is short again; returns the seconds waited.
 */
function dm_jobs_bench_wait_for_purge(): ?float {
	global $wpdb;
	if ( $wpdb instanceof \WP_SQLite_DB ) {
		return null;
	}
	$started = microtime( true );
	do {
		$status = (string) ( $wpdb->get_row( 'SHOW ENGINE INNODB STATUS', ARRAY_A )['Status'] ?? '' );
		$length = preg_match( '/History list length (\d+)/', $status, $match ) ? (int) $match[1] : 0;
		if ( $length <= 100 ) {
			break;
		}
		usleep( 100000 );
	} while ( microtime( true ) - $started < 120 );
	return round( microtime( true ) - $started, 1 );
}

/**
 * @param array<string, float|null> $before
 * @param array<string, float|null> $after
 * @param array<string, float|null> $purged
 * @return array<string, float|null>
 */
function dm_jobs_bench_cpu_per_row( array $before, array $after, array $purged, int $rows ): array {
	$per_row = static fn ( ?float $from, ?float $to ): ?float => null === $from || null === $to || $rows < 1 ? null : round( 1000 * ( $to - $from ) / $rows, 1 );
	return array(
		'cleanup_php'             => $per_row( $before['php'], $after['php'] ),
		'server_cleanup_thread'   => $per_row( $before['connection'], $after['connection'] ),
		'server_all_threads'      => $per_row( $before['server'], $after['server'] ),
		'server_purge_after'      => $per_row( $after['server'], $purged['server'] ),
	);
}

/**
 * Starts N writer processes: they insert from when "{$prefix}-go" appears until "{$prefix}-stop" does,
 * then write "{$prefix}-writer-N.json".
 *
 * @return resource[]
 */
function dm_jobs_bench_start_writers( int $writers, string $path, int $pipeline, int $flow, string $prefix ): array {
	$processes = array();
	$go        = "{$prefix}-go";
	$stop      = "{$prefix}-stop";
	for ( $w = 0; $w < $writers; $w++ ) {
		$processes[] = proc_open(
			array( PHP_BINARY, __FILE__, '--writer', '--path=' . $path, "--pipeline={$pipeline}", "--flow={$flow}", "--go={$go}", "--stop={$stop}", "--out={$prefix}-writer-{$w}.json" ),
			array( 1 => array( 'file', '/dev/null', 'w' ), 2 => STDERR ),
			$pipes
		);
	}
	return $processes;
}

/**
 * Waits for the writers and returns the IDs they inserted and their insert latencies (ms).
 *
 * @param resource[] $processes
 * @return array{0: int[], 1: float[]}
 */
function dm_jobs_bench_collect_writers( array $processes, string $prefix ): array {
	$ids       = array();
	$latencies = array();
	foreach ( $processes as $w => $process ) {
		proc_close( $process );
		$result = json_decode( (string) file_get_contents( "{$prefix}-writer-{$w}.json" ), true );
		array_push( $ids, ...( $result['ids'] ?? array() ) );
		array_push( $latencies, ...( $result['latencies'] ?? array() ) );
	}
	return array( $ids, $latencies );
}

/**
 * @param float[] $sorted Ascending.
 */
function dm_jobs_bench_quantile( array $sorted, float $q ): ?float {
	return $sorted ? round( $sorted[ (int) floor( $q * ( count( $sorted ) - 1 ) ) ], 2 ) : null;
}
