<?php
/**
 * How the rollups stay current: open jobs re-checked by ID, the status-change hook, ID gaps from
 * late commits, jobs deleted while open, unknown and undated statuses, the lock.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Metrics;

use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupTables;
use DMJobs\Metrics\RollupHooks;
use DMJobs\Metrics\RollupService;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/MetricsTestCase.php';

final class RollupIncrementalTest extends MetricsTestCase {

	private int $pipeline;
	private int $flow;

	protected function setUp(): void {
		parent::setUp();
		[ $this->pipeline, $this->flow ] = $this->make_one_flow();
	}

	private function job( string $status, string $created = '2026-11-01 10:15:00', ?string $completed = null ): int {
		return Fixtures::job( $this->pipeline, $this->flow, $status, $created, $completed );
	}

	private function counted(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COALESCE(SUM(job_count), 0) FROM ' . RollupTables::hourly() );
	}

	private function daily_counted(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COALESCE(SUM(job_count), 0) FROM ' . RollupTables::daily() );
	}

	/**
	 * @return array<int, string> job ID => state
	 */
	private function open_set(): array {
		global $wpdb;
		$rows = $wpdb->get_results( 'SELECT job_id, state FROM ' . RollupTables::open() . ' ORDER BY job_id', ARRAY_A );
		return array_combine( array_map( 'intval', array_column( $rows, 'job_id' ) ), array_column( $rows, 'state' ) );
	}

	private function set_status( int $job_id, string $status, ?string $completed ): void {
		global $wpdb;
		$wpdb->update( $wpdb->prefix . 'dm_jobs', array( 'status' => $status, 'completed_at' => $completed ), array( 'job_id' => $job_id ) );
	}

	public function test_open_jobs_are_rechecked_and_counted_once_when_final(): void {
		$done    = $this->job( 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:30' );
		$pending = $this->job( 'pending' );
		$running = $this->job( 'running' );
		$this->catch_up();
		$this->assertSame( 1, $this->counted() );
		$this->assertSame( array( $pending => 'pending', $running => 'processing' ), $this->open_set() );

		// Data Machine moves them on with direct UPDATEs: no hook fires.
		$this->set_status( $pending, 'processing', null );
		$this->set_status( $running, 'failed - timeout', '2026-11-01 10:20:00' );
		$this->catch_up();
		$this->assertSame( 2, $this->counted() );
		$this->assertSame( array( $pending => 'processing' ), $this->open_set() );

		$this->set_status( $pending, 'completed_no_items', '2026-11-01 10:16:00' );
		$this->catch_up();
		$this->catch_up();
		$this->assertSame( 3, $this->counted() );
		$this->assertSame( 3, $this->daily_counted() );
		$this->assertSame( array(), $this->open_set() );
		$this->assertSame( $this->brute_force_hourly(), $this->rollup_hourly() );
		$this->assertGreaterThan( 0, $done );
	}

	public function test_status_change_hook_counts_an_open_job_at_once(): void {
		$job = $this->job( 'processing', gmdate( 'Y-m-d H:i:s', time() - 60 ) );
		$this->catch_up();
		$this->assertSame( 0, $this->counted() );

		$result = dm_jobs_update_job_status( $job, 'completed' );
		$this->assertIsArray( $result );
		// No pass ran: the hook counted it.
		$this->assertSame( 1, $this->counted() );
		$this->assertSame( array(), $this->open_set() );
		$this->catch_up();
		$this->assertSame( 1, $this->counted(), 'Counted once.' );
	}

	public function test_status_change_above_the_watermark_marks_the_rollups_dirty(): void {
		$this->catch_up();
		$job = $this->job( 'processing' );
		dm_jobs_update_job_status( $job, 'failed' );
		$meta = ( new RollupRepository() )->meta();
		$this->assertSame( '1', $meta['dirty'] );
		// The next metrics read catches up although the last pass was seconds ago.
		$this->admin_request( 'GET', '/metrics' );
		$this->assertSame( 1, $this->counted() );
		$this->assertSame( '0', ( new RollupRepository() )->meta()['dirty'] );
	}

	public function test_a_job_deleted_while_open_is_never_counted(): void {
		global $wpdb;
		$job = $this->job( 'pending' );
		$this->catch_up();
		$this->assertArrayHasKey( $job, $this->open_set() );
		$wpdb->delete( $wpdb->prefix . 'dm_jobs', array( 'job_id' => $job ) );
		$this->catch_up();
		$this->assertSame( array(), $this->open_set() );
		$this->assertSame( 0, $this->counted() );
	}

	public function test_a_row_that_commits_late_into_an_id_gap_is_counted(): void {
		global $wpdb;
		$now   = time();
		$first = $this->job( 'completed', gmdate( 'Y-m-d H:i:s', $now - 30 ), gmdate( 'Y-m-d H:i:s', $now - 20 ) );
		// Rows first+1 and first+2 are still being inserted by another request; first+3 committed.
		$late  = $first + 1;
		$lost  = $first + 2;
		$wpdb->insert(
			$wpdb->prefix . 'dm_jobs',
			array(
				'job_id'       => $first + 3,
				'pipeline_id'  => $this->pipeline,
				'flow_id'      => $this->flow,
				'status'       => 'completed',
				'created_at'   => gmdate( 'Y-m-d H:i:s', $now - 10 ),
				'completed_at' => gmdate( 'Y-m-d H:i:s', $now - 5 ),
			)
		);
		$this->catch_up();
		$this->assertSame( 2, $this->counted() );
		$this->assertSame( array( $late => 'gap', $lost => 'gap' ), $this->open_set() );

		$wpdb->insert(
			$wpdb->prefix . 'dm_jobs',
			array(
				'job_id'       => $late,
				'pipeline_id'  => $this->pipeline,
				'flow_id'      => $this->flow,
				'status'       => 'failed',
				'created_at'   => gmdate( 'Y-m-d H:i:s', $now - 29 ),
				'completed_at' => gmdate( 'Y-m-d H:i:s', $now - 1 ),
			)
		);
		$this->catch_up();
		$this->assertSame( 3, $this->counted() );
		$this->assertSame( array( $lost => 'gap' ), $this->open_set() );

		// A gap that never fills is forgotten after ten minutes.
		$later = new RollupService( new RollupRepository(), new \DMJobs\Metrics\Repository\RollupSourceRepository(), static fn (): int => $now + 11 * MINUTE_IN_SECONDS );
		$later->run();
		$this->assertSame( array(), $this->open_set() );
		$this->assertSame( $this->brute_force_hourly(), $this->rollup_hourly() );
	}

	public function test_old_id_gaps_are_not_tracked(): void {
		global $wpdb;
		$first = $this->job( 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:05' );
		$wpdb->insert(
			$wpdb->prefix . 'dm_jobs',
			array(
				'job_id'       => $first + 5,
				'pipeline_id'  => $this->pipeline,
				'flow_id'      => $this->flow,
				'status'       => 'completed',
				'created_at'   => '2026-11-01 11:00:00',
				'completed_at' => '2026-11-01 11:00:05',
			)
		);
		$this->catch_up();
		$this->assertSame( array(), $this->open_set(), 'Gaps between old rows are deletions, not late commits.' );
		$this->assertSame( 2, $this->counted() );
	}

	public function test_unknown_and_undated_statuses(): void {
		$other_done = $this->job( 'mystery', '2026-11-01 10:00:00', '2026-11-01 10:00:09' );
		$other_open = $this->job( 'queued_somewhere' );
		$undated    = $this->job( 'completed', '0000-00-00 00:00:00', '2026-11-01 10:00:00' );
		$progress   = $this->catch_up();
		$this->assertSame( 1, $this->counted() );
		$this->assertSame( array( $other_open => 'other' ), $this->open_set() );
		$this->assertSame( 1, $progress['skipped'] );
		$this->assertSame( array( '2026-11-01 10:00:00|' . $this->pipeline . '|' . $this->flow . '|other' ), array_keys( $this->rollup_hourly() ) );
		$this->assertGreaterThan( 0, $other_done + $undated );
	}

	public function test_watermark_follows_rows_deleted_at_the_top(): void {
		global $wpdb;
		$this->job( 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:01' );
		$top = $this->job( 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:01' );
		$this->catch_up();
		$wpdb->delete( $wpdb->prefix . 'dm_jobs', array( 'job_id' => $top ) );
		$this->catch_up();
		$this->assertSame( $top - 1, (int) ( new RollupRepository() )->meta()['watermark'] );
		$this->assertSame( 2, $this->counted(), 'History is kept.' );
	}

	public function test_a_held_lock_makes_a_pass_wait_its_turn(): void {
		$this->job( 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:01' );
		$rollups = new RollupRepository();
		$this->assertTrue( $rollups->try_lock( 'someone-else', time(), 120 ) );
		$progress = ( new RollupService() )->run();
		$this->assertTrue( $progress['busy'] );
		$this->assertSame( 0, $this->counted() );
		$rollups->release_lock( 'someone-else' );
		$this->assertFalse( ( new RollupService() )->run()['busy'] );
		$this->assertSame( 1, $this->counted() );

		// An expired lock (its holder died) is taken over.
		$this->assertTrue( $rollups->try_lock( 'crashed', time() - 500, 120 ) );
		$this->assertFalse( ( new RollupService() )->run()['busy'] );
	}

	public function test_backfill_runs_in_batches_with_progress(): void {
		$this->seed_jobs( 1250, (int) strtotime( '2026-10-01 00:00:00 UTC' ), (int) strtotime( '2026-10-31 00:00:00 UTC' ) );
		$service = new RollupService();
		$first   = $service->run( 60.0, 500 );
		$this->assertSame( 'backfilling', $first['state'] );
		$this->assertEqualsWithDelta( 40.0, $first['percent'], 0.1 );
		$this->assertSame( 500, $first['processed'] );
		$this->assertSame( $first, $this->admin_request( 'GET', '/metrics/rollup' )->get_data() + array( 'busy' => false ) );

		$second = $service->run( 60.0, 500 );
		$this->assertEqualsWithDelta( 80.0, $second['percent'], 0.1 );
		$third = $service->run( 60.0, 500 );
		$this->assertSame( 'ready', $third['state'] );
		$this->assertSame( 100.0, $third['percent'] );
		$this->assertNotNull( $third['finished_at'] );
		$this->assertSame( $this->brute_force_hourly(), $this->rollup_hourly() );
	}

	public function test_cron_is_scheduled_and_continues_a_backfill(): void {
		// The bootstrap activates the plugin after "init" ran: schedule as "init" does.
		( new RollupHooks() )->schedule();
		$this->assertNotFalse( wp_next_scheduled( RollupHooks::CRON_HOOK ) );
		$this->assertSame( 300, wp_get_schedules()[ RollupHooks::SCHEDULE ]['interval'] );
		wp_clear_scheduled_hook( RollupHooks::CONTINUE_HOOK );
		$this->job( 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:01' );
		do_action( RollupHooks::CRON_HOOK );
		$this->assertSame( 1, $this->counted() );
		$this->assertFalse( wp_next_scheduled( RollupHooks::CONTINUE_HOOK ), 'Nothing left to backfill.' );
	}
}
