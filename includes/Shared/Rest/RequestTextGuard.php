<?php
/**
 * Refuses requests to dm-jobs/v1 that carry text which is not valid UTF-8 (in any parameter, array
 * key or nested value; URL, query, form or JSON body), with a 400 naming the parameter — before any
 * permission check or callback runs, as WordPress does for its own schema validation. Without it,
 * such text reaches the database, which refuses it, and the request ends in a 500.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class RequestTextGuard {

	public function register(): void {
		add_filter( 'rest_request_before_callbacks', array( $this, 'check' ), 5, 3 );
	}

	/**
	 * @param mixed                $response The response so far (an error when validation failed).
	 * @param array<string, mixed> $handler  The matched handler.
	 * @param WP_REST_Request      $request  The request.
	 * @return mixed The response, or a 400 error.
	 */
	public function check( $response, $handler, $request ) {
		if ( is_wp_error( $response ) || ! $request instanceof WP_REST_Request || ! self::is_ours( $request->get_route() ) ) {
			return $response;
		}
		$sources = array( $request->get_url_params(), $request->get_query_params(), $request->get_body_params() );
		$json    = $request->get_json_params();
		if ( is_array( $json ) ) {
			$sources[] = $json;
		}
		foreach ( $sources as $params ) {
			foreach ( (array) $params as $name => $value ) {
				if ( ! self::is_valid( $name ) || ! self::is_valid( $value ) ) {
					return self::invalid( (string) $name );
				}
			}
		}
		return $response;
	}

	public static function is_ours( string $route ): bool {
		return str_starts_with( $route, '/' . ApiNamespace::NAME . '/' ) || '/' . ApiNamespace::NAME === $route;
	}

	/**
	 * Whether a value (and, for arrays, every key and item, at any depth) is valid UTF-8 text.
	 */
	public static function is_valid( mixed $value ): bool {
		if ( is_string( $value ) ) {
			return mb_check_encoding( $value, 'UTF-8' );
		}
		if ( is_array( $value ) ) {
			foreach ( $value as $key => $item ) {
				if ( ! self::is_valid( $key ) || ! self::is_valid( $item ) ) {
					return false;
				}
			}
		}
		return true;
	}

	private static function invalid( string $name ): WP_Error {
		$param = mb_check_encoding( $name, 'UTF-8' ) ? $name : mb_scrub( $name, 'UTF-8' );
		return new WP_Error(
			'rest_invalid_param',
			/* translators: %s: parameter name. */
			sprintf( __( 'Invalid parameter(s): %s', 'dm-jobs' ), $param ),
			array(
				'status' => 400,
				'params' => array( $param => __( 'Text must be valid UTF-8.', 'dm-jobs' ) ),
			)
		);
	}
}
