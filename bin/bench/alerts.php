<?php
/**
 * Benchmark of the alert rules: what evaluating each rule costs on this site's jobs
 * table, as GET /dm-jobs/v1/alerts/preview?rule=… (the rule's evaluation, nothing stored or sent)
 * against the floor (the dm-jobs/v1 namespace index: bootstrap + auth, no query), as a logged-in
 * admin over HTTP, plus the evaluation time the rule itself reports. Thresholds are set so every
 * rule does its full work (failure rate and degradation over every pipeline, stuck jobs counted,
 * the table measured); the saved alert settings are restored afterwards.
 *
 * Usage: php bin/bench/alerts.php --path=<wordpress dir> --url=http://127.0.0.1:8897 [--reps=20] [--out=<file.json>]
 * Prints JSON; also writes artifacts/bench/alerts-<rows>.json unless --out says otherwise.
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'url:', 'reps::', 'out::' ) );
if ( empty( $options['path'] ) || empty( $options['url'] ) ) {
	fwrite( STDERR, "Usage: php bin/bench/alerts.php --path=<wordpress dir> --url=<site url> [--reps=20] [--out=<file>]\n" );
	exit( 2 );
}
$reps = max( 3, (int) ( $options['reps'] ?? 20 ) );

$_SERVER['HTTP_HOST']   = $_SERVER['HTTP_HOST'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = $_SERVER['REQUEST_URI'] ?? '/';
require rtrim( (string) $options['path'], '/' ) . '/wp-load.php';
require __DIR__ . '/admin-rest.php';

if ( ! class_exists( \DMJobs\Alerts\AlertEvaluator::class ) ) {
	fwrite( STDERR, "The DM Jobs plugin (with alerts) is not active on this site.\n" );
	exit( 1 );
}

global $wpdb;
$rows   = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . \DMJobs\Schema\Repository\TableNames::jobs() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
$result = array(
	'rows'     => $rows,
	'database' => $wpdb instanceof \WP_SQLite_DB ? 'sqlite' : 'mysql',
);

// Rollups up to date (the alerts read them), and a size measurement for the table-size rule.
( new \DMJobs\Metrics\RollupService() )->catch_up( 1800.0 );

$saved    = get_option( \DMJobs\Alerts\AlertSettings::OPTION, null );
$settings = new \DMJobs\Alerts\AlertSettings();
$settings->save_rule( 'failure_rate', array( 'threshold_percent' => 1, 'hours' => 24, 'min_jobs' => 1 ) );
$settings->save_rule( 'degraded', array( 'recent_hours' => 24, 'baseline_days' => 14 ) );
$settings->save_rule( 'stuck', array( 'minutes' => 60 ) );
$settings->save_rule( 'table_size', array( 'max_mb' => 1, 'max_rows' => 1 ) );
$settings->save_rule( 'refresh_stale', array( 'minutes' => 10 ) );

try {
	$base    = rtrim( (string) $options['url'], '/' );
	$headers = dm_jobs_bench_admin_headers();

	$get = static function ( string $path ) use ( $base, $headers ): array {
		[ $status, $ms, $body ] = dm_jobs_bench_rest_get( $base, $headers, $path, 120 );
		$data                   = json_decode( $body, true );
		return array( $status, $ms, is_array( $data ) ? $data : array() );
	};

	$routes = array( 'floor' => '/dm-jobs/v1/' );
	foreach ( \DMJobs\Alerts\AlertSettings::rule_ids() as $rule ) {
		$routes[ $rule ] = '/dm-jobs/v1/alerts/preview?rule=' . $rule;
	}
	$found = array();
	foreach ( $routes as $name => $path ) {
		[ $status, , $data ] = $get( $path ); // Warm-up (opcache, buffer pool).
		if ( 200 !== $status ) {
			fwrite( STDERR, "{$path} answered HTTP {$status}\n" );
			exit( 1 );
		}
		if ( 'floor' !== $name ) {
			$found[ $name ] = count( $data['alerts'] ?? array() );
		}
	}
	$times       = array_fill_keys( array_keys( $routes ), array() );
	$evaluations = array();
	$round_start = time();
	for ( $round = 0; $round < $reps; $round++ ) {
		if ( time() - $round_start > 40 ) {
			// Keep every timed read within the rollups' read throttle, so none of them runs a pass.
			( new \DMJobs\Metrics\RollupService() )->run( 1.0, PHP_INT_MAX, false );
			$round_start = time();
		}
		foreach ( $routes as $name => $path ) {
			[ , $ms, $data ]  = $get( $path );
			$times[ $name ][] = $ms;
			if ( 'floor' !== $name ) {
				$evaluations[ $name ][] = (float) ( $data['took_ms'] ?? 0 );
			}
		}
	}
	$median = static function ( array $values ): float {
		sort( $values );
		return $values[ intdiv( count( $values ), 2 ) ];
	};
	$p95    = static function ( array $values ): float {
		sort( $values );
		return $values[ min( count( $values ) - 1, (int) ceil( 0.95 * count( $values ) ) - 1 ) ];
	};
	$floor          = $median( $times['floor'] );
	$result['http'] = array(
		'reps'  => $reps,
		'floor' => array(
			'median_ms' => round( $floor, 1 ),
			'p95_ms'    => round( $p95( $times['floor'] ), 1 ),
		),
	);
	foreach ( $routes as $name => $path ) {
		if ( 'floor' === $name ) {
			continue;
		}
		$result['http']['rules'][ $name ] = array(
			'median_ms'          => round( $median( $times[ $name ] ), 1 ),
			'p95_ms'             => round( $p95( $times[ $name ] ), 1 ),
			'ratio_to_floor'     => round( $median( $times[ $name ] ) / max( 0.1, $floor ), 2 ),
			'evaluation_ms'      => round( $median( $evaluations[ $name ] ), 2 ),
			'alerts_found'       => $found[ $name ],
		);
	}
} finally {
	if ( null === $saved ) {
		delete_option( \DMJobs\Alerts\AlertSettings::OPTION );
	} else {
		update_option( \DMJobs\Alerts\AlertSettings::OPTION, $saved, false );
	}
}

$json = (string) wp_json_encode( $result, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES );
echo $json, "\n";
$out = $options['out'] ?? dirname( __DIR__, 2 ) . "/artifacts/bench/alerts-{$rows}.json";
if ( '' !== $out ) {
	if ( ! is_dir( dirname( $out ) ) ) {
		mkdir( dirname( $out ), 0777, true );
	}
	file_put_contents( $out, $json . "\n" );
}
