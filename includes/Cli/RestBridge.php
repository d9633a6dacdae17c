<?php
/**
 * Runs `wp dm-jobs` commands through the plugin's own REST routes, in-process: the same validation,
 * services, repositories, audit entries and hooks as the Jobs screen, and no second implementation.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use DMJobs\Shared\Rest\Permission;
use WP_CLI;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

final class RestBridge {

	private const NAMESPACE = '/dm-jobs/v1';

	/**
	 * Acts as the user given with --user, or else as the first user who may manage jobs (the REST
	 * routes check the capability, and the audit trail names that user).
	 */
	public function act_as_capable_user(): void {
		$capability = Permission::capability();
		if ( get_current_user_id() > 0 ) {
			if ( ! current_user_can( $capability ) ) {
				WP_CLI::error( sprintf( 'The user given with --user lacks the "%s" capability DM Jobs needs.', $capability ) );
			}
			return;
		}
		$users = get_users(
			array(
				'capability' => $capability,
				'number'     => 1,
				'orderby'    => 'ID',
				'order'      => 'ASC',
				'fields'     => 'ID',
			)
		);
		if ( array() === $users ) {
			WP_CLI::error( sprintf( 'No user has the "%s" capability: pass --user=<id|login|email>.', $capability ) );
		}
		wp_set_current_user( (int) $users[0] );
	}

	/**
	 * Calls a dm-jobs/v1 route; a refusal ends the command with its message (invalid parameters named).
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route below the namespace, e.g. "/jobs".
	 * @param array<string, mixed> $params Parameters (query or body).
	 * @return WP_REST_Response The successful response.
	 */
	public function call( string $method, string $route, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, self::NAMESPACE . $route );
		foreach ( $params as $name => $value ) {
			$request->set_param( $name, $value );
		}
		$response = rest_ensure_response( rest_do_request( $request ) );
		if ( $response->is_error() ) {
			WP_CLI::error( self::error_message( $response ) );
		}
		return $response;
	}

	/**
	 * The data of a successful call, as an HTTP client decodes its JSON (objects become arrays).
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route below the namespace.
	 * @param array<string, mixed> $params Parameters.
	 * @return mixed
	 */
	public function data( string $method, string $route, array $params = array() ): mixed {
		return self::as_json( $this->call( $method, $route, $params )->get_data() );
	}

	/**
	 * @param mixed $data Response data.
	 * @return mixed The same data after a JSON round trip.
	 */
	public static function as_json( mixed $data ): mixed {
		return json_decode( (string) wp_json_encode( $data ), true );
	}

	/**
	 * "Invalid parameter(s): status (status[0] is not one of …)" from a REST error response.
	 *
	 * @param WP_REST_Response $response An error response.
	 */
	public static function error_message( WP_REST_Response $response ): string {
		$data    = (array) self::as_json( $response->get_data() );
		$message = (string) ( $data['message'] ?? 'The request failed.' );
		$details = array();
		foreach ( (array) ( $data['data']['params'] ?? array() ) as $name => $problem ) {
			$details[] = sprintf( '%s: %s', $name, is_string( $problem ) ? $problem : wp_json_encode( $problem ) );
		}
		$code = (string) ( $data['code'] ?? '' );
		return rtrim( $message, '.' ) . ( $details ? ' (' . implode( '; ', $details ) . ')' : '' ) . ( '' !== $code ? " [$code]" : '' );
	}
}
