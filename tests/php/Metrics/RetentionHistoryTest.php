<?php
/**
 * History survives cleanup and retention: jobs about to be deleted are counted first
 * (dm_jobs_before_delete_jobs), so the charts do not change when raw jobs go.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Metrics;

use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupSourceRepository;
use DMJobs\Metrics\Repository\RollupTables;
use DMJobs\Metrics\RollupService;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/MetricsTestCase.php';

final class RetentionHistoryTest extends MetricsTestCase {

	/**
	 * @var int[]
	 */
	private array $ids = array();

	protected function setUp(): void {
		parent::setUp();
		$this->make_pipelines();
		$from      = (int) strtotime( '2026-02-01 00:00:00 UTC' );
		$this->ids = $this->seed_jobs( 300, $from, $from + 10 * DAY_IN_SECONDS - 1, 11 );
	}

	/**
	 * Deletes jobs the way the batched cleanup does: hook first, then the rows.
	 *
	 * @param int[] $ids
	 */
	private function delete_jobs( array $ids ): void {
		global $wpdb;
		foreach ( array_chunk( $ids, 100 ) as $batch ) {
			do_action( 'dm_jobs_before_delete_jobs', $batch );
			$wpdb->query( "DELETE FROM {$wpdb->prefix}dm_jobs WHERE job_id IN (" . implode( ',', array_map( 'intval', $batch ) ) . ')' );
			do_action( 'dm_jobs_jobs_deleted', $batch );
		}
	}

	/**
	 * @return array<string, mixed> The charts' data, without the rollup progress.
	 */
	private function charts(): array {
		$data = $this->admin_request( 'GET', '/metrics', array( 'after' => '2026-02-01T00:00:00Z', 'before' => '2026-02-10T23:59:59Z' ) )->get_data();
		unset( $data['rollup'] );
		return $data;
	}

	public function test_charts_are_unchanged_after_raw_jobs_are_deleted(): void {
		$this->catch_up();
		$before = $this->charts();
		$hourly = $this->rollup_hourly();
		$this->assertGreaterThan( 200, $before['totals']['jobs'] );

		$this->delete_jobs( array_slice( $this->ids, 0, 200 ) );
		$this->catch_up();
		$this->assertSame( 100, \DMJobs\Tests\Fixtures::job_count() );
		$this->assertSame( $before, $this->charts() );
		$this->assertSame( $hourly, $this->rollup_hourly() );
	}

	public function test_jobs_deleted_before_the_first_pass_are_still_counted(): void {
		$expected = $this->brute_force_hourly();
		// The rollups never ran: retention deletes the oldest jobs first.
		$this->delete_jobs( array_slice( $this->ids, 0, 150 ) );
		$this->catch_up();
		$this->assertSame( $expected, $this->rollup_hourly() );
	}

	public function test_jobs_above_the_watermark_are_counted_once(): void {
		global $wpdb;
		$this->catch_up();
		$newer = $this->seed_jobs( 40, (int) strtotime( '2026-02-03 00:00:00 UTC' ), (int) strtotime( '2026-02-04 00:00:00 UTC' ), 12 );
		$expected = $this->brute_force_hourly();

		// Counted out of order by the hook (far above the watermark), but a failed delete leaves the
		// rows: the next pass must not count them again.
		$service = new RollupService( new RollupRepository(), new RollupSourceRepository(), null, 0 );
		$service->before_delete( $newer );
		$this->assertGreaterThan( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . RollupTables::open() . " WHERE state = 'counted'" ) );
		$this->catch_up();
		$this->assertSame( $expected, $this->rollup_hourly() );
		$this->assertSame( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . RollupTables::open() . " WHERE state = 'counted'" ) );

		$this->delete_jobs( $newer );
		$this->catch_up();
		$this->assertSame( $expected, $this->rollup_hourly() );
	}

	public function test_open_jobs_that_finished_just_before_deletion_are_counted(): void {
		global $wpdb;
		$this->catch_up();
		$open = array_map( 'intval', $wpdb->get_col( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE status IN ('pending', 'processing', 'running')" ) );
		$this->assertNotEmpty( $open );
		$wpdb->query( "UPDATE {$wpdb->prefix}dm_jobs SET status = 'failed', completed_at = created_at WHERE job_id IN (" . implode( ',', $open ) . ')' );
		$expected = $this->brute_force_hourly();
		$this->delete_jobs( $open );
		$this->catch_up();
		$this->assertSame( $expected, $this->rollup_hourly() );
	}

	public function test_rest_delete_keeps_history(): void {
		$this->catch_up();
		$before = $this->charts();
		foreach ( array_slice( $this->ids, 0, 5 ) as $id ) {
			$response = $this->admin_request( 'DELETE', '/jobs/' . $id );
			$this->assertSame( 200, $response->get_status() );
		}
		$this->assertSame( $before, $this->charts() );
	}
	public function test_deleting_rows_just_above_the_watermark_reads_up_to_them_first(): void {
		global $wpdb;
		$this->catch_up();
		$newer = $this->seed_jobs( 40, (int) strtotime( '2026-02-03 00:00:00 UTC' ), (int) strtotime( '2026-02-04 00:00:00 UTC' ), 13 );
		$expected = $this->brute_force_hourly();
		$this->delete_jobs( array_slice( $newer, 10, 5 ) );
		$this->assertSame( max( $newer ), (int) ( new RollupRepository() )->meta()['watermark'] );
		$this->assertSame( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . RollupTables::open() . " WHERE state = 'counted'" ) );
		$this->catch_up();
		$this->assertSame( $expected, $this->rollup_hourly() );
	}

	public function test_markers_of_deleted_rows_do_not_pile_up(): void {
		global $wpdb;
		$this->catch_up();
		$newer    = $this->seed_jobs( 20, (int) strtotime( '2026-02-03 00:00:00 UTC' ), (int) strtotime( '2026-02-04 00:00:00 UTC' ), 14 );
		$expected = $this->brute_force_hourly();
		$service  = new RollupService( new RollupRepository(), new RollupSourceRepository(), null, 0 );
		$service->before_delete( $newer );
		$wpdb->query( "DELETE FROM {$wpdb->prefix}dm_jobs WHERE job_id IN (" . implode( ',', $newer ) . ')' );
		$this->catch_up();
		$this->assertSame( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . RollupTables::open() . " WHERE state = 'counted'" ) );
		$this->assertSame( $expected, $this->rollup_hourly(), 'The deleted jobs stay counted, once.' );
	}

	public function test_deleting_rows_far_above_the_watermark_leaves_the_backlog_to_the_next_pass(): void {
		global $wpdb;
		$this->catch_up();
		$watermark = (int) ( new RollupRepository() )->meta()['watermark'];
		$backlog   = $this->seed_jobs( 40, (int) strtotime( '2026-02-03 00:00:00 UTC' ), (int) strtotime( '2026-02-04 00:00:00 UTC' ), 15 );
		$expected  = $this->brute_force_hourly();
		$top       = array_slice( $backlog, -5 );

		// The deleted rows are more than delete_catch_up (10) IDs above the watermark: a deletion batch
		// does not read the 35 rows below them; it counts its own rows and marks them.
		$service = new RollupService( new RollupRepository(), new RollupSourceRepository(), null, 10 );
		$service->before_delete( $top );
		$this->assertSame( $watermark, (int) ( new RollupRepository() )->meta()['watermark'] );
		$this->assertGreaterThan( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . RollupTables::open() . " WHERE state = 'counted'" ) );
		$wpdb->query( "DELETE FROM {$wpdb->prefix}dm_jobs WHERE job_id IN (" . implode( ',', $top ) . ')' );

		$this->catch_up();
		$this->assertSame( $expected, $this->rollup_hourly(), 'The backlog and the deleted rows are each counted once.' );
		$this->assertSame( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . RollupTables::open() . " WHERE state = 'counted'" ) );
	}

	public function test_deleting_counted_jobs_writes_nothing_to_the_rollups(): void {
		global $wpdb;
		$this->catch_up();
		$before  = $this->rollup_hourly();
		$counted = array_map( 'intval', $wpdb->get_col( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE job_id NOT IN ( SELECT job_id FROM " . RollupTables::open() . ' ) ORDER BY job_id LIMIT 100' ) );
		$this->assertCount( 100, $counted );
		$writes = array();
		$watch  = static function ( string $sql ) use ( &$writes ): string {
			if ( preg_match( '/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i', $sql ) && str_contains( $sql, 'dm_jobs_rollup' ) ) {
				$writes[] = $sql;
			}
			return $sql;
		};
		add_filter( 'query', $watch );
		do_action( 'dm_jobs_before_delete_jobs', $counted );
		remove_filter( 'query', $watch );

		$this->assertSame( array(), $writes, 'old, counted jobs need no lock and no rollup write' );
		$this->delete_jobs( $counted );
		$this->catch_up();
		$this->assertSame( $before, $this->rollup_hourly() );
	}
}
