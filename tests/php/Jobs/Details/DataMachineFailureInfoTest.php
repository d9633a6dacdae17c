<?php
/**
 * Failure information wherever Data Machine keeps it.
 *
 * Data Machine 0.1.2 stores a plain `failed`, writes no error keys into engine_data and logs most
 * lines of a running step without a job_id: its engine names the job through the `dm_current_job_id`
 * filter instead. The run below replays what its code does when a step throws (Engine.php's
 * dm_execute_step, Update.php's handle_job_failure, JobsStatus::complete_job), with its hook names and
 * context keys. Today's generation keeps the reason in engine_data (`job_status_reason`, `error_*`).
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs\Details;

use DMJobs\Logs\LogQuery;
use DMJobs\Logs\LogService;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class DataMachineFailureInfoTest extends TestCase {

	private int $pipeline_id;
	private int $flow_id;

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		if ( \DMJobs\DataMachine\Adapters::current()->ids_are_text() ) {
			$this->markTestSkipped( 'Data Machine 0.1 (dm_* tables) only: this site runs today\'s generation.' );
		}
		LogService::forget_known_jobs();
		$this->pipeline_id = Fixtures::pipeline( 'RSS to posts' );
		$wpdb->update(
			$wpdb->prefix . 'dm_pipelines',
			array(
				'pipeline_config' => wp_json_encode(
					array(
						'uuid-fetch'   => array( 'step_type' => 'fetch', 'execution_order' => 0 ),
						'uuid-ai'      => array( 'step_type' => 'ai', 'execution_order' => 1 ),
						'uuid-publish' => array( 'step_type' => 'publish', 'execution_order' => 2 ),
					)
				),
			),
			array( 'pipeline_id' => $this->pipeline_id )
		);
		$this->flow_id = Fixtures::flow( $this->pipeline_id, 'Hourly' );
		// DataMachineFilters.php: the execution context filters answer their default outside a step.
		add_filter( 'dm_current_flow_step_id', array( self::class, 'pass_through' ), 5, 1 );
		add_filter( 'dm_current_job_id', array( self::class, 'pass_through' ), 5, 1 );
	}

	protected function tearDown(): void {
		remove_all_filters( 'dm_current_flow_step_id' );
		remove_all_filters( 'dm_current_job_id' );
		parent::tearDown();
	}

	public static function pass_through( mixed $value ): mixed {
		return $value;
	}

	/**
	 * JobsOperations::create_job (pipeline, flow, pending) and JobsStatus::start_job (processing).
	 */
	private function create_and_start_job(): int {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'dm_jobs',
			array(
				'pipeline_id' => $this->pipeline_id,
				'flow_id'     => $this->flow_id,
				'status'      => 'pending',
			),
			array( '%d', '%d', '%s' )
		);
		$job_id = (int) $wpdb->insert_id;
		$wpdb->update( $wpdb->prefix . 'dm_jobs', array( 'status' => 'processing' ), array( 'job_id' => $job_id ), array( '%s' ), array( '%d' ) );
		return $job_id;
	}

	/**
	 * Engine.php's dm_execute_step for a step that throws: the context filters are added at priority
	 * 100 around execute() (and stay, since the throw skips remove_all_filters), the step logs without
	 * a job_id, the catch block logs the error and fires dm_fail_job.
	 */
	private function run_throwing_ai_step( int $job_id ): string {
		$flow_step_id = 'uuid-ai_' . $this->flow_id;
		add_filter( 'dm_current_flow_step_id', static fn () => $flow_step_id, 100 );
		add_filter( 'dm_current_job_id', static fn () => $job_id, 100 );
		try {
			do_action( 'dm_log', 'debug', 'AI Step: Processing with provider', array( 'flow_step_id' => $flow_step_id, 'provider' => 'openai' ) );
			do_action( 'dm_log', 'debug', 'AI Step: Sending request' );
			throw new \RuntimeException( 'OpenAI API error: model gpt-9 does not exist' );
		} catch ( \Throwable $e ) {
			do_action(
				'dm_log',
				'error',
				'Error in pipeline step execution',
				array(
					'flow_step_id' => $flow_step_id,
					'error'        => $e->getMessage(),
					'trace'        => $e->getTraceAsString(),
				)
			);
			$this->handle_job_failure(
				$job_id,
				'step_execution_failure',
				array(
					'flow_step_id'      => $flow_step_id,
					'exception_message' => $e->getMessage(),
					'exception_trace'   => $e->getTraceAsString(),
					'reason'            => 'throwable_exception_in_step_execution',
				)
			);
			return $e->getTraceAsString();
		}
	}

	/**
	 * Update.php's handle_job_failure (the dm_fail_job action): complete_job( 'failed' ), then its log line.
	 *
	 * @param array<string, mixed> $context_data
	 */
	private function handle_job_failure( int $job_id, string $reason, array $context_data ): void {
		global $wpdb;
		$wpdb->update(
			$wpdb->prefix . 'dm_jobs',
			array(
				'status'       => 'failed',
				'completed_at' => current_time( 'mysql', 1 ),
			),
			array( 'job_id' => $job_id ),
			array( '%s', '%s' ),
			array( '%d' )
		);
		do_action( 'dm_delete_processed_items', array( 'job_id' => $job_id ) );
		do_action(
			'dm_log',
			'error',
			'Job marked as failed',
			array(
				'job_id'                  => $job_id,
				'failure_reason'          => $reason,
				'triggered_by'            => 'dm_fail_job_action',
				'context_data'            => $context_data,
				'processed_items_cleaned' => true,
				'files_cleanup_enabled'   => true,
				'files_cleaned'           => false,
			)
		);
	}

	/**
	 * @return array<int, array<string, mixed>> The job's log, oldest first.
	 */
	private function lines( int $job_id ): array {
		return ( new LogService() )->page( new LogQuery( $job_id, per_page: 1000 ) )['items'];
	}

	/**
	 * @return array<string, mixed>
	 */
	private function detail( int $job_id ): array {
		$response = $this->admin_request( 'GET', '/jobs/' . $job_id );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_lines_attributed_through_dm_current_job_id_are_captured(): void {
		$job_id = $this->create_and_start_job();
		$other  = $this->create_and_start_job();
		do_action( 'dm_log', 'info', 'Outside any step: belongs to no job', array( 'flow_id' => $this->flow_id ) );

		$this->run_throwing_ai_step( $job_id );
		do_action( 'dm_log', 'info', 'Explicit job_id wins over the running job', array( 'job_id' => $other ) );

		$lines = $this->lines( $job_id );
		$this->assertSame(
			array( 'AI Step: Processing with provider', 'AI Step: Sending request', 'Error in pipeline step execution', 'Job marked as failed' ),
			array_column( $lines, 'message' )
		);
		$this->assertSame( array( 'uuid-ai_' . $this->flow_id ), array_values( array_unique( array_column( array_slice( $lines, 0, 3 ), 'step' ) ) ) );
		$this->assertSame( array( 'Explicit job_id wins over the running job' ), array_column( $this->lines( $other ), 'message' ) );
	}

	public function test_plain_failed_job_of_data_machine_0_1_gets_its_reason_message_trace_and_advice_from_the_log(): void {
		$job_id = $this->create_and_start_job();
		$trace  = $this->run_throwing_ai_step( $job_id );

		$data = $this->detail( $job_id );

		$this->assertSame( 'failed', $data['status'] );
		$this->assertSame( 'failed', $data['raw_status'] );
		$this->assertSame( 'step_execution_failure', $data['failure']['reason'] );
		$this->assertSame( 'OpenAI API error: model gpt-9 does not exist', $data['failure']['message'] );
		$this->assertSame( $trace, $data['failure']['trace'] );
		$this->assertSame( 'uuid-ai_' . $this->flow_id, $data['failure']['step_id'] );
		$this->assertSame( array( 'completed', 'failed', 'pending' ), array_column( $data['steps'], 'state' ) );
		$this->assertTrue( $data['resolution']['known'], (string) wp_json_encode( $data['resolution'] ) );
		$this->assertSame( 'step_execution_failure', $data['resolution']['code'] );
		$this->assertSame( 'code', $data['resolution']['matched_by'] );
		$this->assertSame( 'step_execution_failure', $data['status_reason'] );

		// The list shows (and search finds) the reason Data Machine only logged.
		$listed = $this->admin_request( 'GET', '/jobs', array( 'search' => 'step_execution_failure' ) )->get_data();
		$this->assertSame( array( $job_id ), array_column( $listed, 'id' ) );
		$this->assertSame( 'step_execution_failure', $listed[0]['status_reason'] );
	}

	public function test_step_error_line_alone_gives_message_trace_and_step(): void {
		$job_id       = $this->create_and_start_job();
		$flow_step_id = 'uuid-publish_' . $this->flow_id;
		add_filter( 'dm_current_job_id', static fn () => $job_id, 100 );
		// A step's own error line (no fail handler line, e.g. logged before a fatal error ended the request).
		do_action( 'dm_log', 'error', 'Error in pipeline step execution', array( 'flow_step_id' => $flow_step_id, 'error' => 'WordPress database error: Deadlock found', 'trace' => '#0 {main}' ) );
		remove_all_filters( 'dm_current_job_id', 100 );
		global $wpdb;
		$wpdb->update( $wpdb->prefix . 'dm_jobs', array( 'status' => 'failed', 'completed_at' => '2025-10-01 00:00:05' ), array( 'job_id' => $job_id ) );

		$data = $this->detail( $job_id );

		$this->assertSame( 'WordPress database error: Deadlock found', $data['failure']['message'] );
		$this->assertSame( '#0 {main}', $data['failure']['trace'] );
		$this->assertSame( $flow_step_id, $data['failure']['step_id'] );
		$this->assertNull( $data['failure']['reason'] );
		$this->assertSame( 'database_error', $data['resolution']['code'] );
		$this->assertSame( 'message', $data['resolution']['matched_by'] );
	}

	public function test_engine_data_of_todays_generation_gives_the_failure(): void {
		// FailJobHandler (datamachine_fail_job): base status, error_* merged into engine_data, the reason
		// kept in job_status_reason by Jobs::engine_data_with_status_reason().
		$engine = array(
			'error_reason'      => 'webhook_gate_timeout',
			'error_step_id'     => '',
			'error_message'     => 'Webhook gate timed out waiting for inbound webhook.',
			'retry_result'      => array( 'retried' => false ),
			'job_status_reason' => 'webhook_gate_timeout',
		);
		$failed = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-01-01 00:00:00', '2026-01-01 01:00:00', array( 'engine_data' => wp_json_encode( $engine ) ) );
		// JobStatusMigration: an old compound status normalised to its base, the reason moved to engine_data.
		$migrated = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:00:30', array( 'engine_data' => wp_json_encode( array( 'job_status_reason' => 'timeout' ) ) ) );

		$data = $this->detail( $failed );
		$this->assertSame( 'webhook_gate_timeout', $data['failure']['reason'] );
		$this->assertSame( 'Webhook gate timed out waiting for inbound webhook.', $data['failure']['message'] );

		$data = $this->detail( $migrated );
		$this->assertSame( 'timeout', $data['failure']['reason'] );
		$this->assertTrue( $data['resolution']['known'] );
		$this->assertSame( 'timeout', $data['resolution']['code'] );
	}
}
