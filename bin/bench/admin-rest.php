<?php
/**
 * What the REST benchmarks (metrics.php, alerts.php) share: timing, and GET requests to the benchmark
 * site as a logged-in admin over HTTP (cookie + REST nonce, like the Jobs screen). Required after
 * wp-load.php.
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

/**
 * Milliseconds since a hrtime() start.
 */
function dm_jobs_bench_ms( int $started ): float {
	return ( hrtime( true ) - $started ) / 1e6;
}

/**
 * Logs in as the site's first administrator (here, and for requests with the headers returned).
 *
 * @return string[] Request headers: the logged-in cookie and the REST nonce.
 */
function dm_jobs_bench_admin_headers(): array {
	$admin = get_users(
		array(
			'role'   => 'administrator',
			'number' => 1,
		)
	);
	if ( ! $admin ) {
		fwrite( STDERR, "No administrator on this site.\n" );
		exit( 1 );
	}
	$user_id    = $admin[0]->ID;
	$expiration = time() + DAY_IN_SECONDS;
	$token      = WP_Session_Tokens::get_instance( $user_id )->create( $expiration );
	$cookie     = wp_generate_auth_cookie( $user_id, $expiration, 'logged_in', $token );

	$_COOKIE[ LOGGED_IN_COOKIE ] = $cookie;
	wp_set_current_user( $user_id );
	return array(
		'Cookie: ' . LOGGED_IN_COOKIE . '=' . rawurlencode( $cookie ),
		'X-WP-Nonce: ' . wp_create_nonce( 'wp_rest' ),
	);
}

/**
 * GET of a REST path (e.g. `/dm-jobs/v1/`) from the site at $base.
 *
 * @param string[] $headers From dm_jobs_bench_admin_headers().
 * @return array{0: int, 1: float, 2: string} HTTP status, milliseconds, body ('' when none came).
 */
function dm_jobs_bench_rest_get( string $base, array $headers, string $path, int $timeout_seconds ): array {
	$started = hrtime( true );
	$handle  = curl_init( $base . '/wp-json' . $path );
	curl_setopt_array(
		$handle,
		array(
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_HTTPHEADER     => $headers,
			CURLOPT_TIMEOUT        => $timeout_seconds,
		)
	);
	$body   = curl_exec( $handle );
	$status = (int) curl_getinfo( $handle, CURLINFO_RESPONSE_CODE );
	curl_close( $handle );
	return array( $status, dm_jobs_bench_ms( $started ), is_string( $body ) ? $body : '' );
}
