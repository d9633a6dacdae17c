<?php
/**
 * The metrics routes: roles, bad input, response schema, degradation, capacity, resources, the
 * rollup endpoint — and proof that metrics requests never scan dm_jobs.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Metrics;

use DMJobs\Metrics\Reports\DegradationReport;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupSnapshotRepository;
use DMJobs\Metrics\RollupService;
use DMJobs\Metrics\Schema\MetricsSchema;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/MetricsTestCase.php';

final class MetricsRestTest extends MetricsTestCase {

	private const ROUTES = array( '/metrics', '/metrics/degradation', '/metrics/capacity', '/metrics/resources', '/metrics/rollup' );

	public function test_roles(): void {
		foreach ( self::ROUTES as $route ) {
			$this->act_as( 'anonymous' );
			$this->assertSame( 401, $this->request( 'GET', $route )->get_status(), $route );
			$this->act_as( 'subscriber' );
			$this->assertSame( 403, $this->request( 'GET', $route )->get_status(), $route );
			$this->act_as( 'editor' );
			$this->assertSame( 403, $this->request( 'GET', $route )->get_status(), $route );
			$this->assertSame( 200, $this->admin_request( 'GET', $route )->get_status(), $route );
		}
		$this->act_as( 'subscriber' );
		$this->assertSame( 403, $this->request( 'POST', '/metrics/rollup' )->get_status() );
		$this->act_as( 'anonymous' );
		$this->assertSame( 401, $this->request( 'POST', '/metrics/rollup', array( 'rebuild' => true ) )->get_status() );
	}

	public function test_bad_input_is_rejected_naming_the_parameter(): void {
		$cases = array(
			array( '/metrics', array( 'range' => '1y' ), 'range' ),
			array( '/metrics', array( 'range' => 'custom' ), 'after' ),
			array( '/metrics', array( 'range' => 'custom', 'after' => '2026-01-01T00:00:00Z' ), 'before' ),
			array( '/metrics', array( 'after' => '2026-01-02T00:00:00Z', 'before' => '2026-01-01T00:00:00Z' ), 'before' ),
			array( '/metrics', array( 'after' => '2020-01-01T00:00:00Z', 'before' => '2026-01-01T00:00:00Z' ), 'after' ),
			array( '/metrics', array( 'range' => '7d', 'after' => '2026-01-01T00:00:00Z' ), 'range' ),
			array( '/metrics', array( 'after' => 'yesterday-ish', 'before' => '2026-01-01T00:00:00Z' ), 'after' ),
			array( '/metrics', array( 'pipeline_id' => 0 ), 'pipeline_id' ),
			array( '/metrics', array( 'flow_id' => 'x' ), 'flow_id' ),
			array( '/metrics/degradation', array( 'recent_hours' => 0 ), 'recent_hours' ),
			array( '/metrics/degradation', array( 'recent_hours' => 73 ), 'recent_hours' ),
			array( '/metrics/degradation', array( 'baseline_days' => 91 ), 'baseline_days' ),
			array( '/metrics/capacity', array( 'max_size_mb' => 0 ), 'max_size_mb' ),
			array( '/metrics/capacity', array( 'max_size_mb' => 'lots' ), 'max_size_mb' ),
			array( '/metrics/resources', array( 'range' => 'custom', 'before' => '2026-01-01T00:00:00Z' ), 'after' ),
		);
		foreach ( $cases as [ $route, $params, $param ] ) {
			$this->assertInvalidParam( $this->admin_request( 'GET', $route, $params ), $param );
		}
		$this->assertInvalidParam( $this->admin_request( 'POST', '/metrics/rollup', array( 'rebuild' => 'maybe' ) ), 'rebuild' );
	}

	public function test_overview_matches_its_schema(): void {
		$this->make_pipelines( 2, 1 );
		$this->seed_jobs( 80, time() - 6 * DAY_IN_SECONDS, time() );
		foreach ( array( '24h', '7d', '30d', '90d' ) as $range ) {
			$data = $this->admin_request( 'GET', '/metrics', array( 'range' => $range ) )->get_data();
			$this->assertTrue( rest_validate_value_from_schema( $data, MetricsSchema::overview(), 'metrics' ), $range );
			$this->assertSame( $range, $data['range']['preset'] );
			$this->assertSame( '24h' === $range ? 24 : (int) $range, count( $data['volume'] ) );
			$this->assertCount( 168, $data['heatmap']['cells'] );
		}
		$progress = $this->admin_request( 'GET', '/metrics/rollup' )->get_data();
		$this->assertTrue( rest_validate_value_from_schema( $progress, MetricsSchema::progress(), 'rollup' ) );
		// Routes document their schema.
		$this->assertSame( 'dm-metrics', $this->admin_request( 'OPTIONS', '/metrics' )->get_data()['schema']['title'] );
	}

	public function test_metrics_requests_never_query_the_jobs_table(): void {
		$this->make_pipelines();
		$this->seed_jobs( 300, time() - 40 * DAY_IN_SECONDS, time() );
		$this->catch_up();
		( new RollupService() )->run(); // Snapshots, size measurement: done by passes, not by reads.

		$queries = $this->queries_during(
			function (): void {
				foreach ( array( '24h', '7d', '30d', '90d' ) as $range ) {
					$this->assertSame( 200, $this->admin_request( 'GET', '/metrics', array( 'range' => $range ) )->get_status() );
					$this->assertSame( 200, $this->admin_request( 'GET', '/metrics/resources', array( 'range' => $range ) )->get_status() );
				}
				$this->assertSame( 200, $this->admin_request( 'GET', '/metrics', array( 'after' => '2026-01-01T00:00:00Z', 'before' => '2026-11-01T00:00:00Z', 'pipeline_id' => $this->pipelines[0] ) )->get_status() );
				$this->assertSame( 200, $this->admin_request( 'GET', '/metrics/degradation' )->get_status() );
				$this->assertSame( 200, $this->admin_request( 'GET', '/metrics/capacity', array( 'max_size_mb' => 500 ) )->get_status() );
				$this->assertSame( 200, $this->admin_request( 'GET', '/metrics/rollup' )->get_status() );
			}
		);
		$this->assertNotEmpty( $queries );
		$this->assertSame( array(), $this->jobs_table_queries( $queries ) );
	}

	public function test_a_catch_up_during_a_read_only_looks_rows_up_by_id(): void {
		$this->make_pipelines();
		$this->seed_jobs( 120, time() - 3 * DAY_IN_SECONDS, time() );
		$this->catch_up();
		$this->seed_jobs( 50, time() - HOUR_IN_SECONDS, time(), 3 );
		( new RollupRepository() )->set_meta( array( 'last_run_at' => time() - RollupService::READ_THROTTLE - 1 ) );

		$queries = $this->jobs_table_queries( $this->queries_during( fn () => $this->admin_request( 'GET', '/metrics' ) ) );
		$this->assertNotEmpty( $queries, 'The stale rollups were caught up.' );
		foreach ( $queries as $sql ) {
			$bounded = preg_match( '/WHERE job_id > \d+ ORDER BY job_id ASC LIMIT \d+$/', $sql )
				|| preg_match( '/WHERE job_id IN \([\d, ]+\)$/', $sql )
				|| preg_match( '/^SELECT MIN\(job_id\) AS first_id, MAX\(job_id\) AS last_id FROM \S+$/', $sql );
			$this->assertSame( 1, (int) $bounded, "Not a primary-key lookup: {$sql}" );
			$this->assertStringNotContainsString( 'engine_data', $sql );
		}
		$this->assertSame( $this->brute_force_hourly(), $this->rollup_hourly() );
	}

	public function test_degradation_flags_a_pipeline_with_the_numbers_that_triggered_it(): void {
		$slow   = Fixtures::pipeline( 'Slow lately' );
		$steady = Fixtures::pipeline( 'Steady' );
		$slow_flow   = Fixtures::flow( $slow, 'A' );
		$steady_flow = Fixtures::flow( $steady, 'B' );
		$now         = time();
		mt_srand( 5 );
		// Baseline: 3–16 days ago, 10 s jobs, 1 in 20 failing.
		for ( $index = 0; $index < 120; $index++ ) {
			$created = $now - mt_rand( 3 * DAY_IN_SECONDS, 16 * DAY_IN_SECONDS );
			foreach ( array( array( $slow, $slow_flow ), array( $steady, $steady_flow ) ) as [ $pipeline, $flow ] ) {
				Fixtures::job( $pipeline, $flow, 0 === $index % 20 ? 'failed' : 'completed', gmdate( 'Y-m-d H:i:s', $created ), gmdate( 'Y-m-d H:i:s', $created + 10 ) );
			}
		}
		// Last 24 hours: the slow pipeline takes 40 s and fails 2 in 5; the steady one is unchanged.
		for ( $index = 0; $index < 30; $index++ ) {
			$created = $now - mt_rand( 60, 20 * HOUR_IN_SECONDS );
			Fixtures::job( $slow, $slow_flow, 0 === $index % 5 || 1 === $index % 5 ? 'failed - timeout' : 'completed', gmdate( 'Y-m-d H:i:s', $created ), gmdate( 'Y-m-d H:i:s', $created + 40 ) );
			Fixtures::job( $steady, $steady_flow, 0 === $index % 20 ? 'failed' : 'completed', gmdate( 'Y-m-d H:i:s', $created ), gmdate( 'Y-m-d H:i:s', $created + 10 ) );
		}
		$this->catch_up();

		$data = $this->admin_request( 'GET', '/metrics/degradation' )->get_data();
		$this->assertSame( 24, $data['recent']['hours'] );
		$this->assertSame( 14, $data['baseline']['days'] );
		$by_id = array_column( $data['pipelines'], null, 'pipeline_id' );
		$this->assertTrue( $by_id[ $slow ]['flagged'] );
		$this->assertFalse( $by_id[ $steady ]['flagged'] );
		$this->assertSame( $slow, $data['pipelines'][0]['pipeline_id'], 'Flagged pipelines first.' );

		$triggers = array_column( $by_id[ $slow ]['triggers'], null, 'metric' );
		$metrics  = array_keys( $triggers );
		sort( $metrics );
		$this->assertSame( array( 'avg_duration', 'failure_rate', 'p95_duration' ), $metrics );
		$this->assertEqualsWithDelta( 40.0, $triggers['p95_duration']['recent'], 40 * \DMJobs\Metrics\DurationHistogram::PRECISION );
		$this->assertSame( 40.0, (float) $triggers['avg_duration']['recent'] );
		$this->assertSame( 10.0, (float) $triggers['avg_duration']['baseline'] );
		$this->assertSame( 4.0, (float) $triggers['avg_duration']['change'] );
		$this->assertSame( 1.5, $triggers['avg_duration']['threshold'] );
		$this->assertEqualsWithDelta( 0.4, $triggers['failure_rate']['recent'], 0.0001 );
		$this->assertEqualsWithDelta( $by_id[ $slow ]['baseline']['failure_rate'], $triggers['failure_rate']['baseline'], 0.0001 );
		$this->assertSame( 30, $by_id[ $slow ]['recent']['jobs'] );

		// Thresholds are filterable.
		$strict = static fn (): array => array(
			'duration_ratio'        => 5.0,
			'failure_rate_increase' => 0.5,
		);
		add_filter( 'dm_jobs_degradation_thresholds', $strict );
		$data = $this->admin_request( 'GET', '/metrics/degradation' )->get_data();
		remove_filter( 'dm_jobs_degradation_thresholds', $strict );
		$this->assertSame( 5.0, $data['thresholds']['duration_ratio'] );
		$this->assertSame( 10, $data['thresholds']['min_recent_jobs'] );
		$this->assertFalse( array_column( $data['pipelines'], null, 'pipeline_id' )[ $slow ]['flagged'] );
	}

	public function test_bad_threshold_filters_fall_back_to_defaults(): void {
		$bad    = static fn (): array => array( 'duration_ratio' => 0.5 );
		$called = array();
		$mute   = static function () use ( &$called ): bool {
			$called[] = true;
			return false; // _doing_it_wrong without a PHP notice.
		};
		add_filter( 'dm_jobs_degradation_thresholds', $bad );
		add_filter( 'doing_it_wrong_trigger_error', $mute );
		$thresholds = DegradationReport::thresholds();
		remove_filter( 'doing_it_wrong_trigger_error', $mute );
		remove_filter( 'dm_jobs_degradation_thresholds', $bad );
		$this->assertSame( 1.5, $thresholds['duration_ratio'] );
		$this->assertSame( 0.1, $thresholds['failure_rate_increase'] );
		$this->assertCount( 1, $called );
	}

	public function test_capacity_projects_growth_and_the_retention_for_a_size(): void {
		[ $pipeline, $flow ] = $this->make_one_flow();
		$now      = time();
		$today    = \DMJobs\Metrics\SiteClock::site()->today( $now );
		// 10 jobs a day over the last 30 whole days, 5 a day over the 30 before.
		for ( $day = 1; $day <= 60; $day++ ) {
			$date = \DMJobs\Metrics\SiteClock::add_days( $today, -$day );
			for ( $index = 0; $index < ( $day <= 30 ? 10 : 5 ); $index++ ) {
				Fixtures::job( $pipeline, $flow, 'completed', $date . ' 12:00:00', $date . ' 12:00:10' );
			}
		}
		$this->catch_up();
		( new RollupService() )->run(); // Measures the table.

		$data = $this->admin_request( 'GET', '/metrics/capacity', array( 'max_size_mb' => 1 ) )->get_data();
		$this->assertSame( 450, $data['rows'] );
		$this->assertGreaterThan( 0, $data['bytes'] );
		$this->assertSame( 10.0, $data['growth']['rows_per_day'] );
		$this->assertSame( 5.0, $data['growth']['previous_rows_per_day'] );
		$this->assertSame( 1.0, $data['growth']['change'] );
		$this->assertSame( array( 30, 90 ), array_column( $data['projections'], 'days' ) );
		$this->assertSame( array( 750, 1350 ), array_column( $data['projections'], 'rows' ) );
		$per_row = $data['bytes'] / 450;
		$this->assertEqualsWithDelta( 750 * $per_row, $data['projections'][0]['bytes'], 1 );
		$this->assertSame( 1048576, $data['limit']['max_bytes'] );
		$this->assertSame( (int) floor( 1048576 / $per_row / 10 ), $data['limit']['retention_days'] );
		$this->assertNotNull( $data['measured_at'] );
	}

	public function test_capacity_without_a_measurement_says_so(): void {
		$data = $this->admin_request( 'GET', '/metrics/capacity' )->get_data();
		$this->assertNull( $data['rows'] );
		$this->assertNull( $data['measured_at'] );
		$this->assertNull( $data['limit'] );
	}

	public function test_resources_series_from_snapshots(): void {
		$snapshots = new RollupSnapshotRepository();
		$now       = time();
		foreach ( array( 50, 40, 30, 20, 10 ) as $index => $minutes ) {
			$snapshots->add_snapshot(
				array(
					'taken_at'        => gmdate( 'Y-m-d H:i:s', $now - $minutes * MINUTE_IN_SECONDS ),
					'processing'      => $index + 1,
					'pending'         => 2 * $index,
					'table_rows'      => 0 === $index % 2 ? 1000 + $index : null,
					'table_bytes'     => 0 === $index % 2 ? 100000 + $index : null,
					'free_bytes'      => null,
					'bytes_estimated' => false,
					'is_hourly'       => false,
				)
			);
		}
		$data = $this->admin_request( 'GET', '/metrics/resources', array( 'range' => '24h' ) )->get_data();
		$this->assertSame( 'snapshot', $data['resolution'] );
		// (The read's own catch-up pass may add a sixth, current snapshot.)
		$this->assertSame( array( 1, 2, 3, 4, 5 ), array_slice( array_column( $data['concurrency'], 'processing_max' ), 0, 5 ) );
		$this->assertSame( array( 0, 2, 4, 6, 8 ), array_slice( array_column( $data['concurrency'], 'pending_max' ), 0, 5 ) );

		$week = $this->admin_request( 'GET', '/metrics/resources', array( 'range' => '7d' ) )->get_data();
		$this->assertSame( 'hour', $week['resolution'] );
		$this->assertGreaterThanOrEqual( 5, array_sum( array_column( $week['concurrency'], 'samples' ) ) );
		$this->assertSame( 5, max( array_column( $week['concurrency'], 'processing_max' ) ) );
		$this->assertNotEmpty( $week['table_size'] );
		$this->assertSame( 1004, end( $week['table_size'] )['rows'] );
	}

	public function test_passes_record_concurrency_from_the_open_set(): void {
		[ $pipeline, $flow ] = $this->make_one_flow();
		foreach ( array( 'processing', 'processing', 'running', 'pending' ) as $status ) {
			Fixtures::job( $pipeline, $flow, $status, gmdate( 'Y-m-d H:i:s', time() - 60 ) );
		}
		$this->catch_up();
		$data = $this->admin_request( 'GET', '/metrics/resources', array( 'range' => '24h' ) )->get_data();
		$last = end( $data['concurrency'] );
		$this->assertSame( 3, $last['processing_max'] );
		$this->assertSame( 1, $last['pending_max'] );
		$this->assertSame( 4, end( $data['table_size'] )['rows'] );
	}

	public function test_post_rollup_runs_a_pass_and_rebuild_starts_over(): void {
		$this->make_pipelines( 1, 1 );
		$this->seed_jobs( 30, time() - DAY_IN_SECONDS, time() );
		$progress = $this->admin_request( 'POST', '/metrics/rollup' )->get_data();
		$this->assertSame( 'ready', $progress['state'] );
		$this->assertSame( 30, $progress['processed'] );
		$hourly = $this->rollup_hourly();

		global $wpdb;
		$meta_before = $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}dm_jobs_rollup_meta", ARRAY_A );
		$refused     = $this->admin_request( 'POST', '/metrics/rollup', array( 'rebuild' => true ) );
		$this->assertInvalidParam( $refused, 'confirm' );
		$this->assertInvalidParam( $this->admin_request( 'POST', '/metrics/rollup', array( 'rebuild' => true, 'confirm' => false ) ), 'confirm' );
		$dry = $this->admin_request( 'POST', '/metrics/rollup', array( 'rebuild' => true, 'dry_run' => true ) );
		$this->assertSame( 200, $dry->get_status() );
		$this->assertSame( 30, $dry->get_data()['processed'] );
		$this->assertSame( $hourly, $this->rollup_hourly(), 'refused and dry runs change nothing' );
		$this->assertSame( $meta_before, $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}dm_jobs_rollup_meta", ARRAY_A ) );

		$rebuilt = $this->admin_request( 'POST', '/metrics/rollup', array( 'rebuild' => true, 'confirm' => true ) )->get_data();
		$this->assertSame( 'ready', $rebuilt['state'] );
		$this->assertSame( 30, $rebuilt['processed'] );
		$this->assertSame( $hourly, $this->rollup_hourly() );
	}
}
