<?php
/**
 * Rollups and metrics equal brute-force SQL over the same dm_jobs rows: counts, success rates,
 * averages and p95 (within the histogram's stated precision), including compound and legacy
 * statuses, rows written straight into dm_jobs and jobs written through the API.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Metrics;

use DMJobs\Metrics\DurationHistogram;
use DMJobs\Metrics\Repository\RollupTables;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/MetricsTestCase.php';

final class RollupAggregationTest extends MetricsTestCase {

	private int $from;

	protected function setUp(): void {
		parent::setUp();
		$this->make_pipelines();
		$this->from = (int) strtotime( '2026-03-01 00:00:00 UTC' );
		$this->seed_jobs( 500, $this->from, $this->from + 20 * DAY_IN_SECONDS - 1 );
	}

	public function test_hourly_rollups_equal_brute_force(): void {
		$progress = $this->catch_up();
		$this->assertSame( 'ready', $progress['state'] );
		$this->assertSame( 500, $progress["processed"], (string) wp_json_encode( $progress ) );

		$expected = $this->brute_force_hourly();
		$this->assertGreaterThan( 100, count( $expected ) );
		$this->assertSame( $expected, $this->rollup_hourly() );
	}

	public function test_daily_rollups_equal_brute_force_and_hourly_sums(): void {
		global $wpdb;
		$this->catch_up();
		$base   = $this->base_status_sql();
		$expect = array();
		foreach ( $wpdb->get_results( "SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS day, pipeline_id, flow_id, ({$base}) AS base, COUNT(*) AS jobs FROM {$wpdb->prefix}dm_jobs GROUP BY day, pipeline_id, flow_id, base", ARRAY_A ) as $row ) {
			if ( ! in_array( $row['base'], array( 'pending', 'processing', 'open_other' ), true ) ) {
				$expect[ "{$row['day']}|{$row['pipeline_id']}|{$row['flow_id']}|{$row['base']}" ] = (int) $row['jobs'];
			}
		}
		$actual = array();
		foreach ( $wpdb->get_results( 'SELECT * FROM ' . RollupTables::daily(), ARRAY_A ) as $row ) {
			$actual[ "{$row['bucket_date']}|{$row['pipeline_id']}|{$row['flow_id']}|{$row['status']}" ] = (int) $row['job_count'];
		}
		$hours = 0;
		$timed = 0;
		foreach ( $wpdb->get_results( 'SELECT * FROM ' . RollupTables::daily_shape(), ARRAY_A ) as $row ) {
			for ( $hour = 0; $hour < 24; $hour++ ) {
				$hours += (int) $row[ sprintf( 'c%02d', $hour ) ];
			}
			foreach ( DurationHistogram::columns() as $column ) {
				$timed += (int) $row[ $column ];
			}
		}
		ksort( $expect );
		ksort( $actual );
		$this->assertSame( $expect, $actual );
		$this->assertSame( array_sum( $expect ), $hours, 'Hour-of-day counts add up to the jobs.' );
		$this->assertSame( (int) $wpdb->get_var( 'SELECT SUM(duration_count) FROM ' . RollupTables::daily() ), $timed, 'Histograms hold every timed job.' );
	}

	public function test_volume_and_success_rate_equal_brute_force(): void {
		global $wpdb;
		$response = $this->admin_request( 'GET', '/metrics', $this->range() );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 'day', $data['range']['bucket'] );
		$this->assertCount( 20, $data['volume'] );

		$base     = $this->base_status_sql();
		$expected = array();
		foreach ( $wpdb->get_results( "SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS day, ({$base}) AS base, COUNT(*) AS jobs FROM {$wpdb->prefix}dm_jobs GROUP BY day, base", ARRAY_A ) as $row ) {
			$expected[ $row['day'] ][ $row['base'] ] = (int) $row['jobs'];
		}
		$all_succeeded = 0;
		$all_failed    = 0;
		foreach ( $data['volume'] as $index => $point ) {
			$day = $expected[ $point['date'] ] ?? array();
			foreach ( $data['statuses'] as $status ) {
				$this->assertSame( $day[ $status ] ?? 0, $point['counts'][ $status ], "{$point['date']} {$status}" );
			}
			$succeeded = ( $day['completed'] ?? 0 ) + ( $day['completed_no_items'] ?? 0 ) + ( $day['agent_skipped'] ?? 0 );
			$failed    = $day['failed'] ?? 0;
			$rate      = $data['success_rate'][ $index ];
			$this->assertSame( $point['date'], $rate['date'] );
			$this->assertSame( $succeeded, $rate['succeeded'] );
			$this->assertSame( $failed, $rate['failed'] );
			$this->assertEqualsWithDelta( $succeeded + $failed > 0 ? $succeeded / ( $succeeded + $failed ) : null, $rate['rate'], 0.0001 );
			$all_succeeded += $succeeded;
			$all_failed    += $failed;
		}
		$this->assertSame( $all_succeeded, $data['totals']['succeeded'] );
		$this->assertSame( $all_failed, $data['totals']['failed'] );
		$this->assertGreaterThan( 0, $data['volume'][0]['counts']['other'] + array_sum( array_column( array_column( $data['volume'], 'counts' ), 'other' ) ), 'Unknown finished statuses count as "other".' );
	}

	public function test_durations_by_pipeline_equal_brute_force_with_p95_within_precision(): void {
		global $wpdb;
		$data  = $this->admin_request( 'GET', '/metrics', $this->range() )->get_data();
		$exact = $this->brute_force_durations( '2026-03-01 00:00:00', '2026-03-21 00:00:00' );
		$base  = $this->base_status_sql();
		$jobs  = array();
		foreach ( $wpdb->get_results( "SELECT pipeline_id, ({$base}) AS base, COUNT(*) AS jobs FROM {$wpdb->prefix}dm_jobs GROUP BY pipeline_id, base", ARRAY_A ) as $row ) {
			if ( ! in_array( $row['base'], array( 'pending', 'processing', 'open_other' ), true ) ) {
				$jobs[ (int) $row['pipeline_id'] ] = ( $jobs[ (int) $row['pipeline_id'] ] ?? 0 ) + (int) $row['jobs'];
			}
		}

		$this->assertCount( count( $this->pipelines ), $data['durations'] );
		foreach ( $data['durations'] as $item ) {
			$values = $exact[ $item['pipeline_id'] ];
			$this->assertSame( $jobs[ $item['pipeline_id'] ], $item['jobs'] );
			$this->assertSame( count( $values ), $item['timed_jobs'] );
			$this->assertEqualsWithDelta( array_sum( $values ) / count( $values ), $item['avg_seconds'], 0.01 );
			$this->assertSame( max( $values ), $item['max_seconds'] );
			$p95 = self::nearest_rank( $values, 0.95 );
			$this->assertLessThanOrEqual( DurationHistogram::PRECISION + 0.001, abs( $item['p95_seconds'] - $p95 ) / max( 1, $p95 ), "p95 {$item['p95_seconds']} vs exact {$p95}" );
			$this->assertNotNull( $item['pipeline_name'] );
		}
	}

	public function test_hour_buckets_for_short_ranges(): void {
		global $wpdb;
		$after  = '2026-03-05T06:00:00Z';
		$before = '2026-03-06T06:00:00Z';
		$data   = $this->admin_request( 'GET', '/metrics', array( 'after' => $after, 'before' => $before ) )->get_data();
		$this->assertSame( 'hour', $data['range']['bucket'] );
		$this->assertSame( 'custom', $data['range']['preset'] );
		$this->assertCount( 24, $data['volume'] );
		$this->assertSame( $after, $data['volume'][0]['start'] );

		$base     = $this->base_status_sql();
		$expected = array();
		$rows     = $wpdb->get_results( $wpdb->prepare( "SELECT DATE_FORMAT(created_at, '%%Y-%%m-%%dT%%H:00:00Z') AS hour, ({$base}) AS base, COUNT(*) AS jobs FROM {$wpdb->prefix}dm_jobs WHERE created_at >= %s AND created_at < %s GROUP BY hour, base", '2026-03-05 06:00:00', '2026-03-06 06:00:00' ), ARRAY_A );
		foreach ( $rows as $row ) {
			if ( ! in_array( $row['base'], array( 'pending', 'processing', 'open_other' ), true ) ) {
				$expected[ $row['hour'] ] = ( $expected[ $row['hour'] ] ?? 0 ) + (int) $row['jobs'];
			}
		}
		$actual = array();
		foreach ( $data['volume'] as $point ) {
			if ( $point['total'] > 0 ) {
				$actual[ $point['start'] ] = $point['total'];
			}
		}
		ksort( $expected );
		$this->assertSame( $expected, $actual );
	}

	public function test_filters_by_pipeline_and_flow(): void {
		global $wpdb;
		$flow     = array_key_first( $this->flows );
		$pipeline = $this->flows[ $flow ];
		$base     = $this->base_status_sql();
		foreach ( array( array( 'pipeline_id' => $pipeline ), array( 'flow_id' => $flow ) ) as $filter ) {
			$column   = array_key_first( $filter );
			$data     = $this->admin_request( 'GET', '/metrics', $this->range() + $filter )->get_data();
			$expected = 0;
			foreach ( $wpdb->get_results( $wpdb->prepare( "SELECT ({$base}) AS base, COUNT(*) AS jobs FROM {$wpdb->prefix}dm_jobs WHERE {$column} = %d GROUP BY base", $filter[ $column ] ), ARRAY_A ) as $row ) {
				if ( ! in_array( $row['base'], array( 'pending', 'processing', 'open_other' ), true ) ) {
					$expected += (int) $row['jobs'];
				}
			}
			$this->assertSame( $expected, $data['totals']['jobs'], $column );
			$this->assertSame( array( $pipeline ), array_column( $data['durations'], 'pipeline_id' ) );
			$this->assertSame( array( $pipeline ), array_column( $data['failure_trend'], 'pipeline_id' ) );
			$this->assertSame( $expected, array_sum( array_column( $data['heatmap']['cells'], 'count' ) ) );
		}
	}

	public function test_failure_trend_per_pipeline_equals_brute_force(): void {
		global $wpdb;
		$data = $this->admin_request( 'GET', '/metrics', $this->range() )->get_data();
		$base = $this->base_status_sql();
		$rows = $wpdb->get_results( "SELECT pipeline_id, DATE_FORMAT(created_at, '%Y-%m-%d') AS day, ({$base}) AS base, COUNT(*) AS jobs FROM {$wpdb->prefix}dm_jobs GROUP BY pipeline_id, day, base", ARRAY_A );
		$expected = array();
		foreach ( $rows as $row ) {
			$key = $row['pipeline_id'] . '|' . $row['day'];
			$expected[ $key ] ??= array(
				'failed'   => 0,
				'finished' => 0,
			);
			if ( 'failed' === $row['base'] ) {
				$expected[ $key ]['failed']   += (int) $row['jobs'];
				$expected[ $key ]['finished'] += (int) $row['jobs'];
			} elseif ( in_array( $row['base'], array( 'completed', 'completed_no_items', 'agent_skipped' ), true ) ) {
				$expected[ $key ]['finished'] += (int) $row['jobs'];
			}
		}
		$this->assertCount( count( $this->pipelines ), $data['failure_trend'] );
		foreach ( $data['failure_trend'] as $series ) {
			foreach ( $series['points'] as $point ) {
				$cell = $expected[ $series['pipeline_id'] . '|' . $point['date'] ] ?? array(
					'failed'   => 0,
					'finished' => 0,
				);
				$this->assertSame( $cell, array(
					'failed'   => $point['failed'],
					'finished' => $point['finished'],
				) );
				$this->assertEqualsWithDelta( $cell['finished'] ? $cell['failed'] / $cell['finished'] : null, $point['rate'], 0.0001 );
			}
		}
	}

	public function test_duration_trend_per_pipeline_and_day_equals_brute_force_with_percentiles_within_precision(): void {
		$data = $this->admin_request( 'GET', '/metrics', $this->range() )->get_data();
		$this->assertCount( count( $this->pipelines ), $data['duration_trend'] );
		$checked = 0;
		foreach ( $data['duration_trend'] as $series ) {
			foreach ( $series['points'] as $point ) {
				$next   = gmdate( 'Y-m-d', (int) strtotime( $point['date'] . ' +1 day UTC' ) );
				$values = $this->brute_force_durations( $point['date'] . ' 00:00:00', $next . ' 00:00:00' )[ $series['pipeline_id'] ] ?? array();
				$this->assertSame( count( $values ), $point['timed'], "{$series['pipeline_id']} {$point['date']}" );
				if ( ! $values ) {
					$this->assertNull( $point['median_seconds'] );
					$this->assertNull( $point['p95_seconds'] );
					continue;
				}
				foreach ( array(
					'median_seconds' => 0.5,
					'p95_seconds'    => 0.95,
				) as $field => $quantile ) {
					$exact = self::nearest_rank( $values, $quantile );
					$this->assertLessThanOrEqual( DurationHistogram::PRECISION + 0.001, abs( $point[ $field ] - $exact ) / max( 1, $exact ), "{$field} {$point[ $field ]} vs exact {$exact} on {$point['date']}" );
				}
				$this->assertLessThanOrEqual( $point['p95_seconds'], $point['median_seconds'] );
				++$checked;
			}
		}
		$this->assertGreaterThan( 30, $checked );
	}

	public function test_jobs_through_the_api_and_direct_writes_are_counted_once(): void {
		$this->catch_up();
		$flow     = array_key_first( $this->flows );
		$pipeline = $this->flows[ $flow ];
		// Through the PHP API: created, then finished (fires dm_jobs_job_status_changed).
		for ( $index = 0; $index < 5; $index++ ) {
			$job = dm_jobs_create_job(
				array(
					'pipeline_id' => $pipeline,
					'flow_id'     => $flow,
				)
			);
			$this->catch_up();
			dm_jobs_update_job_status( $job['id'], 0 === $index % 2 ? 'completed' : 'failed', 'because' );
		}
		// Straight into dm_jobs, open, finished later by a direct UPDATE (as Data Machine does).
		global $wpdb;
		$open = $this->seed_jobs( 30, $this->from, $this->from + DAY_IN_SECONDS, 99 );
		$this->catch_up();
		foreach ( $open as $id ) {
			$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}dm_jobs SET status = 'failed - late', completed_at = DATE_ADD(created_at, INTERVAL 3 SECOND) WHERE job_id = %d AND status IN ('pending', 'processing', 'running')", $id ) );
		}
		$this->catch_up();
		$this->catch_up();
		$this->assertSame( $this->brute_force_hourly(), $this->rollup_hourly() );
		$this->assertSame( 0, $this->admin_request( 'GET', '/metrics/rollup' )->get_data()['open_jobs']['pending'] + $this->admin_request( 'GET', '/metrics/rollup' )->get_data()['open_jobs']['processing'] - $this->open_in_table() );
	}

	private function open_in_table(): int {
		global $wpdb;
		$base = $this->base_status_sql();
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}dm_jobs WHERE ({$base}) IN ('pending', 'processing')" );
	}

	/**
	 * @return array<string, string>
	 */
	private function range(): array {
		return array(
			'range'  => 'custom',
			'after'  => '2026-03-01T00:00:00Z',
			'before' => '2026-03-20T23:59:59Z',
		);
	}
}
