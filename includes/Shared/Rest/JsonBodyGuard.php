<?php
/**
 * Refuses a JSON body that is a bare number, string or boolean (e.g. `123`) on dm-jobs/v1 routes
 * with a 400: WordPress would otherwise iterate over it while sanitizing parameters and emit PHP
 * warnings. Objects, arrays and `null` go on to the usual schema validation.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class JsonBodyGuard {

	public function register(): void {
		add_filter( 'rest_pre_dispatch', array( $this, 'check' ), 5, 3 );
	}

	/**
	 * @param mixed           $result  A response already decided on, or null.
	 * @param mixed           $server  The REST server.
	 * @param WP_REST_Request $request The request.
	 * @return mixed The result, or a 400 error.
	 */
	public function check( $result, $server, $request ) {
		if ( null !== $result || ! $request instanceof WP_REST_Request || ! RequestTextGuard::is_ours( $request->get_route() ) || ! $request->is_json_content_type() ) {
			return $result;
		}
		$body = trim( (string) $request->get_body() );
		if ( '' === $body ) {
			return $result;
		}
		$decoded = json_decode( $body, true, 512 );
		if ( null === $decoded || is_array( $decoded ) ) {
			return $result; // Valid objects, arrays and null, or invalid JSON that WordPress refuses itself.
		}
		return new WP_Error(
			'rest_invalid_json',
			__( 'The JSON body must be an object.', 'dm-jobs' ),
			array( 'status' => 400 )
		);
	}
}
