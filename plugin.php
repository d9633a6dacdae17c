<?php
/**
 * Plugin Name:       DM Jobs
 * Description:       A fast, clear Jobs screen and API for Data Machine pipeline jobs.
 * Version:           0.1.0
 * Requires at least: 6.8
 * Requires PHP:      8.1
 * Author:            DM Jobs developers
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       dm-jobs
 * Domain Path:       /languages
 *
 * @package DMJobs
 */

defined( 'ABSPATH' ) || exit;

define( 'DM_JOBS_VERSION', '0.1.0' );
define( 'DM_JOBS_FILE', __FILE__ );
define( 'DM_JOBS_DIR', __DIR__ );

if ( version_compare( PHP_VERSION, '8.1', '<' ) ) {
	add_action(
		'admin_notices',
		static function () {
			printf(
				'<div class="notice notice-error"><p>%s</p></div>',
				esc_html__( 'DM Jobs needs PHP 8.1 or newer.', 'dm-jobs' )
			);
		}
	);
	return;
}

require_once __DIR__ . '/includes/autoload.php';
require_once __DIR__ . '/includes/functions.php';

register_activation_hook( __FILE__, array( \DMJobs\Plugin::class, 'activate' ) );

\DMJobs\Plugin::instance()->boot();
