<?php
/**
 * Text that is not valid UTF-8, in any parameter of any dm-jobs/v1 route and wherever it is sent
 * (query string, form body, array items, array keys), is a 400 naming the parameter, and nothing changes.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Shared\Rest;

use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

PHP_SAPI === 'cli' || exit;

final class InvalidUtf8Test extends TestCase {

	private int $job;

	protected function setUp(): void {
		parent::setUp();
		$pipeline  = Fixtures::pipeline( 'Feeds' );
		$flow      = Fixtures::flow( $pipeline, 'Morning' );
		$this->job = Fixtures::job( $pipeline, $flow, 'processing', '2026-03-01 10:00:00' );
	}

	/**
	 * @param array<string, mixed> $query
	 * @param array<string, mixed> $body
	 */
	private function raw( string $method, string $route, array $query, array $body = array() ): WP_REST_Response {
		$this->act_as( 'administrator' );
		$request = new WP_REST_Request( $method, '/dm-jobs/v1' . $route );
		$request->set_query_params( $query );
		if ( $body ) {
			$request->set_header( 'Content-Type', 'application/x-www-form-urlencoded' );
			$request->set_body_params( $body );
		}
		return rest_do_request( $request );
	}

	public function test_a_reason_in_the_query_string_is_refused_and_the_job_kept(): void {
		$response = $this->raw( 'POST', "/jobs/{$this->job}/status", array( 'status' => 'failed', 'reason' => "\xFF\xFE" ) );
		$this->assertInvalidParam( $response, 'reason' );
		$this->assertSame( 'processing', $this->admin_request( 'GET', "/jobs/{$this->job}" )->get_data()['raw_status'] );
	}

	public function test_a_reason_in_a_form_body_is_refused(): void {
		$response = $this->raw( 'POST', "/jobs/{$this->job}/status", array(), array( 'status' => 'failed', 'reason' => "ok \xC3\x28" ) );
		$this->assertInvalidParam( $response, 'reason' );
	}

	public function test_a_log_message_is_refused_and_nothing_is_written(): void {
		$before   = $this->admin_request( 'GET', "/jobs/{$this->job}/logs" )->get_data();
		$response = $this->raw( 'POST', "/jobs/{$this->job}/logs", array(), array( 'level' => 'info', 'message' => "bad \xED\xA0\x80 surrogate" ) );
		$this->assertInvalidParam( $response, 'message' );
		$this->assertSame( $before, $this->admin_request( 'GET', "/jobs/{$this->job}/logs" )->get_data() );
	}

	/**
	 * @return array<string, array{0: string, 1: array<string, mixed>, 2: string}>
	 */
	public static function read_cases(): array {
		return array(
			'search'            => array( '/jobs', array( 'search' => "\x80abc" ), 'search' ),
			'status item'       => array( '/jobs', array( 'status' => array( "fail\xFF" ) ), 'status' ),
			'array key'         => array( '/jobs', array( 'status' => array( "\xFF" => 'failed' ) ), 'status' ),
			'unknown parameter' => array( '/jobs', array( "x\xFE" => '1' ), 'x?' ),
			'log search'        => array( '/jobs/1/logs', array( 'search' => "\xC0\xAF" ), 'search' ),
			'audit action'      => array( '/audit', array( 'action' => "a.\xFF" ), 'action' ),
			'export search'     => array( '/export', array( 'search' => "\xF8\x88\x80\x80\x80" ), 'search' ),
		);
	}

	/**
	 * @dataProvider read_cases
	 * @param array<string, mixed> $query
	 */
	public function test_reads_refuse_invalid_text( string $route, array $query, string $param ): void {
		$this->assertInvalidParam( $this->raw( 'GET', $route, $query ), $param );
	}

	public function test_valid_multibyte_text_is_accepted(): void {
		$response = $this->raw( 'POST', "/jobs/{$this->job}/status", array( 'status' => 'failed', 'reason' => 'Zeitüberschreitung 超时 🙂' ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'Zeitüberschreitung 超时 🙂', $response->get_data()['status_reason'] );
	}

	public function test_the_php_api_refuses_an_invalid_reason_too(): void {
		$result = dm_jobs_update_job_status( $this->job, 'failed', "\xFF\xFE" );
		$this->assertWPError( $result );
		$this->assertSame( 'rest_invalid_param', $result->get_error_code() );
		$this->assertSame( 'processing', $this->admin_request( 'GET', "/jobs/{$this->job}" )->get_data()['raw_status'] );
	}

	private function assertWPError( mixed $value ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
	}
}
