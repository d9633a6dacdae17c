<?php
/**
 * Every job answer is exactly what its declared schema (JobSchema, JobDiagnosticsSchema, LogSchema) says, with
 * rows written the way the Data Machine generation this suite runs over writes them: the list, a single job with
 * all its diagnostic parts, a log page, and the answers of create, status change and delete.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Jobs\Schema\JobSchema;
use DMJobs\Logs\LogService;
use DMJobs\Shared\Rest\ResponseSchemas;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\ResponseSchemaAssertions;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class JobResponseSchemasTest extends TestCase {

	use ResponseSchemaAssertions;

	private int $pipeline_id;
	private int $flow_id;

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		LogService::forget_known_jobs();
		$this->pipeline_id = Fixtures::pipeline( 'RSS to posts' );
		$wpdb->update(
			\DMJobs\Schema\Repository\TableNames::pipelines(),
			array(
				'pipeline_config' => wp_json_encode(
					array(
						'uuid-fetch'   => array( 'step_type' => 'fetch', 'execution_order' => 0, 'label' => 'Fetch RSS' ),
						'uuid-ai'      => array( 'step_type' => 'ai', 'execution_order' => 1 ),
						'uuid-publish' => array( 'step_type' => 'publish', 'execution_order' => 2 ),
					)
				),
			),
			array( 'pipeline_id' => $this->pipeline_id )
		);
		$this->flow_id = Fixtures::flow( $this->pipeline_id, 'Hourly' );
	}

	/**
	 * @return array<string, mixed> The answer.
	 */
	private function detail( int $job_id ): array {
		return $this->answer( 'GET', '/jobs/(?P<id>[\d]+)', array(), "/jobs/{$job_id}" );
	}

	public function test_a_failed_job_with_every_diagnostic_part_answers_the_detail_schema(): void {
		$engine = array(
			'error_message' => 'AI provider returned 429 Too Many Requests',
			'error_step_id' => 'uuid-ai_' . $this->flow_id,
			'error_reason'  => 'rate_limited',
			'error_trace'   => "#0 Step.php(88): run()\n#1 {main}",
			'error_context' => array( 'model' => 'gpt-x', 'attempts' => array( 1, 2 ) ),
			'started_at'    => '2026-01-01 00:00:05',
			'api_responses' => array(
				'uuid-ai' => array( 'http_status' => 429, 'error_code' => 'rate_limit_exceeded', 'body' => array( 'error' => 'slow down' ) ),
			),
		);
		$job    = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:02:00', array( 'engine_data' => wp_json_encode( $engine ) ) );
		dm_jobs_log( $job, 'info', 'Fetched 3 items', array(), 'uuid-fetch_' . $this->flow_id );
		dm_jobs_log( $job, 'warning', 'Retried', array( 'first', 'second' ) );
		dm_jobs_log( $job, 'error', 'AI request failed', array( 'http_status' => 429, 'url' => 'https://api.example.test/v1' ), 'uuid-ai_' . $this->flow_id );

		$data = $this->detail( $job );
		$this->assertSame( array( 'completed', 'failed', 'pending' ), array_column( $data['steps'], 'state' ) );
		$this->assertSame( 'AI request failed', $data['failure_context']['log_line']['message'] );
		$this->assertSame( array( 'engine_data', 'log' ), array_column( $data['api_responses'], 'source' ) );
		$this->assertSame( 'code', $data['resolution']['matched_by'] );
		$this->assertNotSame( array(), $data['config_checks'] );

		$page = $this->answer( 'GET', '/jobs/(?P<id>[\d]+)/logs', array(), "/jobs/{$job}/logs" );
		$this->assertCount( 3, $page['items'] );

		$listed = $this->admin_request( 'GET', '/jobs' )->get_data();
		$this->assertNotSame( array(), $listed );
		foreach ( $listed as $index => $item ) {
			unset( $item['_links'] );
			$this->assertAnswerMatches( $item, JobSchema::item(), "GET /jobs[{$index}]" );
		}
	}

	public function test_jobs_without_failure_logs_or_engine_data_answer_the_detail_schema(): void {
		$quiet = array(
			Fixtures::job( $this->pipeline_id, $this->flow_id, 'completed_no_items', '2026-01-01 00:00:00', '2026-01-01 00:00:02' ),
			Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', '2026-01-01 00:00:00', null, array( 'engine_data' => '{"current_step":"uuid-ai"}' ) ),
			Fixtures::job( $this->pipeline_id, $this->flow_id, 'cancelled', '2026-01-01 00:00:00', '2026-01-01 00:00:03', array( 'engine_data' => '[1,2]' ) ),
			Fixtures::job( Fixtures::pipeline( 'Gone flow' ), 999999, 'failed - timeout', '2026-01-01 00:00:00', '2026-01-01 00:00:04' ),
		);
		foreach ( $quiet as $job ) {
			$data = $this->detail( $job );
			$this->assertSame( 0, $data['log_counts']['total'] );
		}
		$this->assertSame( '[]', wp_json_encode( $this->detail( $quiet[0] )['engine_data'] ), 'an empty engine_data arrives as a JSON array, as the schema says' );
		$this->assertNull( $this->detail( $quiet[0] )['failure'] );
		$this->assertNotNull( $this->detail( $quiet[3] )['resolution'] );
	}

	public function test_rows_of_the_generation_this_suite_runs_over_answer_the_detail_schema(): void {
		if ( Fixtures::today() ) {
			// Today's Data Machine: a chat job without a saved pipeline, a fan-out parent with a child, the reason in engine_data.
			$admin  = $this->users['administrator'];
			$chat   = Fixtures::job( 0, 0, 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:04', array( 'pipeline_id' => 'direct', 'flow_id' => 'direct', 'source' => 'chat', 'label' => 'Ask the agent', 'user_id' => $admin ) );
			$parent = Fixtures::job( $this->pipeline_id, $this->flow_id, 'completed', '2026-11-01 10:00:00', '2026-11-01 10:00:09', array( 'source' => 'pipeline', 'label' => 'Hourly' ) );
			$child  = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-11-01 10:00:01', '2026-11-01 10:00:05', array( 'parent_job_id' => $parent, 'label' => 'Item 1: Jazz night', 'status_reason' => 'step_execution_failure' ) );
			$this->assertSame( 'Direct', $this->detail( $chat )['pipeline_name'] );
			$this->assertSame( array( $child ), $this->detail( $parent )['child_job_ids'] );
			$this->assertSame( 'step_execution_failure', $this->detail( $child )['failure']['reason'] );
			return;
		}
		// Data Machine 0.1: a PHP-serialized engine_data holding an object, and a compound status.
		$serialized = 'a:2:{s:13:"error_message";s:4:"boom";s:6:"result";O:8:"WP_Error":1:{s:6:"errors";a:0:{}}}';
		$job        = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed - timeout', '2025-01-01 00:00:00', '2025-01-01 00:00:09', array( 'engine_data' => $serialized ) );
		$data       = $this->detail( $job );
		$this->assertSame( 'WP_Error', $data['engine_data']['result']['__php_class'] );
		$this->assertSame( 'timeout', $data['failure']['reason'] );
	}

	public function test_create_status_change_and_delete_answer_the_job_schema(): void {
		$job = $this->answer( 'POST', '/jobs', array( 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id, 'status' => 'processing' ) )['id'];

		$failed = $this->answer(
			'POST',
			'/jobs/(?P<id>[\d]+)/status',
			array(
				'status'      => 'failed',
				'reason'      => 'timeout',
				'engine_data' => array( 'error_message' => 'Gave up' ),
			),
			"/jobs/{$job}/status"
		);
		$this->assertSame( 'Gave up', $failed['failure']['message'] );

		$dry_run = $this->admin_request( 'DELETE', "/jobs/{$job}", array( 'dry_run' => true ) )->get_data();
		$this->assertAnswerMatches( $dry_run['previous'], JobSchema::item(), 'DELETE /jobs/{id} previous' );
	}

	public function test_the_detail_schema_is_the_job_item_with_its_single_job_fields_required(): void {
		$detail = JobSchema::detail();
		$this->assertSame( JobSchema::item(), $detail['allOf'][0] );
		$this->assertSame( array(), array_diff( $detail['allOf'][1]['required'], array_keys( JobSchema::item()['properties'] ) ), 'every required single-job field is a dm-job property' );
		$this->assertSame( ResponseSchemas::DRAFT, $detail['$schema'] );
	}
}
