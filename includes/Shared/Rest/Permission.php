<?php
/**
 * The one permission check every DM Jobs route uses.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Permission {

	public static function capability(): string {
		/**
		 * Filters the capability needed to see and manage jobs.
		 *
		 * @param string $capability Default 'manage_options'.
		 */
		return (string) apply_filters( 'dm_jobs_capability', 'manage_options' );
	}

	public static function check(): bool|WP_Error {
		if ( current_user_can( self::capability() ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage jobs.', 'dm-jobs' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
