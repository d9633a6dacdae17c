<?php
/**
 * Plugin Name: DM Jobs development environment
 * Description: Keeps a local, offline WordPress quiet: no update checks, no avatars, no mail.
 * Installed by bin/ scripts into generated sites only; never shipped with the plugin.
 */

// No update checks for core, plugins or themes (they would only time out offline).
defined( 'ABSPATH' ) || exit;

add_filter( 'pre_site_transient_update_core', 'dm_jobs_dev_env_no_updates' );
add_filter( 'pre_site_transient_update_plugins', 'dm_jobs_dev_env_no_updates' );
add_filter( 'pre_site_transient_update_themes', 'dm_jobs_dev_env_no_updates' );
add_filter( 'automatic_updater_disabled', '__return_true' );
add_filter( 'pre_http_request', 'dm_jobs_dev_env_block_update_requests', 10, 3 );
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'init', 'wp_schedule_update_checks' );
remove_action( 'wp_version_check', 'wp_version_check' );
remove_action( 'wp_update_plugins', 'wp_update_plugins' );
remove_action( 'wp_update_themes', 'wp_update_themes' );
remove_action( 'wp_maybe_auto_update', 'wp_maybe_auto_update' );
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $dm_jobs_dev_env_hook ) {
	remove_action( $dm_jobs_dev_env_hook, 'wp_update_plugins' );
}
foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php' ) as $dm_jobs_dev_env_hook ) {
	remove_action( $dm_jobs_dev_env_hook, 'wp_update_themes' );
}
unset( $dm_jobs_dev_env_hook );

/**
 * A "nothing to update" answer for the update transients.
 *
 * @return object
 */
function dm_jobs_dev_env_no_updates() {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => $GLOBALS['wp_version'] ?? '',
		'updates'         => array(),
		'translations'    => array(),
		'response'        => array(),
		'no_update'       => array(),
		'checked'         => array(),
	);
}

/**
 * Fail requests to wordpress.org at once (WP_HTTP_BLOCK_EXTERNAL blocks them too; this keeps it silent).
 *
 * @param false|array $response    Short-circuit response.
 * @param array       $parsed_args Request arguments.
 * @param string      $url         Request URL.
 * @return false|WP_Error
 */
function dm_jobs_dev_env_block_update_requests( $response, $parsed_args, $url ) {
	$host = (string) wp_parse_url( $url, PHP_URL_HOST );
	if ( 'wordpress.org' === $host || str_ends_with( $host, '.wordpress.org' ) ) {
		return new WP_Error( 'dm_jobs_offline', 'Offline development site.' );
	}
	return $response;
}

// No avatars (Gravatar is not reachable) and no outgoing mail (no MTA).
add_filter( 'pre_option_show_avatars', '__return_zero' );
add_filter( 'pre_wp_mail', '__return_false' );

// No dashboard widgets that fetch news/events from wordpress.org.
add_action(
	'wp_dashboard_setup',
	static function () {
		remove_meta_box( 'dashboard_primary', 'dashboard', 'side' );
		remove_meta_box( 'dashboard_site_health', 'dashboard', 'normal' );
	}
);
