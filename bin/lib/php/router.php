<?php
/**
 * Router for PHP's built-in web server serving a local DM Jobs site, locked down:
 * - only Host: localhost, 127.0.0.1 or [::1] with the server's own port (421 otherwise);
 * - no dot-segments anywhere (.git, .cache, .htaccess, ..): 403;
 * - under wp-content/plugins/dm-jobs/ only the built assets in build/ (never its PHP): 403 otherwise;
 * - no PHP file under wp-content/ is run directly, no wp-config.php, no logs, databases or archives;
 * - nothing outside the WordPress folder (and the plugin's build/) is served, whatever symlinks say;
 * - everything else that exists is served as it is, the rest goes to WordPress's index.php.
 *
 * Usage: php -S 127.0.0.1:8890 -t <wordpress dir> bin/lib/php/router.php
 */

PHP_SAPI === 'cli-server' || exit;

/**
 * Ends the request with a short plain-text refusal.
 *
 * @param int    $status HTTP status.
 * @param string $reason What was refused.
 * @return string Always 'handled'.
 */
function dm_jobs_router_refused( int $status, string $reason ): string {
	http_response_code( $status );
	header( 'Content-Type: text/plain; charset=utf-8' );
	header( 'X-Content-Type-Options: nosniff' );
	echo $reason, "\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- plain text, fixed strings.
	return 'handled';
}

/**
 * Is $path inside the real directory $dir?
 *
 * @param string       $path A real path.
 * @param string|false $dir  A real directory.
 */
function dm_jobs_router_inside( string $path, $dir ): bool {
	return false !== $dir && str_starts_with( $path, rtrim( $dir, '/' ) . '/' );
}

/**
 * Decides what to do with the current request.
 *
 * @return string 'serve': the server serves the existing file; 'handled': answered here;
 *                'wordpress': WordPress's index.php answers.
 */
function dm_jobs_route(): string {
	$port    = (string) $_SERVER['SERVER_PORT'];
	$host    = strtolower( (string) ( $_SERVER['HTTP_HOST'] ?? '' ) );
	$allowed = array( "localhost:$port", "127.0.0.1:$port", "[::1]:$port" );
	if ( ! in_array( $host, $allowed, true ) ) {
		return dm_jobs_router_refused( 421, 'This development server only answers to localhost:' . $port . '.' );
	}

	$raw_path = parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_PATH );
	if ( ! is_string( $raw_path ) || '' === $raw_path || '/' !== $raw_path[0] ) {
		return dm_jobs_router_refused( 400, 'Bad request path.' );
	}
	$path = rawurldecode( $raw_path );
	if ( str_contains( $path, "\0" ) || str_contains( $path, '\\' ) || str_contains( $path, '//' ) ) {
		return dm_jobs_router_refused( 400, 'Bad request path.' );
	}
	foreach ( explode( '/', $path ) as $segment ) {
		if ( '' !== $segment && '.' === $segment[0] ) {
			return dm_jobs_router_refused( 403, 'Hidden files are not served.' );
		}
	}
	if ( preg_match( '/\.(log|sql|sqlite3?|db|ibd|frm|sh|bak|ini|phar|zip|gz|tar)$/i', $path ) ) {
		return dm_jobs_router_refused( 403, 'This kind of file is not served.' );
	}

	$root        = (string) $_SERVER['DOCUMENT_ROOT'];
	$plugin_path = '/wp-content/plugins/dm-jobs';
	$in_plugin   = $path === $plugin_path || str_starts_with( $path, $plugin_path . '/' );
	$is_php      = (bool) preg_match( '/\.(php|phtml|phar)\d*$/i', $path ) || str_contains( $path, '.php/' );
	if ( $in_plugin && ( ! str_starts_with( $path, $plugin_path . '/build/' ) || $is_php ) ) {
		return dm_jobs_router_refused( 403, 'Only the plugin\'s built assets are served.' );
	}
	if ( $is_php && str_starts_with( $path, '/wp-content/' ) ) {
		return dm_jobs_router_refused( 403, 'PHP files under wp-content are not run directly.' );
	}
	if ( '/wp-config.php' === $path ) {
		return dm_jobs_router_refused( 403, 'Not served.' );
	}

	$file = $root . $path;
	if ( '/' !== $path && file_exists( $file ) ) {
		$real = (string) realpath( $file );
		$ok   = $in_plugin
			? dm_jobs_router_inside( $real, realpath( $root . $plugin_path . '/build' ) )
			: ( dm_jobs_router_inside( $real, realpath( $root ) ) || $real === realpath( $root ) );
		if ( ! $ok ) {
			return dm_jobs_router_refused( 403, 'Not served.' );
		}
		if ( is_dir( $file ) && '/' !== substr( $path, -1 ) ) {
			$query = parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
			header( 'Location: ' . $raw_path . '/' . ( $query ? '?' . $query : '' ), true, 301 );
			return 'handled';
		}
		return 'serve'; // The file as it is, the .php file run, or the directory's index.php.
	}
	if ( $in_plugin ) {
		return dm_jobs_router_refused( 404, 'Not found.' );
	}
	return 'wordpress';
}

$dm_jobs_route = dm_jobs_route();
if ( 'wordpress' !== $dm_jobs_route ) {
	return 'handled' === $dm_jobs_route;
}
// WordPress runs in the global scope, as it expects.
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $_SERVER['DOCUMENT_ROOT'] );
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
