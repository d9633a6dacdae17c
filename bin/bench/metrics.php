<?php
/**
 * Benchmark of the metrics rollups: how fast a full backfill catches up on the jobs
 * table (jobs/s), what an idle pass costs, and — with --url — the metrics routes' response times
 * against the floor (the dm-jobs/v1 namespace index: bootstrap + auth, no query), as a logged-in
 * admin over HTTP (cookie + REST nonce, like the Jobs screen).
 *
 * Usage: php bin/bench/metrics.php --path=<wordpress dir> [--url=http://127.0.0.1:8897] [--reps=20]
 *        [--keep] (do not rebuild the rollups: skip the catch-up measurement) [--out=<file.json>]
 * Prints JSON; also writes artifacts/bench/metrics-<rows>.json unless --out says otherwise.
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'url::', 'reps::', 'keep', 'out::' ) );
if ( empty( $options['path'] ) ) {
	fwrite( STDERR, "Usage: php bin/bench/metrics.php --path=<wordpress dir> [--url=<site url>] [--reps=20] [--keep] [--out=<file>]\n" );
	exit( 2 );
}
$reps = max( 3, (int) ( $options['reps'] ?? 20 ) );

$_SERVER['HTTP_HOST']   = $_SERVER['HTTP_HOST'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = $_SERVER['REQUEST_URI'] ?? '/';
require rtrim( (string) $options['path'], '/' ) . '/wp-load.php';
require __DIR__ . '/admin-rest.php';

if ( ! class_exists( \DMJobs\Metrics\RollupService::class ) ) {
	fwrite( STDERR, "The DM Jobs plugin (with metrics) is not active on this site.\n" );
	exit( 1 );
}

global $wpdb;
// A kept site whose schema version passed 4 before migration 4 existed: create what is missing
// (every step only creates what is missing).
( new \DMJobs\Schema\Migrations\Migration004MetricsRollups() )->up( new \DMJobs\Schema\Repository\SchemaRepository() );

$jobs_table = \DMJobs\Schema\Repository\TableNames::jobs();
$rows       = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$jobs_table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$service    = new \DMJobs\Metrics\RollupService();
$rollups    = new \DMJobs\Metrics\Repository\RollupRepository();
$result     = array(
	'rows'     => $rows,
	'database' => $wpdb instanceof \WP_SQLite_DB ? 'sqlite' : 'mysql',
);

// ---------------------------------------------------------------- catch-up rate

if ( ! isset( $options['keep'] ) ) {
	fwrite( STDERR, sprintf( "Rebuilding the rollups from %s jobs…\n", number_format( $rows ) ) );
	$service->reset();
	$started = hrtime( true );
	do {
		$progress = $service->run( 3600.0, PHP_INT_MAX, false, 30.0 );
	} while ( 'ready' !== $progress['state'] );
	$seconds               = dm_jobs_bench_ms( $started ) / 1000;
	$result['catch_up']    = array(
		'jobs'            => $progress['processed'],
		'seconds'         => round( $seconds, 2 ),
		'jobs_per_second' => (int) round( $progress['processed'] / max( 0.001, $seconds ) ),
		'open_jobs'       => $progress['open_jobs'],
		'skipped'         => $progress['skipped'],
	);
	fwrite( STDERR, sprintf( "  %s jobs in %.1f s: %s jobs/s\n", number_format( $progress['processed'] ), $seconds, number_format( $result['catch_up']['jobs_per_second'] ) ) );
}
// A pass with a size measurement (hourly on WP-Cron), then an idle pass (what a stale read pays).
$started                   = hrtime( true );
$service->run( 60.0 );
$result['measure_pass_ms'] = round( dm_jobs_bench_ms( $started ), 1 );
$idle                      = array();
for ( $i = 0; $i < 5; $i++ ) {
	$started = hrtime( true );
	$service->run( 1.0, PHP_INT_MAX, false );
	$idle[] = dm_jobs_bench_ms( $started );
}
sort( $idle );
$result['idle_pass_ms'] = round( $idle[2], 1 );
$result['rollup_rows']  = array();
foreach ( \DMJobs\Metrics\Repository\RollupTables::all() as $short => $table ) {
	$result['rollup_rows'][ $short ] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
}

// ---------------------------------------------------------------- HTTP: metrics routes vs the floor

if ( ! empty( $options['url'] ) ) {
	$base    = rtrim( (string) $options['url'], '/' );
	$headers = dm_jobs_bench_admin_headers();

	$get = static function ( string $path ) use ( $base, $headers ): array {
		[ $status, $ms, $body ] = dm_jobs_bench_rest_get( $base, $headers, $path, 60 );
		return array( $status, $ms, strlen( $body ) );
	};

	$routes = array(
		'floor'                 => '/dm-jobs/v1/',
		'metrics_24h'           => '/dm-jobs/v1/metrics?range=24h',
		'metrics_7d'            => '/dm-jobs/v1/metrics?range=7d',
		'metrics_30d'           => '/dm-jobs/v1/metrics?range=30d',
		'metrics_90d'           => '/dm-jobs/v1/metrics?range=90d',
		'metrics_365d_weeks'    => '/dm-jobs/v1/metrics?after=' . rawurlencode( gmdate( 'c', time() - 365 * DAY_IN_SECONDS ) ) . '&before=' . rawurlencode( gmdate( 'c' ) ),
		'metrics_90d_pipeline'  => '/dm-jobs/v1/metrics?range=90d&pipeline_id=' . (int) $wpdb->get_var( 'SELECT MIN(pipeline_id) FROM ' . \DMJobs\Schema\Repository\TableNames::pipelines() ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		'degradation'           => '/dm-jobs/v1/metrics/degradation',
		'capacity'              => '/dm-jobs/v1/metrics/capacity?max_size_mb=500',
		'resources_7d'          => '/dm-jobs/v1/metrics/resources?range=7d',
	);
	foreach ( $routes as $name => $path ) {
		[ $status ] = $get( $path ); // Warm-up (opcache, buffer pool).
		if ( 200 !== $status ) {
			fwrite( STDERR, "{$path} answered HTTP {$status}\n" );
			exit( 1 );
		}
	}
	$times       = array_fill_keys( array_keys( $routes ), array() );
	$bytes       = array();
	$round_start = time();
	for ( $round = 0; $round < $reps; $round++ ) {
		if ( time() - $round_start > 40 ) {
			// Keep every timed read within the read throttle, so none of them runs a pass.
			$service->run( 1.0, PHP_INT_MAX, false );
			$round_start = time();
		}
		foreach ( $routes as $name => $path ) {
			[ , $ms, $size ]  = $get( $path );
			$times[ $name ][] = $ms;
			$bytes[ $name ]   = $size;
		}
	}
	$stats = static function ( array $values ): array {
		sort( $values );
		$count = count( $values );
		return array(
			'median_ms' => round( $values[ intdiv( $count, 2 ) ], 1 ),
			'p95_ms'    => round( $values[ min( $count - 1, (int) ceil( 0.95 * $count ) - 1 ) ], 1 ),
		);
	};
	$floor          = $stats( $times['floor'] );
	$result['http'] = array(
		'reps'  => $reps,
		'floor' => $floor,
	);
	foreach ( $routes as $name => $path ) {
		if ( 'floor' === $name ) {
			continue;
		}
		$route                              = $stats( $times[ $name ] );
		$route['ratio_to_floor']            = round( $route['median_ms'] / max( 0.1, $floor['median_ms'] ), 2 );
		$route['bytes']                     = $bytes[ $name ];
		$route['path']                      = $path;
		$result['http']['routes'][ $name ] = $route;
	}

	// A read that finds the rollups stale runs a short pass first (nothing new to read here).
	$stale = array();
	for ( $i = 0; $i < 5; $i++ ) {
		$rollups->set_meta( array( 'last_run_at' => time() - 3600 ) );
		[ , $ms ] = $get( $routes['metrics_7d'] );
		$stale[]  = $ms;
	}
	sort( $stale );
	$result['http']['metrics_7d_after_throttle_ms'] = round( $stale[2], 1 );
}

$json = (string) wp_json_encode( $result, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES );
echo $json, "\n";
$out = $options['out'] ?? dirname( __DIR__, 2 ) . "/artifacts/bench/metrics-{$rows}.json";
if ( '' !== $out ) {
	if ( ! is_dir( dirname( $out ) ) ) {
		mkdir( dirname( $out ), 0777, true );
	}
	file_put_contents( $out, $json . "\n" );
}
