<?php
/**
 * Activates a plugin from the command line the way wp-admin does: the activation hook runs.
 *
 * Usage: php bin/lib/php/activate.php <wordpress dir> [plugin file, default dm-jobs/plugin.php]
 * Exit code 0 when the plugin is active afterwards, 1 otherwise (errors printed).
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$dm_jobs_wp_dir = $argv[1] ?? '';
$dm_jobs_plugin = $argv[2] ?? 'dm-jobs/plugin.php';
if ( ! $dm_jobs_wp_dir ) {
	fwrite( STDERR, "usage: php activate.php <wordpress dir> [plugin file]\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/wp-admin/plugins.php';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';

// A fatal error during activation ends the process: say so instead of exiting silently.
register_shutdown_function(
	static function () use ( $dm_jobs_plugin ) {
		$dm_jobs_error = error_get_last();
		if ( $dm_jobs_error && in_array( $dm_jobs_error['type'], array( E_ERROR, E_PARSE, E_CORE_ERROR, E_COMPILE_ERROR ), true ) ) {
			fwrite( STDERR, "Activating $dm_jobs_plugin failed with a fatal error: {$dm_jobs_error['message']} in {$dm_jobs_error['file']}:{$dm_jobs_error['line']}\n" );
		}
	}
);

require rtrim( $dm_jobs_wp_dir, '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

wp_set_current_user( 1 );

$dm_jobs_result = activate_plugin( $dm_jobs_plugin );
if ( is_wp_error( $dm_jobs_result ) ) {
	fwrite( STDERR, "Activating $dm_jobs_plugin failed: " . $dm_jobs_result->get_error_message() . "\n" );
	$dm_jobs_data = $dm_jobs_result->get_error_data();
	if ( is_string( $dm_jobs_data ) && '' !== trim( $dm_jobs_data ) ) {
		fwrite( STDERR, "Output:\n" . $dm_jobs_data . "\n" );
	}
	exit( 1 );
}

if ( ! is_plugin_active( $dm_jobs_plugin ) ) {
	fwrite( STDERR, "$dm_jobs_plugin is not active after activation.\n" );
	exit( 1 );
}
echo "Activated $dm_jobs_plugin\n";
