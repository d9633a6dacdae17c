<?php
/**
 * GET /jobs/changes (the live-update poll) and GET /jobs/counts.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Jobs\JobCounts;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class JobActivityTest extends TestCase {

	private int $pipeline;
	private int $flow;

	protected function setUp(): void {
		parent::setUp();
		delete_option( JobCounts::OPTION );
		$this->pipeline = Fixtures::pipeline( 'Live' );
		$this->flow     = Fixtures::flow( $this->pipeline, 'Poll' );
		Fixtures::job( $this->pipeline, $this->flow, 'completed', '2026-01-01 00:00:00', '2026-01-01 00:00:09' );
		Fixtures::job( $this->pipeline, $this->flow, 'failed - timeout', '2026-01-01 00:01:00', '2026-01-01 00:01:09' );
	}

	private function token(): string {
		return $this->admin_request( 'GET', '/jobs/changes' )->get_data()['token'];
	}

	/**
	 * @param array<string, mixed> $params
	 * @return array<string, mixed>
	 */
	private function poll( string $token, array $params = array() ): array {
		$response = $this->admin_request( 'GET', '/jobs/changes', array( 'token' => $token ) + $params );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_unchanged_poll_is_small_and_stable(): void {
		$token = $this->token();
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{16}$/', $token );
		$answer = $this->poll( $token, array( 'since_id' => 1 ) );
		$this->assertSame( array( 'token' => $token, 'changed' => false ), $answer );
		$this->assertLessThan( 64, strlen( (string) wp_json_encode( $answer ) ) );
	}

	public function test_token_follows_rows_written_straight_into_the_table(): void {
		global $wpdb;
		$token = $this->token();

		$job = Fixtures::job( $this->pipeline, $this->flow, 'pending', '2026-01-02 00:00:00' );
		$this->assertTrue( $this->poll( $token )['changed'], 'a new job' );
		$token = $this->token();

		$wpdb->update( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'status' => 'processing' ), array( 'job_id' => $job ) );
		$this->assertTrue( $this->poll( $token )['changed'], 'pending → processing' );
		$token = $this->token();

		$wpdb->update( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'status' => 'completed', 'completed_at' => '2026-01-02 00:00:30' ), array( 'job_id' => $job ) );
		$this->assertTrue( $this->poll( $token )['changed'], 'processing → completed' );
		$token = $this->token();

		$this->admin_request( 'DELETE', '/jobs/' . $job );
		$this->assertTrue( $this->poll( $token )['changed'], 'a deletion' );
	}

	public function test_new_jobs_are_counted_with_the_views_filters(): void {
		$token  = $this->token();
		$newest = Fixtures::job( $this->pipeline, $this->flow, 'completed', '2026-01-03 00:00:00', '2026-01-03 00:00:01' );
		Fixtures::job( $this->pipeline, $this->flow, 'failed', '2026-01-03 00:01:00', '2026-01-03 00:01:01' );
		Fixtures::job( $this->pipeline, $this->flow, 'failed: http_500', '2026-01-03 00:02:00', '2026-01-03 00:02:01' );

		$answer = $this->poll( $token, array( 'since_id' => $newest - 1, 'status' => 'failed' ) );
		$this->assertTrue( $answer['changed'] );
		$this->assertSame( 2, $answer['new_jobs'] );
		$this->assertSame( 3, $this->poll( $token, array( 'since_id' => $newest - 1 ) )['new_jobs'] );
	}

	public function test_bad_poll_parameters_are_400(): void {
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs/changes', array( 'token' => "x' OR 1=1" ) ), 'token' );
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs/changes', array( 'since_id' => -1 ) ), 'since_id' );
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs/changes', array( 'status' => 'nope' ) ), 'status' );
	}

	public function test_counts_by_base_status(): void {
		Fixtures::job( $this->pipeline, $this->flow, 'running', '2026-01-04 00:00:00' );
		Fixtures::job( $this->pipeline, $this->flow, 'complete', '2026-01-04 00:00:00', '2026-01-04 00:00:05' );
		$counts = $this->admin_request( 'GET', '/jobs/counts' )->get_data();
		$this->assertSame( 4, $counts['total'] );
		$this->assertTrue( $counts['exact'] );
		$this->assertSame(
			array(
				'pending'            => 0,
				'processing'         => 1,
				'waiting'            => 0,
				'completed'          => 2,
				'completed_no_items' => 0,
				'failed'             => 1,
				'cancelled'          => 0,
				'agent_skipped'      => 0,
			),
			$counts['by_status']
		);
	}
}
