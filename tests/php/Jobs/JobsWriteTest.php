<?php
/**
 * The write API for other plugins: create, change status, delete — over REST and PHP, with hooks.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class JobsWriteTest extends TestCase {

	private int $pipeline_id;
	private int $flow_id;

	/**
	 * @var array<int, array<int, mixed>>
	 */
	private array $fired = array();

	protected function setUp(): void {
		parent::setUp();
		$this->pipeline_id = Fixtures::pipeline( 'Writers' );
		$this->flow_id     = Fixtures::flow( $this->pipeline_id, 'Daily' );
		$this->fired       = array();
		add_action( 'dm_jobs_job_created', array( $this, 'record' ), 10, 2 );
		add_action( 'dm_jobs_job_status_changed', array( $this, 'record' ), 10, 4 );
	}

	protected function tearDown(): void {
		remove_action( 'dm_jobs_job_created', array( $this, 'record' ), 10 );
		remove_action( 'dm_jobs_job_status_changed', array( $this, 'record' ), 10 );
		parent::tearDown();
	}

	public function record( mixed ...$args ): void {
		$this->fired[] = array( current_action(), ...$args );
	}

	public function test_create_list_change_status_over_rest(): void {
		$created = $this->admin_request(
			'POST',
			'/jobs',
			array(
				'pipeline_id' => $this->pipeline_id,
				'flow_id'     => $this->flow_id,
				'engine_data' => array( 'source_url' => 'https://example.com/a' ),
			)
		);
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$job = $created->get_data();
		$this->assertSame( 'pending', $job['status'] );
		$this->assertNull( $job['completed_at'] );
		$this->assertSame( array( 'source_url' => 'https://example.com/a' ), $job['engine_data'] );
		$this->assertStringEndsWith( '/dm-jobs/v1/jobs/' . $job['id'], $created->get_headers()['Location'] );
		$this->assertSame( array( 'dm_jobs_job_created', $job['id'] ), array_slice( $this->fired[0], 0, 2 ) );

		$this->assertSame( array( $job['id'] ), $this->ids( $this->admin_request( 'GET', '/jobs' ) ) );

		$processing = $this->admin_request( 'POST', '/jobs/' . $job['id'] . '/status', array( 'status' => 'processing' ) );
		$this->assertSame( 200, $processing->get_status() );
		$this->assertNull( $processing->get_data()['completed_at'] );

		$failed = $this->admin_request(
			'PATCH',
			'/jobs/' . $job['id'] . '/status',
			array(
				'status'      => 'failed',
				'reason'      => 'step_execution_failure',
				'engine_data' => array( 'error_message' => 'Publish step failed' ),
			)
		);
		$this->assertSame( 200, $failed->get_status() );
		$data = $failed->get_data();
		$this->assertSame( 'failed', $data['status'] );
		$this->assertSame( 'step_execution_failure', $data['status_reason'] );
		$this->assertNotNull( $data['completed_at'] );
		$this->assertIsInt( $data['duration'] );
		$this->assertGreaterThanOrEqual( 0, $data['duration'] );
		$this->assertSame( 'Publish step failed', $data['failure']['message'] );
		$this->assertSame( 'https://example.com/a', $data['engine_data']['source_url'], 'the patch must keep existing keys' );

		$changes = array_values( array_filter( $this->fired, static fn ( array $call ): bool => 'dm_jobs_job_status_changed' === $call[0] ) );
		$this->assertCount( 2, $changes );
		$this->assertSame( array( 'dm_jobs_job_status_changed', $job['id'], 'processing', 'pending' ), array_slice( $changes[0], 0, 4 ) );
		$this->assertSame( array( 'dm_jobs_job_status_changed', $job['id'], 'failed', 'processing' ), array_slice( $changes[1], 0, 4 ) );
		$this->assertSame( 'failed', $changes[1][4]['status'] );

		$listed = $this->admin_request( 'GET', '/jobs', array( 'status' => 'failed' ) )->get_data();
		$this->assertSame( 'step_execution_failure', $listed[0]['status_reason'] );
		$this->assertSame( $data['completed_at'], $listed[0]['completed_at'] );
	}

	public function test_php_api(): void {
		$job = dm_jobs_create_job(
			array(
				'pipeline_id' => $this->pipeline_id,
				'flow_id'     => $this->flow_id,
			)
		);
		$this->assertIsArray( $job );
		$this->assertSame( 'pending', dm_jobs_get_job( $job['id'] )['status'] );

		$done = dm_jobs_update_job_status( $job['id'], 'completed' );
		$this->assertIsArray( $done );
		$this->assertTrue( $done['is_final'] );
		$this->assertNotNull( $done['completed_at'] );
		$this->assertSame( array( 'dm_jobs_job_created', 'dm_jobs_job_status_changed' ), array_column( $this->fired, 0 ) );

		// Back to pending (a retry) clears the completion time.
		$retry = dm_jobs_update_job_status( $job['id'], 'pending' );
		$this->assertNull( $retry['completed_at'] );
		$this->assertNull( dm_jobs_get_job( 999999 ) );
		$this->assertSame( array( 'status' => 'failed', 'reason' => 'timeout', 'is_final' => true ), dm_jobs_parse_status( 'failed - timeout' ) );
	}

	public function test_final_to_final_keeps_the_first_completion_time(): void {
		$job_id = Fixtures::job( $this->pipeline_id, $this->flow_id, 'completed', '2026-01-01 00:00:00', '2026-01-01 00:10:00' );
		$job    = dm_jobs_update_job_status( $job_id, 'failed', 'late validation' );
		$this->assertSame( '2026-01-01T00:10:00Z', $job['completed_at'] );
		$this->assertSame( 600, $job['duration'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public static function bad_creates(): array {
		return array(
			'unknown pipeline'  => array( array( 'pipeline_id' => 999999, 'flow' => true ), 'pipeline_id' ),
			'unknown flow'      => array( array( 'pipeline' => true, 'flow_id' => 999999 ), 'flow_id' ),
			'bad status'        => array( array( 'pipeline' => true, 'flow' => true, 'status' => 'done-ish' ), 'status' ),
			'engine_data text'  => array( array( 'pipeline' => true, 'flow' => true, 'engine_data' => 'not an object' ), 'engine_data' ),
		);
	}

	/**
	 * @dataProvider bad_creates
	 * @param array<string, mixed> $params
	 */
	public function test_bad_create_is_400_and_changes_nothing( array $params, string $param ): void {
		if ( isset( $params['pipeline'] ) ) {
			$params['pipeline_id'] = $this->pipeline_id;
			unset( $params['pipeline'] );
		}
		if ( isset( $params['flow'] ) ) {
			$params['flow_id'] = $this->flow_id;
			unset( $params['flow'] );
		}
		$before = Fixtures::job_count();
		$this->assertInvalidParam( $this->admin_request( 'POST', '/jobs', $params ), $param );
		$this->assertSame( $before, Fixtures::job_count() );
		$this->assertSame( array(), $this->fired );
	}

	public function test_missing_required_parameter_is_400_naming_it(): void {
		$response = $this->admin_request( 'POST', '/jobs', array( 'flow_id' => $this->flow_id ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_missing_callback_param', $response->get_data()['code'] );
		$this->assertSame( array( 'pipeline_id' ), $response->get_data()['data']['params'] );
		$this->assertSame( 0, Fixtures::job_count() );
	}

	public function test_flow_of_another_pipeline_is_refused(): void {
		$other      = Fixtures::pipeline( 'Other' );
		$other_flow = Fixtures::flow( $other, 'Theirs' );
		$response   = $this->admin_request( 'POST', '/jobs', array( 'pipeline_id' => $this->pipeline_id, 'flow_id' => $other_flow ) );
		$this->assertInvalidParam( $response, 'flow_id' );
	}

	public function test_bad_status_change_is_400_and_changes_nothing(): void {
		$job_id = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', '2026-01-01 00:00:00' );
		$this->assertInvalidParam( $this->admin_request( 'POST', "/jobs/{$job_id}/status", array( 'status' => 'finished' ) ), 'status' );
		$this->assertInvalidParam( $this->admin_request( 'POST', "/jobs/{$job_id}/status", array( 'status' => 'failed', 'reason' => str_repeat( 'x', 256 ) ) ), 'reason' );
		$this->assertSame( 404, $this->admin_request( 'POST', '/jobs/999999/status', array( 'status' => 'failed' ) )->get_status() );
		$this->assertSame( 'processing', dm_jobs_get_job( $job_id )['raw_status'] );
		$this->assertSame( array(), $this->fired );
	}

	public function test_delete_returns_the_job_and_removes_it(): void {
		$keep   = Fixtures::job( $this->pipeline_id, $this->flow_id, 'completed', '2026-01-01 00:00:00', '2026-01-01 00:00:09' );
		$job_id = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed - timeout', '2026-01-02 00:00:00', '2026-01-02 00:00:09' );

		$response = $this->admin_request( 'DELETE', '/jobs/' . $job_id );
		$this->assertSame( 200, $response->get_status() );
		$this->assertTrue( $response->get_data()['deleted'] );
		$this->assertSame( $job_id, $response->get_data()['previous']['id'] );
		$this->assertSame( 'timeout', $response->get_data()['previous']['status_reason'] );
		$this->assertNull( dm_jobs_get_job( $job_id ) );
		$this->assertNotNull( dm_jobs_get_job( $keep ) );
		$this->assertSame( 404, $this->admin_request( 'DELETE', '/jobs/' . $job_id )->get_status() );
	}

	public function test_delete_dry_run_answers_the_job_and_deletes_nothing(): void {
		$job_id = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed - timeout', '2026-01-02 00:00:00', '2026-01-02 00:00:09' );
		$deleted = array();
		$watch   = static function ( $ids ) use ( &$deleted ): void {
			$deleted[] = $ids;
		};
		add_action( 'dm_jobs_before_delete_jobs', $watch );
		try {
			$response = $this->admin_request( 'DELETE', '/jobs/' . $job_id, array( 'dry_run' => 'true' ) );
		} finally {
			remove_action( 'dm_jobs_before_delete_jobs', $watch );
		}
		$this->assertSame( 200, $response->get_status() );
		$this->assertFalse( $response->get_data()['deleted'] );
		$this->assertTrue( $response->get_data()['dry_run'] );
		$this->assertSame( $job_id, $response->get_data()['previous']['id'] );
		$this->assertNotNull( dm_jobs_get_job( $job_id ) );
		$this->assertSame( array(), $deleted );
		$this->assertInvalidParam( $this->admin_request( 'DELETE', '/jobs/' . $job_id, array( 'dry_run' => 'perhaps' ) ), 'dry_run' );
		$this->assertNotNull( dm_jobs_get_job( $job_id ) );
	}
}
