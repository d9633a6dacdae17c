<?php
/**
 * The fields GET /jobs/{id} adds for the detail view: steps, failure context, resolution,
 * configuration checks, API responses, log counts and start time.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs\Details;

use DMJobs\Jobs\Details\ErrorResolutions;
use DMJobs\Logs\LogService;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class JobDetailDiagnosticsTest extends TestCase {

	private const STEPS = array(
		'uuid-fetch'   => array(
			'step_type'       => 'fetch',
			'execution_order' => 0,
			'label'           => 'Fetch RSS',
		),
		'uuid-publish' => array(
			'step_type'       => 'publish',
			'execution_order' => 2,
		),
		'uuid-ai'      => array(
			'step_type'       => 'ai',
			'execution_order' => 1,
		),
	);

	protected function setUp(): void {
		parent::setUp();
		LogService::forget_known_jobs();
	}

	private function pipeline( array|string|null $config ): int {
		global $wpdb;
		$id = Fixtures::pipeline( 'Diagnosed' );
		$wpdb->update( \DMJobs\Schema\Repository\TableNames::pipelines(), array( 'pipeline_config' => is_array( $config ) ? wp_json_encode( $config ) : $config ), array( 'pipeline_id' => $id ) );
		return $id;
	}

	private function flow( int $pipeline_id, string $flow_config, string $scheduling = '{"interval":"hourly"}' ): int {
		global $wpdb;
		$id = Fixtures::flow( $pipeline_id, 'Diagnosed flow' );
		$wpdb->update(
			\DMJobs\Schema\Repository\TableNames::flows(),
			array(
				'flow_config'       => $flow_config,
				'scheduling_config' => $scheduling,
			),
			array( 'flow_id' => $id )
		);
		return $id;
	}

	/**
	 * @return array<string, mixed>
	 */
	private function detail( int $job_id ): array {
		$response = $this->admin_request( 'GET', '/jobs/' . $job_id );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * @param array<int, array<string, mixed>> $checks
	 * @return array<string, string> id => status
	 */
	private function statuses( array $checks ): array {
		return array_column( $checks, 'status', 'id' );
	}

	public function test_failed_job_has_failed_step_resolution_and_context(): void {
		$pipeline = $this->pipeline( self::STEPS );
		$flow     = $this->flow(
			$pipeline,
			(string) wp_json_encode(
				array(
					'uuid-fetch_1'   => array( 'step_type' => 'fetch', 'pipeline_step_id' => 'uuid-fetch', 'handler' => array( 'handler_slug' => 'rss' ) ),
					'uuid-ai_1'      => array( 'step_type' => 'ai', 'pipeline_step_id' => 'uuid-ai' ),
					'uuid-publish_1' => array( 'step_type' => 'publish', 'pipeline_step_id' => 'uuid-publish', 'handler' => array( 'handler_slug' => 'wordpress_publish' ) ),
				)
			)
		);
		$engine   = array(
			'error_message' => 'AI provider returned 429 Too Many Requests',
			'error_step_id' => 'uuid-ai_' . $flow,
			'error_reason'  => 'rate_limited',
			'error_trace'   => "#0 Step.php(88): run()\n#1 {main}",
			'error_context' => array( 'model' => 'gpt-x' ),
			'started_at'    => '2026-01-01 00:00:05',
			'api_responses' => array(
				'uuid-ai' => array( 'http_status' => 429, 'error_code' => 'rate_limit_exceeded', 'body' => array( 'error' => 'slow down' ) ),
			),
		);
		$job      = Fixtures::job( $pipeline, $flow, 'failed: rate_limited', '2026-01-01 00:00:00', '2026-01-01 00:02:00', array( 'engine_data' => wp_json_encode( $engine ) ) );
		dm_jobs_log( $job, 'info', 'Fetched 3 items', array(), 'uuid-fetch_' . $flow );
		dm_jobs_log( $job, 'error', 'AI request failed', array( 'http_status' => 429 ), 'uuid-ai_' . $flow );

		$data = $this->detail( $job );

		// Existing fields are unchanged.
		$this->assertSame( 'failed', $data['status'] );
		$this->assertSame( 'AI provider returned 429 Too Many Requests', $data['failure']['message'] );
		$this->assertSame( $engine['error_trace'], $data['failure']['trace'] );

		$this->assertSame( array( 'Fetch RSS', 'ai', 'publish' ), array_column( $data['steps'], 'label' ) );
		$this->assertSame( array( 'completed', 'failed', 'pending' ), array_column( $data['steps'], 'state' ) );
		$this->assertSame( array( 1, 1, 0 ), array_column( $data['steps'], 'log_lines' ) );
		$this->assertSame( 'uuid-ai', $data['failure_context']['step']['id'] );
		$this->assertSame( array( 'model' => 'gpt-x' ), $data['failure_context']['details'] );
		$this->assertSame( 'AI request failed', $data['failure_context']['log_line']['message'] );

		$this->assertTrue( $data['resolution']['known'] );
		$this->assertSame( 'rate_limited', $data['resolution']['code'] );
		$this->assertSame( 'code', $data['resolution']['matched_by'] );
		$this->assertNotEmpty( $data['resolution']['steps'] );
		$this->assertStringStartsWith( 'https://', $data['resolution']['links'][0]['url'] );

		$this->assertSame( '2026-01-01T00:00:05Z', $data['started_at'] );
		$this->assertSame( 2, $data['log_counts']['total'] );
		$this->assertSame( 1, $data['log_counts']['by_level']['error'] );
		$this->assertSame( 0, $data['log_counts']['by_level']['critical'] );

		$this->assertSame( array( 'pipeline_has_steps' => 'ok', 'flow_step_handlers' => 'ok', 'scheduling_interval' => 'ok' ), $this->statuses( $data['config_checks'] ) );

		$sources = array_column( $data['api_responses'], 'source' );
		$this->assertSame( array( 'engine_data', 'log' ), $sources );
		$this->assertSame( 429, $data['api_responses'][0]['status'] );
		$this->assertSame( 'rate_limit_exceeded', $data['api_responses'][0]['code'] );
		$this->assertSame( 'uuid-ai', $data['api_responses'][0]['step'] );
		$this->assertSame( 'api_responses.uuid-ai', $data['api_responses'][0]['path'] );
		$this->assertSame( 429, $data['api_responses'][1]['status'] );
		$this->assertSame( 'AI request failed', $data['api_responses'][1]['message'] );
	}

	public function test_running_job_progress_and_start_from_logs(): void {
		$pipeline = $this->pipeline( self::STEPS );
		$flow     = $this->flow( $pipeline, '{"steps":["uuid-fetch","uuid-ai","uuid-publish"]}' );
		$job      = Fixtures::job( $pipeline, $flow, 'processing', '2026-01-01 00:00:00' );
		// Processing with no other sign: the first step not completed is the running one.
		$this->assertSame( array( 'running', 'pending', 'pending' ), array_column( $this->detail( $job )['steps'], 'state' ) );

		dm_jobs_log( $job, 'info', 'fetching', array(), 'fetch' );
		dm_jobs_log( $job, 'info', 'thinking', array(), 'uuid-ai_' . $flow );
		$data = $this->detail( $job );
		$this->assertSame( array( 'completed', 'running', 'pending' ), array_column( $data['steps'], 'state' ) );
		$this->assertNotNull( $data['started_at'] );
		$this->assertNull( $data['resolution'] );
		$this->assertNull( $data['failure_context'] );
	}

	public function test_outcomes_without_failure(): void {
		$pipeline = $this->pipeline( self::STEPS );
		$flow     = $this->flow( $pipeline, '{"steps":[]}' );
		$done     = Fixtures::job( $pipeline, $flow, 'completed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$nothing  = Fixtures::job( $pipeline, $flow, 'completed_no_items', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$queued   = Fixtures::job( $pipeline, $flow, 'pending', '2026-01-01 00:00:00' );
		$this->assertSame( array( 'completed', 'completed', 'completed' ), array_column( $this->detail( $done )['steps'], 'state' ) );
		$this->assertSame( array( 'completed', 'skipped', 'skipped' ), array_column( $this->detail( $nothing )['steps'], 'state' ) );
		$this->assertSame( array( 'pending', 'pending', 'pending' ), array_column( $this->detail( $queued )['steps'], 'state' ) );
		$this->assertNull( $this->detail( $done )['started_at'] );
		$this->assertSame( array(), $this->detail( $done )['api_responses'] );
		$this->assertSame( 0, $this->detail( $done )['log_counts']['total'] );
	}

	public function test_configuration_problems_are_reported(): void {
		// Pipeline without steps; empty flow_config; scheduling_config not JSON.
		$pipeline = $this->pipeline( '{}' );
		$flow     = $this->flow( $pipeline, '', 'every hour' );
		$job      = Fixtures::job( $pipeline, $flow, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$this->assertSame(
			array(
				'pipeline_has_steps'      => 'error',
				'flow_config_present'     => 'error',
				'scheduling_config_valid' => 'error',
			),
			$this->statuses( $this->detail( $job )['config_checks'] )
		);

		// Invalid pipeline JSON; flow steps without handlers; a schedule without interval.
		$broken = $this->pipeline( '{"uuid-fetch":' );
		$flow2  = $this->flow( $broken, '{"x_1":{"step_type":"publish","handler":{}}}', '{"enabled":true}' );
		$job2   = Fixtures::job( $broken, $flow2, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$this->assertSame(
			array(
				'pipeline_config_valid' => 'error',
				'flow_step_handlers'    => 'error',
				'scheduling_interval'   => 'warning',
			),
			$this->statuses( $this->detail( $job2 )['config_checks'] )
		);

		// The flow belongs to another pipeline, and the pipeline has a step the flow does not configure.
		$other = $this->pipeline( self::STEPS );
		$flow3 = $this->flow( $other, '{"uuid-fetch_9":{"step_type":"fetch","pipeline_step_id":"uuid-fetch","handler_slug":"rss"}}' );
		$job3  = Fixtures::job( $pipeline, $flow3, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$this->assertSame( 'error', $this->statuses( $this->detail( $job3 )['config_checks'] )['flow_pipeline_match'] );
		$job4   = Fixtures::job( $other, $flow3, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$checks = $this->detail( $job4 )['config_checks'];
		$this->assertSame( 'warning', $this->statuses( $checks )['flow_steps_cover_pipeline'] );
		$this->assertStringContainsString( 'ai, publish', implode( ' ', array_column( $checks, 'message' ) ) );

		// Pipeline and flow gone.
		$orphan = Fixtures::job( 987654, 987655, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$data   = $this->detail( $orphan );
		$this->assertSame( array( 'pipeline_exists' => 'error', 'flow_exists' => 'error' ), $this->statuses( $data['config_checks'] ) );
		$this->assertSame( array(), $data['steps'] );

		// Other plugins add checks.
		$add = static function ( array $checks ): array {
			$checks[] = array( 'id' => 'my_check', 'scope' => 'flow', 'status' => 'warning', 'message' => 'Mine' );
			$checks[] = array( 'id' => 'broken', 'status' => 'purple', 'message' => 'dropped' );
			return $checks;
		};
		add_filter( 'dm_jobs_config_checks', $add );
		$statuses = $this->statuses( $this->detail( $orphan )['config_checks'] );
		remove_filter( 'dm_jobs_config_checks', $add );
		$this->assertSame( 'warning', $statuses['my_check'] );
		$this->assertArrayNotHasKey( 'broken', $statuses );
	}

	public function test_steps_fall_back_to_engine_data_and_seeded_step_ids(): void {
		// The demo seeder's shape: pipeline steps keyed by UUID, error_step_id "{uuid}_{step type}".
		$pipeline = $this->pipeline( array( 'u1' => array( 'step_type' => 'fetch' ), 'u2' => array( 'step_type' => 'ai' ), 'u3' => array( 'step_type' => 'publish' ) ) );
		$flow     = $this->flow( $pipeline, '{"steps":["u1","u2","u3"]}' );
		$job      = Fixtures::job( $pipeline, $flow, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00', array( 'engine_data' => wp_json_encode( array( 'error_step_id' => 'u1_publish', 'error_message' => 'wp_insert_post failed: Content, title, and excerpt are empty.' ) ) ) );
		$data     = $this->detail( $job );
		$this->assertSame( array( 'completed', 'completed', 'failed' ), array_column( $data['steps'], 'state' ) );
		$this->assertSame( 'empty_content', $data['resolution']['code'] );
		$this->assertSame( 'message', $data['resolution']['matched_by'] );

		$orphan = Fixtures::job( 987654, 987655, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00', array( 'engine_data' => '{"steps":["fetch","ai"],"error_step_id":"fetch"}' ) );
		$this->assertSame( array( 'failed', 'pending' ), array_column( $this->detail( $orphan )['steps'], 'state' ) );
	}

	public function test_unknown_errors_get_general_advice_and_the_registry_is_filterable(): void {
		$pipeline = $this->pipeline( self::STEPS );
		$flow     = $this->flow( $pipeline, '{"steps":[]}' );
		$job      = Fixtures::job( $pipeline, $flow, 'failed - flux_cap', '2026-01-01 00:00:00', '2026-01-01 00:01:00', array( 'engine_data' => '{"error_message":"The flux capacitor cracked"}' ) );

		$general = $this->detail( $job )['resolution'];
		$this->assertFalse( $general['known'] );
		$this->assertSame( 'flux_cap', $general['code'] );
		$this->assertNull( $general['matched_by'] );
		$this->assertGreaterThanOrEqual( 3, count( $general['steps'] ) );
		$this->assertNotEmpty( $general['links'] );

		$extend = static function ( array $registry ): array {
			$registry['flux_cap'] = array(
				'title' => 'Replace the flux capacitor',
				'steps' => array( 'Order a new one.', 42 ),
				'links' => array(
					array( 'label' => 'Parts', 'url' => 'https://example.com/parts' ),
					array( 'label' => 'Evil', 'url' => 'javascript:alert(1)' ),
				),
			);
			$registry['bad_entry']      = array( 'steps' => array( 'no title' ) );
			$registry['bad_pattern']    = array( 'title' => 'x', 'patterns' => array( '/(unclosed' ) );
			return $registry;
		};
		add_filter( 'dm_jobs_error_resolutions', $extend );
		$known    = $this->detail( $job )['resolution'];
		$registry = ( new ErrorResolutions() )->registry();
		remove_filter( 'dm_jobs_error_resolutions', $extend );

		$this->assertTrue( $known['known'] );
		$this->assertSame( 'Replace the flux capacitor', $known['title'] );
		$this->assertSame( array( 'Order a new one.' ), $known['steps'] );
		$this->assertSame( array( array( 'label' => 'Parts', 'url' => 'https://example.com/parts' ) ), $known['links'] );
		$this->assertArrayNotHasKey( 'bad_entry', $registry );
		$this->assertSame( array(), $registry['bad_pattern']['patterns'] );
	}

	public function test_resolution_codes_and_messages(): void {
		$resolutions = new ErrorResolutions();
		$cases       = array(
			array( array( 'HTTP 503' ), array(), 'http_5xx' ),
			array( array( 'http_500' ), array(), 'http_5xx' ),
			array( array( 'timeout' ), array(), 'timeout' ),
			array( array( 'no_config' ), array(), 'no_config' ),
			array( array( null, 'http_429' ), array(), 'rate_limited' ),
			array( array( 'mystery' ), array( 'cURL error 28: Operation timed out after 30001 milliseconds' ), 'timeout' ),
			array( array(), array( 'HTTP 500 from feed endpoint https://example.com/feed.xml' ), 'http_5xx' ),
			array( array(), array( 'Handler "bluesky" is not configured: missing app password' ), 'no_config' ),
			array( array(), array( 'PHP Fatal error: Allowed memory size of 134217728 bytes exhausted' ), 'memory_exhausted' ),
			array( array(), array( '', 'Invalid API key provided' ), 'auth_failed' ),
		);
		foreach ( $cases as [ $codes, $messages, $expected ] ) {
			$this->assertSame( $expected, $resolutions->resolve( $codes, $messages )['code'], (string) wp_json_encode( array( $codes, $messages ) ) );
		}
	}

	public function test_schema_documents_the_added_fields(): void {
		$response   = $this->admin_request( 'OPTIONS', '/jobs/1' );
		$properties = $response->get_data()['schema']['properties'];
		foreach ( array( 'started_at', 'steps', 'failure_context', 'resolution', 'config_checks', 'api_responses', 'log_counts', 'engine_data', 'failure' ) as $field ) {
			$this->assertArrayHasKey( $field, $properties );
		}
	}
}
