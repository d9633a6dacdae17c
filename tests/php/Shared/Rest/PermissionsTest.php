<?php
/**
 * Every route × role, and cookie authentication without the REST nonce.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Shared\Rest;

use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class PermissionsTest extends TestCase {

	private int $pipeline_id;
	private int $flow_id;
	private int $job_id;

	protected function setUp(): void {
		parent::setUp();
		$this->pipeline_id = Fixtures::pipeline( 'Permissions pipeline' );
		$this->flow_id     = Fixtures::flow( $this->pipeline_id, 'Permissions flow' );
		$this->job_id      = Fixtures::job( $this->pipeline_id, $this->flow_id, 'pending', '2026-03-01 10:00:00' );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: int}> method, route (with {job}), admin status
	 */
	public static function routes(): array {
		return array(
			'list jobs'     => array( 'GET', '/jobs', 200 ),
			'read job'      => array( 'GET', '/jobs/{job}', 200 ),
			'create job'    => array( 'POST', '/jobs', 201 ),
			'change status' => array( 'POST', '/jobs/{job}/status', 200 ),
			'delete job'    => array( 'DELETE', '/jobs/{job}', 200 ),
			'pipelines'     => array( 'GET', '/pipelines', 200 ),
			'flows'         => array( 'GET', '/flows', 200 ),
			'live poll'     => array( 'GET', '/jobs/changes', 200 ),
			'status counts' => array( 'GET', '/jobs/counts', 200 ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function params_for( string $method, string $route ): array {
		if ( 'POST' === $method && '/jobs' === $route ) {
			return array(
				'pipeline_id' => $this->pipeline_id,
				'flow_id'     => $this->flow_id,
			);
		}
		if ( str_ends_with( $route, '/status' ) ) {
			return array( 'status' => 'processing' );
		}
		return array();
	}

	/**
	 * @dataProvider routes
	 */
	public function test_each_role( string $method, string $route, int $admin_status ): void {
		$path   = str_replace( '{job}', (string) $this->job_id, $route );
		$params = $this->params_for( $method, $route );
		$before = Fixtures::job_count();

		foreach ( array( 'anonymous' => 401, 'subscriber' => 403, 'editor' => 403 ) as $role => $expected ) {
			$this->act_as( $role );
			$response = $this->request( $method, $path, $params );
			$this->assertSame( $expected, $response->get_status(), "{$role} on {$method} {$route}" );
			$this->assertSame( $before, Fixtures::job_count(), "{$role} changed the jobs table" );
		}

		$this->act_as( 'administrator' );
		$response = $this->request( $method, $path, $params );
		$this->assertSame( $admin_status, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_capability_is_filterable(): void {
		$this->act_as( 'editor' );
		$grant = static fn (): string => 'edit_others_posts';
		add_filter( 'dm_jobs_capability', $grant );
		try {
			$this->assertSame( 200, $this->request( 'GET', '/jobs' )->get_status() );
		} finally {
			remove_filter( 'dm_jobs_capability', $grant );
		}
		$this->assertSame( 403, $this->request( 'GET', '/jobs' )->get_status() );
	}

	public function test_cookie_auth_without_nonce_is_refused(): void {
		$this->act_as( 'administrator' );
		$GLOBALS['wp_rest_auth_cookie'] = true;

		$this->assertTrue( rest_cookie_check_errors( null ) );
		$this->assertSame( 0, get_current_user_id(), 'a cookie request without a nonce must lose its user' );
		$this->assertSame( 401, $this->request( 'GET', '/jobs' )->get_status() );
	}

	public function test_cookie_auth_with_nonce_is_accepted(): void {
		$this->act_as( 'administrator' );
		$GLOBALS['wp_rest_auth_cookie'] = true;
		$_REQUEST['_wpnonce']           = wp_create_nonce( 'wp_rest' );
		// A valid nonce makes WordPress send a refreshed one as a header; PHPUnit has already printed.
		$quiet_server = new class() extends \WP_REST_Server {
			public function send_header( $key, $value ) {
			}
		};
		$use_quiet = static fn (): string => get_class( $quiet_server );
		add_filter( 'wp_rest_server_class', $use_quiet );
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		remove_filter( 'wp_rest_server_class', $use_quiet );

		$this->assertTrue( rest_cookie_check_errors( null ) );
		$this->assertSame( $this->users['administrator'], get_current_user_id() );
		$this->assertSame( 200, $this->request( 'GET', '/jobs' )->get_status() );
	}
}
