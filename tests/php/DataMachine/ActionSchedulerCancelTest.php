<?php
/**
 * Deleting an open Data Machine job cancels its pending Action Scheduler actions, and nothing else.
 *
 * What is real here: WordPress, the database (SQLite or MariaDB), today's Data Machine tables (its own
 * CREATE TABLE statements), Action Scheduler's tables (its own CREATE TABLE statements, through
 * dbDelta) and its rows, written as its database store writes them for the calls Data Machine makes
 * (as_schedule_single_action() of datamachine_execute_step, datamachine_webhook_gate_timeout, 0.1's
 * dm_execute_step with its data reference), and DM Jobs' deletion hooks and housekeeping. What is not:
 * Action Scheduler's code. It cannot be installed here, so as_get_scheduled_actions() and
 * as_unschedule_action() come from action-scheduler-functions.php, which runs the statements of
 * Action Scheduler's database store over those tables (see ActionSchedulerTables).
 *
 * DDL commits, so the tables are created (unless the site already has them) and dropped by this test.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\LegacyHousekeeping;
use DMJobs\DataMachine\ScheduledJobActions;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/TodaysTablesTestCase.php';
require_once __DIR__ . '/ActionSchedulerTables.php';
if ( ! function_exists( 'as_get_scheduled_actions' ) ) {
	require_once __DIR__ . '/action-scheduler-functions.php';
}

final class ActionSchedulerCancelTest extends TodaysTablesTestCase {

	protected function set_up_outside_the_transaction(): void {
		ActionSchedulerTables::create();
	}

	protected function tear_down_after_the_transaction(): void {
		ActionSchedulerTables::drop();
	}

	/**
	 * Jobs::create_job() for a flow job, then its status.
	 *
	 * @param array<string, mixed> $engine_data
	 */
	private function job( string $status, array $engine_data = array() ): int {
		return CurrentTables::job(
			array(
				'status'      => $status,
				'engine_data' => wp_json_encode( $engine_data ),
				'created_at'  => gmdate( 'Y-m-d H:i:s', time() - 600 ),
			)
		);
	}

	/**
	 * DirectJobEnqueuer / ScheduleNextStepAbility: datamachine_execute_step with the operation fence.
	 */
	private function execute_step( int $job_id, string $group = 'data-machine' ): int {
		return ActionSchedulerTables::schedule_single(
			time(),
			'datamachine_execute_step',
			array(
				'job_id'                => $job_id,
				'flow_step_id'          => 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b_7',
				'operation_generation'  => 1,
				'operation_claim_token' => bin2hex( random_bytes( 16 ) ),
			),
			$group
		);
	}

	/**
	 * What every DM Jobs deletion does around its DELETE statement.
	 *
	 * @param int[] $ids
	 */
	private function delete_through_dm_jobs( array $ids ): void {
		global $wpdb;
		do_action( 'dm_jobs_before_delete_jobs', $ids );
		$table = ( new CurrentGeneration() )->tables()->jobs;
		$wpdb->query( $wpdb->prepare( "DELETE FROM `{$table}` WHERE job_id IN (" . implode( ',', array_fill( 0, count( $ids ), '%d' ) ) . ')', $ids ) );
		do_action( 'dm_jobs_jobs_deleted', $ids );
	}

	public function test_deleting_open_jobs_of_todays_data_machine_cancels_their_pending_actions_only(): void {
		$running  = $this->job( 'processing' );
		$token    = bin2hex( random_bytes( 32 ) );
		$parked   = $this->job( 'waiting', array( 'webhook_gate' => array( 'token' => $token, 'timeout_hours' => 24 ) ) );
		$finished = $this->job( 'completed' );
		$kept     = $this->job( 'processing' );

		$step           = $this->execute_step( $running );
		$gate_timeout   = ActionSchedulerTables::schedule_single( time() + DAY_IN_SECONDS, 'datamachine_webhook_gate_timeout', array( 'job_id' => $parked, 'token' => $token ), 'data-machine' );
		$in_progress    = $this->execute_step( $running );
		$ran            = $this->execute_step( $running );
		$kept_step      = $this->execute_step( $kept );
		$longer_id      = $this->execute_step( (int) ( $running . '0' ) );
		$other_group    = $this->execute_step( $running, 'some-other-plugin' );
		$batch_chunk    = ActionSchedulerTables::schedule_single( time(), 'datamachine_pipeline_batch_chunk', array( 'parent_job_id' => $running, 'offset' => 20 ), 'data-machine' );
		$kept_chunk     = ActionSchedulerTables::schedule_single( time(), 'datamachine_pipeline_batch_chunk', array( 'parent_job_id' => $kept, 'offset' => 0 ), 'data-machine' );
		ActionSchedulerTables::set_status( $in_progress, 'in-progress' );
		ActionSchedulerTables::set_status( $ran, 'complete' );

		$this->delete_through_dm_jobs( array( $running, $parked, $finished ) );

		$this->assertSame( 'canceled', ActionSchedulerTables::status( $step ), 'the deleted running job\'s next step' );
		$this->assertSame( 'canceled', ActionSchedulerTables::status( $gate_timeout ), 'the deleted parked job\'s webhook gate timeout' );
		$this->assertSame( 'in-progress', ActionSchedulerTables::status( $in_progress ), 'a running action is Action Scheduler\'s to finish' );
		$this->assertSame( 'complete', ActionSchedulerTables::status( $ran ) );
		$this->assertSame( 'pending', ActionSchedulerTables::status( $kept_step ), 'another open job\'s step' );
		$this->assertSame( 'pending', ActionSchedulerTables::status( $longer_id ), 'job 10 is not job 1' );
		$this->assertSame( 'pending', ActionSchedulerTables::status( $other_group ), 'only Data Machine\'s group' );
		$this->assertSame( 'canceled', ActionSchedulerTables::status( $batch_chunk ), 'the deleted fan-out parent\'s next batch chunk (BatchScheduler: parent_job_id, offset)' );
		$this->assertSame( 'pending', ActionSchedulerTables::status( $kept_chunk ), 'another open parent\'s next chunk' );
	}

	public function test_deleting_a_running_v01_job_cancels_its_dm_execute_step_with_its_data_reference(): void {
		global $wpdb;
		$running = 41;
		$other   = 42;
		// Data Machine 0.1's dm_schedule_next_step: the data packet is stored in a file and the action
		// carries its reference (FilesRepository::store_data_packet()), too long for the args column.
		$reference = static fn ( int $job_id ): array => array(
			'job_id'       => $job_id,
			'flow_step_id' => '6c0e2a51-8d7f-4b3a-9e21-5f4d3c2b1a09_9',
			'data'         => array(
				'is_data_reference' => true,
				'job_id'            => $job_id,
				'storage_namespace' => "job_{$job_id}",
				'filename'          => "job_{$job_id}_data.json",
				'flow_step_id'      => '6c0e2a51-8d7f-4b3a-9e21-5f4d3c2b1a09_9',
				'stored_at'         => time(),
			),
		);
		$step       = ActionSchedulerTables::schedule_single( time(), 'dm_execute_step', $reference( $running ), 'data-machine' );
		$other_step = ActionSchedulerTables::schedule_single( time(), 'dm_execute_step', $reference( $other ), 'data-machine' );
		$flow_run   = ActionSchedulerTables::schedule_single( time() + HOUR_IN_SECONDS, 'dm_run_flow_now', array( 9 ), 'data-machine' );
		$this->assertNotNull( $wpdb->get_var( $wpdb->prepare( "SELECT extended_args FROM {$wpdb->actionscheduler_actions} WHERE action_id = %d", $step ) ), 'the arguments are stored in extended_args, as Action Scheduler stores long ones' );

		$cleared = ( new LegacyHousekeeping( $wpdb->prefix . 'dm_jobs' ) )->after_jobs_deleted(
			array(
				$running => array( 'status' => 'processing', 'flow_id' => '9' ),
				$other   => array( 'status' => 'completed', 'flow_id' => '9' ),
			)
		);

		$this->assertSame( 1, $cleared['actions'] );
		$this->assertSame( 'canceled', ActionSchedulerTables::status( $step ) );
		$this->assertSame( 'pending', ActionSchedulerTables::status( $other_step ), 'only open jobs have a step waiting to run' );
		$this->assertSame( 'pending', ActionSchedulerTables::status( $flow_run ), 'flow schedules are not a job\'s' );
	}

	public function test_before_action_scheduler_is_ready_nothing_is_looked_up_or_cancelled(): void {
		$running = $this->job( 'processing' );
		$this->execute_step( $running );
		ActionSchedulerTables::not_initialized();

		$this->assertSame( 0, ( new ScheduledJobActions( 'data-machine', array( 'datamachine_execute_step' => 'job_id' ) ) )->cancel_for( array( $running ) ) );
	}
}
