<?php
/**
 * Every admin tools route × role, cookie authentication without the REST nonce, and bad input:
 * 400 rest_invalid_param naming the parameter, with nothing changed.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\AdminTools;

use DMJobs\Audit\Actor;
use DMJobs\Operations\OperationParams;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/AdminToolsTestCase.php';

final class AdminToolsPermissionsTest extends AdminToolsTestCase {

	private int $operation_id;

	protected function setUp(): void {
		parent::setUp();
		$this->job( 'failed' );
		$params             = OperationParams::normalize( OperationType::CleanupJobs, array( 'statuses' => array( 'failed' ) ) );
		$this->operation_id = ( new OperationService() )->start( OperationType::CleanupJobs, $params, null, null, Actor::system() )['id'];
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: array<string, mixed>, 3: int}> method, route, params, admin status
	 */
	public static function routes(): array {
		return array(
			'list operations'  => array( 'GET', '/operations', array(), 200 ),
			'dry run'          => array( 'POST', '/operations', array( 'type' => 'cleanup_jobs', 'statuses' => array( 'failed' ), 'dry_run' => true ), 200 ),
			'start operation'  => array( 'POST', '/operations', array( 'type' => 'cleanup_jobs', 'statuses' => array( 'failed' ), 'confirm_count' => 1 ), 201 ),
			'read operation'   => array( 'GET', '/operations/{op}', array(), 200 ),
			'run operation'    => array( 'POST', '/operations/{op}/run', array(), 200 ),
			'cancel operation' => array( 'POST', '/operations/{op}/cancel', array(), 200 ),
			'read retention'   => array( 'GET', '/retention', array(), 200 ),
			'save retention'   => array( 'POST', '/retention', array( 'completed_days' => 30 ), 200 ),
			'retention dry'    => array( 'POST', '/retention/run', array( 'dry_run' => true ), 200 ),
			'retention run'    => array( 'POST', '/retention/run', array( 'dry_run' => false, 'confirm' => true ), 200 ),
			'metrics'          => array( 'GET', '/maintenance/metrics', array(), 200 ),
			'export'           => array( 'GET', '/export', array(), 200 ),
			'report'           => array( 'GET', '/reports/pipelines', array(), 200 ),
			'audit'            => array( 'GET', '/audit', array(), 200 ),
			'audit actions'    => array( 'GET', '/audit/actions', array(), 200 ),
		);
	}

	/**
	 * @dataProvider routes
	 * @param array<string, mixed> $params
	 */
	public function test_each_role( string $method, string $route, array $params, int $admin_status ): void {
		$path = str_replace( '{op}', (string) $this->operation_id, $route );
		foreach ( array( 'anonymous' => 401, 'subscriber' => 403, 'editor' => 403 ) as $role => $expected ) {
			$this->act_as( $role );
			$response = $this->assertUnchangedAfter( fn () => $this->request( $method, $path, $params ) );
			$this->assertSame( $expected, $response->get_status(), "{$role} on {$method} {$route}" );
		}
		$this->act_as( 'administrator' );
		$response = $this->request( $method, $path, $params );
		$this->assertSame( $admin_status, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
	}

	/**
	 * @dataProvider routes
	 * @param array<string, mixed> $params
	 */
	public function test_cookie_auth_without_nonce_is_refused( string $method, string $route, array $params ): void {
		$this->act_as( 'administrator' );
		$GLOBALS['wp_rest_auth_cookie'] = true;
		$this->assertTrue( rest_cookie_check_errors( null ) );
		$response = $this->assertUnchangedAfter( fn () => $this->request( $method, str_replace( '{op}', (string) $this->operation_id, $route ), $params ) );
		$this->assertSame( 401, $response->get_status() );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: array<string, mixed>, 3: string}>
	 */
	public static function bad_inputs(): array {
		return array(
			'no type'                 => array( 'POST', '/operations', array( 'dry_run' => true ), 'type' ),
			'unknown type'            => array( 'POST', '/operations', array( 'type' => 'drop_everything', 'confirm_count' => 1 ), 'type' ),
			'status enum'             => array( 'POST', '/operations', array( 'type' => 'delete_jobs', 'status' => array( 'bogus' ), 'confirm_count' => 1 ), 'status' ),
			'negative days'           => array( 'POST', '/operations', array( 'type' => 'cleanup_jobs', 'statuses' => array( 'failed' ), 'older_than_days' => -1, 'confirm_count' => 1 ), 'older_than_days' ),
			'days as text'            => array( 'POST', '/operations', array( 'type' => 'cleanup_jobs', 'statuses' => array( 'failed' ), 'older_than_days' => 'ten', 'confirm_count' => 1 ), 'older_than_days' ),
			'no statuses'             => array( 'POST', '/operations', array( 'type' => 'cleanup_jobs', 'confirm_count' => 1 ), 'statuses' ),
			'processing target'       => array( 'POST', '/operations', array( 'type' => 'update_status', 'ids' => array( 1 ), 'target_status' => 'processing', 'confirm_count' => 1 ), 'target_status' ),
			'missing target'          => array( 'POST', '/operations', array( 'type' => 'update_status', 'ids' => array( 1 ), 'confirm_count' => 1 ), 'target_status' ),
			'long reason'             => array( 'POST', '/operations', array( 'type' => 'update_status', 'ids' => array( 1 ), 'target_status' => 'failed', 'reason' => 'x', 'confirm_count' => 1 ), 'reason' ),
			'zero id'                 => array( 'POST', '/operations', array( 'type' => 'delete_jobs', 'ids' => array( 0 ), 'confirm_count' => 1 ), 'ids' ),
			'negative confirm'        => array( 'POST', '/operations', array( 'type' => 'delete_jobs', 'ids' => array( 1 ), 'confirm_count' => -2 ), 'confirm_count' ),
			'old as_of'               => array( 'POST', '/operations', array( 'type' => 'delete_jobs', 'ids' => array( 1 ), 'confirm_count' => 1, 'as_of' => '2020-01-01T00:00:00Z' ), 'as_of' ),
			'snapshot from future'    => array( 'POST', '/operations', array( 'type' => 'delete_jobs', 'ids' => array( 1 ), 'confirm_count' => 0, 'max_id' => 999999999 ), 'max_id' ),
			'dates reversed'          => array( 'POST', '/operations', array( 'type' => 'delete_jobs', 'after' => '2026-02-02T00:00:00Z', 'before' => '2026-02-01T00:00:00Z', 'confirm_count' => 0 ), 'before' ),
			'run budget'              => array( 'POST', '/operations/{op}/run', array( 'budget' => 600 ), 'budget' ),
			'list state'              => array( 'GET', '/operations', array( 'state' => array( 'exploded' ) ), 'state' ),
			'metrics threshold'       => array( 'GET', '/maintenance/metrics', array( 'stuck_minutes' => 0 ), 'stuck_minutes' ),
			'retention days too long' => array( 'POST', '/retention', array( 'audit_days' => 5000 ), 'audit_days' ),
		);
	}

	/**
	 * @dataProvider bad_inputs
	 * @param array<string, mixed> $params
	 */
	public function test_bad_input_is_refused_and_changes_nothing( string $method, string $route, array $params, string $param ): void {
		if ( 'reason' === $param ) {
			$params['reason'] = str_repeat( 'r', 256 );
		}
		$path     = str_replace( '{op}', (string) $this->operation_id, $route );
		$response = $this->assertUnchangedAfter( fn () => $this->admin_request( $method, $path, $params ) );
		if ( 'rest_missing_callback_param' === ( $response->get_data()['code'] ?? '' ) ) {
			// WordPress's own answer for a missing required parameter (also a 400 naming it).
			$this->assertSame( 400, $response->get_status() );
			$this->assertSame( array( $param ), $response->get_data()['data']['params'] );
			return;
		}
		$this->assertInvalidParam( $response, $param );
	}

	public function test_unknown_operation_is_404(): void {
		foreach ( array( array( 'GET', '' ), array( 'POST', '/run' ), array( 'POST', '/cancel' ) ) as [ $method, $suffix ] ) {
			$this->assertSame( 404, $this->admin_request( $method, '/operations/999999' . $suffix )->get_status() );
		}
	}
}
