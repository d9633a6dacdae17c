<?php
/**
 * Installs WordPress from the command line (no browser).
 *
 * Usage: php bin/lib/php/install.php <wordpress dir> <site url> [title]
 * Creates the admin user admin / password and sets pretty permalinks (/wp-json/ works).
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

[ , $dm_jobs_wp_dir, $dm_jobs_url ] = $argv + array( null, null, null );
$dm_jobs_title              = $argv[3] ?? 'DM Jobs';
if ( ! $dm_jobs_wp_dir || ! $dm_jobs_url ) {
	fwrite( STDERR, "usage: php install.php <wordpress dir> <site url> [title]\n" );
	exit( 2 );
}

$dm_jobs_parts                   = parse_url( $dm_jobs_url );
$_SERVER['HTTP_HOST']    = $dm_jobs_parts['host'] . ( isset( $dm_jobs_parts['port'] ) ? ':' . $dm_jobs_parts['port'] : '' );
$_SERVER['SERVER_NAME']  = $dm_jobs_parts['host'];
$_SERVER['REQUEST_URI']  = '/';
$_SERVER['SERVER_PORT']  = $dm_jobs_parts['port'] ?? 80;
$_SERVER['REMOTE_ADDR']  = '127.0.0.1';
$_SERVER['HTTPS']        = 'https' === $dm_jobs_parts['scheme'] ? 'on' : 'off';

define( 'WP_INSTALLING', true );
require rtrim( $dm_jobs_wp_dir, '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

add_filter( 'pre_wp_mail', '__return_false' );

if ( is_blog_installed() ) {
	echo "WordPress is already installed.\n";
	exit( 0 );
}

$dm_jobs_result = wp_install( $dm_jobs_title, 'admin', 'admin@example.com', false, '', 'password' );
if ( is_wp_error( $dm_jobs_result ) ) {
	fwrite( STDERR, 'wp_install failed: ' . $dm_jobs_result->get_error_message() . "\n" );
	exit( 1 );
}

update_option( 'siteurl', $dm_jobs_url );
update_option( 'home', $dm_jobs_url );
update_option( 'blogdescription', 'Local DM Jobs site' );

global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
flush_rewrite_rules( false );

printf( "Installed WordPress %s at %s (admin / password)\n", get_bloginfo( 'version' ), $dm_jobs_url );
