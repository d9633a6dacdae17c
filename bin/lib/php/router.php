<?php
/**
 * Router for PHP's built-in web server serving a WordPress site:
 * existing files and directories are served as they are, everything else goes to index.php.
 *
 * Usage: php -S 127.0.0.1:8890 -t <wordpress dir> bin/lib/php/router.php
 */

$dm_jobs_root = $_SERVER['DOCUMENT_ROOT'];
$dm_jobs_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( '/' !== $dm_jobs_path && file_exists( $dm_jobs_root . $dm_jobs_path ) ) {
	if ( is_dir( $dm_jobs_root . $dm_jobs_path ) && '/' !== substr( $dm_jobs_path, -1 ) ) {
		$dm_jobs_query = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
		header( 'Location: ' . $dm_jobs_path . '/' . ( $dm_jobs_query ? '?' . $dm_jobs_query : '' ), true, 301 );
		return true;
	}
	return false; // Let the server serve the file (or run the .php file / directory index).
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $dm_jobs_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $dm_jobs_root );
require $dm_jobs_root . '/index.php';
