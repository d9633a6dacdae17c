<?php
/**
 * Base test case: every test runs in a transaction that is rolled back, against real WordPress.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use WP_REST_Request;
use WP_REST_Response;

PHP_SAPI === 'cli' || exit;

abstract class TestCase extends PHPUnitTestCase {

	/**
	 * @var array<string, int> role => user ID
	 */
	protected array $users = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'START TRANSACTION' );
		$GLOBALS['wp_rest_server'] = null;
		wp_set_current_user( 0 );
		$this->users = self::role_users();
	}

	public static function prepare_users(): void {
		self::role_users();
	}

	/**
	 * One committed user per role, made once for the whole run (password hashing is slow).
	 *
	 * @return array<string, int>
	 */
	protected static function role_users(): array {
		static $users = array();
		foreach ( array( 'administrator', 'editor', 'subscriber' ) as $role ) {
			if ( isset( $users[ $role ] ) ) {
				continue;
			}
			$login = 'dm_jobs_test_' . $role;
			$user  = get_user_by( 'login', $login );
			if ( $user ) {
				$users[ $role ] = $user->ID;
				continue;
			}
			$users[ $role ] = (int) wp_insert_user(
				array(
					'user_login' => $login,
					'user_pass'  => wp_generate_password(),
					'user_email' => $login . '@example.test',
					'role'       => $role,
				)
			);
		}
		return $users;
	}

	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		wp_set_current_user( 0 );
		unset( $GLOBALS['wp_rest_auth_cookie'], $_REQUEST['_wpnonce'], $_SERVER['HTTP_X_WP_NONCE'] );
		$GLOBALS['wp_rest_server'] = null;
		wp_cache_flush();
		parent::tearDown();
	}

	protected function act_as( string $role ): void {
		wp_set_current_user( 'anonymous' === $role ? 0 : $this->users[ $role ] );
	}

	/**
	 * An admin request's empty menus, before any plugin has added its pages.
	 */
	protected static function reset_admin_menus(): void {
		global $menu, $submenu, $_registered_pages, $_parent_pages;
		$menu              = array();
		$submenu           = array();
		$_registered_pages = array();
		$_parent_pages     = array();
	}

	/**
	 * @param array<string, mixed> $params
	 */
	protected function request( string $method, string $route, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/dm-jobs/v1' . $route );
		if ( 'GET' === $method || 'DELETE' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}
		$response = rest_do_request( $request );
		$this->assertInstanceOf( WP_REST_Response::class, $response );
		return $response;
	}

	/**
	 * @param array<string, mixed> $params
	 */
	protected function admin_request( string $method, string $route, array $params = array() ): WP_REST_Response {
		$this->act_as( 'administrator' );
		return $this->request( $method, $route, $params );
	}

	/**
	 * @return int[]
	 */
	protected function ids( WP_REST_Response $response ): array {
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return array_map( static fn ( array $item ): int => $item['id'], $response->get_data() );
	}

	protected function assertInvalidParam( WP_REST_Response $response, string $param ): void {
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertArrayHasKey( $param, $data['data']['params'] );
	}

	/**
	 * Rows the storage engine handed over during $read (MySQL/MariaDB handler counters).
	 */
	protected static function rows_read( callable $read ): int {
		global $wpdb;
		$count = static function () use ( $wpdb ): int {
			$sum = 0;
			foreach ( (array) $wpdb->get_results( "SHOW SESSION STATUS LIKE 'Handler_read%'", ARRAY_A ) as $row ) {
				$sum += (int) $row['Value'];
			}
			return $sum;
		};
		$before = $count();
		$read();
		return $count() - $before - 1; // The first SHOW's own row reads are not the page's.
	}
}
