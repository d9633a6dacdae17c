<?php
/**
 * The 400 `rest_invalid_param` error WordPress gives for a bad parameter, for checks its schema
 * validation cannot make (values that do not fit together).
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class InvalidParam {

	/**
	 * @param array<string, mixed> $data More error data (e.g. an empty `details`, as WordPress sends).
	 */
	public static function error( string $param, string $message, array $data = array() ): WP_Error {
		return new WP_Error(
			'rest_invalid_param',
			/* translators: %s: parameter name. */
			sprintf( __( 'Invalid parameter(s): %s', 'dm-jobs' ), $param ),
			array(
				'status' => 400,
				'params' => array( $param => $message ),
			) + $data
		);
	}
}
