<?php
/**
 * Shared set-up for the metrics tests: a seeded mix of jobs (plain, legacy and compound statuses,
 * open jobs, rows written straight into dm_jobs) and brute-force SQL over dm_jobs to compare with.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Metrics;

use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupTables;
use DMJobs\Metrics\RollupService;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

abstract class MetricsTestCase extends TestCase {

	/**
	 * Stored status => weight: plain, legacy and compound values as Data Machine wrote them.
	 */
	protected const STATUS_MIX = array(
		'completed'                 => 20,
		'completed_no_items'        => 25,
		'agent_skipped'             => 10,
		'failed'                    => 8,
		'failed - timeout'          => 5,
		'failed: http_500'          => 4,
		'Failed - stepfail'         => 2,
		'cancelled'                 => 3,
		'complete'                  => 3,
		'completed_with_error'      => 2,
		'completed - partial'       => 2,
		'agent_skipped: dup'        => 2,
		'mystery_status'            => 1,
		'pending'                   => 3,
		'processing'                => 3,
		'running'                   => 2,
	);

	protected const OPEN = array( 'pending', 'processing', 'running' );

	/**
	 * @var int[]
	 */
	protected array $pipelines = array();

	/**
	 * @var array<int, int> flow ID => pipeline ID
	 */
	protected array $flows = array();

	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', 0 );
		// Keep hourly rollups for fixed dates in the past.
		add_filter( 'dm_jobs_rollup_hourly_days', array( $this, 'ten_years' ) );
		// Tests that commit (tests/php/CommittedTestCase) fire the delete hooks, which
		// leave committed rollups behind: start every test from empty rollups (rolled back after).
		( new RollupRepository() )->delete_all();
	}

	protected function tearDown(): void {
		remove_filter( 'dm_jobs_rollup_hourly_days', array( $this, 'ten_years' ) );
		parent::tearDown();
	}

	public function ten_years(): int {
		return 3650;
	}

	protected function make_pipelines( int $pipelines = 3, int $flows_each = 2 ): void {
		for ( $p = 1; $p <= $pipelines; $p++ ) {
			$pipeline          = Fixtures::pipeline( "Metrics pipeline {$p}" );
			$this->pipelines[] = $pipeline;
			for ( $f = 1; $f <= $flows_each; $f++ ) {
				$this->flows[ Fixtures::flow( $pipeline, "Flow {$p}.{$f}" ) ] = $pipeline;
			}
		}
	}

	/**
	 * One pipeline with one flow.
	 *
	 * @return array{0: int, 1: int} The pipeline ID and the flow ID.
	 */
	protected function make_one_flow(): array {
		$this->make_pipelines( 1, 1 );
		$flow = (int) array_key_first( $this->flows );
		return array( $this->flows[ $flow ], $flow );
	}

	/**
	 * Inserts jobs straight into dm_jobs (as Data Machine does) between two moments.
	 *
	 * @return int[] The new job IDs.
	 */
	protected function seed_jobs( int $count, int $from, int $to, int $seed = 7 ): array {
		mt_srand( $seed );
		$ids     = array();
		$flows   = array_keys( $this->flows );
		$weights = self::STATUS_MIX;
		$sum     = array_sum( $weights );
		for ( $index = 0; $index < $count; $index++ ) {
			$roll = mt_rand( 1, $sum );
			foreach ( $weights as $status => $weight ) {
				$roll -= $weight;
				if ( $roll <= 0 ) {
					break;
				}
			}
			$flow       = $flows[ mt_rand( 0, count( $flows ) - 1 ) ];
			$created    = mt_rand( $from, $to );
			$open       = in_array( $status, self::OPEN, true );
			$duration   = 0 === mt_rand( 0, 20 ) ? 0 : (int) round( exp( mt_rand( 0, 9000 ) / 1000 ) );
			$completed  = $open ? null : gmdate( 'Y-m-d H:i:s', $created + $duration );
			if ( ! $open && 0 === mt_rand( 0, 40 ) ) {
				$completed = null; // Legacy rows: final without completed_at.
			}
			$id = Fixtures::job( $this->flows[ $flow ], $flow, $status, gmdate( 'Y-m-d H:i:s', $created ), $completed );
			$this->assertGreaterThan( 0, $id, 'Seeding a job failed.' );
			$ids[] = $id;
		}
		return $ids;
	}

	protected function catch_up(): array {
		return ( new RollupService() )->catch_up( 120 );
	}

	/**
	 * Brute force, straight from dm_jobs: the base status of a stored value, as SQL.
	 */
	protected function base_status_sql(): string {
		$heads = array(
			'pending'            => array( 'pending' ),
			'processing'         => array( 'processing', 'running' ),
			'completed_no_items' => array( 'completed_no_items' ),
			'completed'          => array( 'completed', 'complete', 'completed_with_errors', 'completed_with_error' ),
			'failed'             => array( 'failed' ),
			'cancelled'          => array( 'cancelled' ),
			'agent_skipped'      => array( 'agent_skipped' ),
		);
		$sql = 'CASE';
		foreach ( $heads as $base => $values ) {
			$conditions = array();
			foreach ( $values as $value ) {
				$conditions[] = "LOWER(status) = '{$value}'";
				$conditions[] = "LOWER(status) LIKE '{$value} - %'";
				$conditions[] = "LOWER(status) LIKE '{$value}:%'";
			}
			$sql .= ' WHEN ' . implode( ' OR ', $conditions ) . " THEN '{$base}'";
		}
		return $sql . " WHEN completed_at IS NULL THEN 'open_other' ELSE 'other' END";
	}

	protected function duration_sql(): string {
		global $wpdb;
		return $wpdb instanceof \WP_SQLite_DB
			? 'UNIX_TIMESTAMP(completed_at) - UNIX_TIMESTAMP(created_at)'
			: 'TIMESTAMPDIFF(SECOND, created_at, completed_at)';
	}

	/**
	 * Brute force: finished jobs per UTC hour, pipeline, flow and base status, with durations.
	 *
	 * @return array<string, array{jobs: int, timed: int, sum: int}>
	 */
	protected function brute_force_hourly(): array {
		global $wpdb;
		$base     = $this->base_status_sql();
		$duration = $this->duration_sql();
		$rows     = $wpdb->get_results(
			"SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hour, pipeline_id, flow_id, ({$base}) AS base,
				COUNT(*) AS jobs, COUNT(completed_at) AS timed, SUM(CASE WHEN completed_at IS NULL THEN 0 WHEN {$duration} < 0 THEN 0 ELSE {$duration} END) AS total
			FROM {$wpdb->prefix}dm_jobs GROUP BY hour, pipeline_id, flow_id, base",
			ARRAY_A
		);
		$result = array();
		foreach ( $rows as $row ) {
			if ( in_array( $row['base'], array( 'pending', 'processing', 'open_other' ), true ) ) {
				continue;
			}
			$result[ "{$row['hour']}|{$row['pipeline_id']}|{$row['flow_id']}|{$row['base']}" ] = array(
				'jobs'  => (int) $row['jobs'],
				'timed' => (int) $row['timed'],
				'sum'   => (int) $row['total'],
			);
		}
		ksort( $result );
		return $result;
	}

	/**
	 * The hourly rollups in the same shape.
	 *
	 * @return array<string, array{jobs: int, timed: int, sum: int}>
	 */
	protected function rollup_hourly(): array {
		global $wpdb;
		$rows   = $wpdb->get_results( 'SELECT bucket_start, pipeline_id, flow_id, status, job_count, duration_count, duration_sum FROM ' . RollupTables::hourly(), ARRAY_A );
		$result = array();
		foreach ( $rows as $row ) {
			$result[ "{$row['bucket_start']}|{$row['pipeline_id']}|{$row['flow_id']}|{$row['status']}" ] = array(
				'jobs'  => (int) $row['job_count'],
				'timed' => (int) $row['duration_count'],
				'sum'   => (int) $row['duration_sum'],
			);
		}
		ksort( $result );
		return $result;
	}

	/**
	 * Brute force: durations (seconds) of finished, timed jobs per pipeline created in [from, to).
	 *
	 * @return array<int, int[]> pipeline ID => sorted durations
	 */
	protected function brute_force_durations( string $from, string $to ): array {
		global $wpdb;
		$base     = $this->base_status_sql();
		$duration = $this->duration_sql();
		$rows     = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT pipeline_id, ({$duration}) AS seconds, ({$base}) AS base FROM {$wpdb->prefix}dm_jobs
				WHERE created_at >= %s AND created_at < %s AND completed_at IS NOT NULL",
				$from,
				$to
			),
			ARRAY_A
		);
		$result = array();
		foreach ( $rows as $row ) {
			if ( in_array( $row['base'], array( 'pending', 'processing', 'open_other' ), true ) ) {
				continue;
			}
			$result[ (int) $row['pipeline_id'] ][] = max( 0, (int) $row['seconds'] );
		}
		foreach ( $result as &$values ) {
			sort( $values );
		}
		return $result;
	}

	/**
	 * Exact nearest-rank percentile.
	 *
	 * @param int[] $sorted
	 */
	protected static function nearest_rank( array $sorted, float $quantile ): int {
		$rank = max( 1, (int) ceil( $quantile * count( $sorted ) - 1e-9 ) );
		return $sorted[ $rank - 1 ];
	}

	/**
	 * Every query WordPress runs while $work runs.
	 *
	 * @return string[]
	 */
	protected function queries_during( callable $work ): array {
		$queries = array();
		$record  = static function ( $query ) use ( &$queries ) {
			$queries[] = (string) $query;
			return $query;
		};
		add_filter( 'query', $record );
		try {
			$work();
		} finally {
			remove_filter( 'query', $record );
		}
		return $queries;
	}

	/**
	 * Queries that read or write dm_jobs itself (not dm_jobs_rollup_* or other dm_jobs_* tables).
	 *
	 * @param string[] $queries
	 * @return string[]
	 */
	protected function jobs_table_queries( array $queries ): array {
		global $wpdb;
		$table = preg_quote( $wpdb->prefix . 'dm_jobs', '/' );
		return array_values( array_filter( $queries, static fn ( string $sql ): bool => 1 === preg_match( "/`?{$table}`?(?![A-Za-z0-9_])/", $sql ) ) );
	}
}
