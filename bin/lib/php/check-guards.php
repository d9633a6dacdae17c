<?php
/**
 * Checks that PHP files refuse to run out of context: the first statement after the file's
 * namespace/use/declare lines must be its guard.
 *
 * Usage: php bin/lib/php/check-guards.php <file>...
 *   includes/, plugin.php, uninstall.php: defined( 'ABSPATH' ) || exit;
 *   bin/, tests/: PHP_SAPI === 'cli' || exit; (or an `if ( 'cli' !== PHP_SAPI ) { exit… }` block;
 *                 the dev server's router may require 'cli-server'; files WordPress loads in dev
 *                 sites, like the mu-plugin, may use the ABSPATH guard instead)
 * Prints one line per file without its guard and exits 1 if there is any.
 */

PHP_SAPI === 'cli' || exit;

/**
 * The file's first statement after namespace/use/declare, without whitespace and comments,
 * e.g. "defined('ABSPATH')||exit;".
 *
 * @param string $file PHP file.
 * @return string The statement ("" when there is none).
 */
function dm_jobs_first_statement( string $file ): string {
	$tokens    = token_get_all( (string) file_get_contents( $file ) );
	$statement = '';
	$first     = null;
	$depth     = 0;
	foreach ( $tokens as $token ) {
		$id   = is_array( $token ) ? $token[0] : null;
		$text = is_array( $token ) ? $token[1] : $token;
		if ( in_array( $id, array( T_OPEN_TAG, T_WHITESPACE, T_COMMENT, T_DOC_COMMENT ), true ) ) {
			continue;
		}
		if ( '' === $statement ) {
			$first = $id;
		}
		$statement .= $text;
		if ( '{' === $text ) {
			++$depth;
		} elseif ( '}' === $text ) {
			--$depth;
		}
		$ends = ( ';' === $text && 0 === $depth ) || ( '}' === $text && 0 === $depth );
		if ( ! $ends ) {
			continue;
		}
		if ( ';' === $statement || in_array( $first, array( T_NAMESPACE, T_USE, T_DECLARE ), true ) ) {
			$statement = '';
			continue;
		}
		return $statement;
	}
	return $statement;
}

/**
 * Does the statement guard the file for the given kind?
 *
 * @param string $statement First statement, as dm_jobs_first_statement() returns it.
 * @param string $kind      'wordpress' or 'cli'.
 */
function dm_jobs_is_guard( string $statement, string $kind ): bool {
	$exit    = '(exit|die)(\(\d*\))?';
	$abspath = "/^defined\\(['\"]ABSPATH['\"]\\)\\|\\|$exit;$/i";
	if ( preg_match( $abspath, $statement ) ) {
		return true; // Only runs inside WordPress (for bin/: files WordPress loads in dev sites).
	}
	if ( 'wordpress' === $kind ) {
		return false;
	}
	$sapi = "(PHP_SAPI|php_sapi_name\\(\\))";
	$cli  = "['\"]cli(-server)?['\"]";
	return (bool) preg_match( "/^($sapi===$cli|$cli===$sapi)\\|\\|$exit;$/i", $statement )
		|| (bool) preg_match( "/^if\\(($sapi!==$cli|$cli!==$sapi)\\)\\{(fwrite\\([^;]*\\);)?$exit;\\}$/i", $statement );
}

$dm_jobs_missing = 0;
foreach ( array_slice( $argv, 1 ) as $dm_jobs_file ) {
	$dm_jobs_kind = preg_match( '#^(bin|tests)/#', $dm_jobs_file ) ? 'cli' : 'wordpress';
	if ( ! dm_jobs_is_guard( dm_jobs_first_statement( $dm_jobs_file ), $dm_jobs_kind ) ) {
		echo $dm_jobs_file, ': ', 'cli' === $dm_jobs_kind
			? "first statement must be PHP_SAPI === 'cli' || exit;"
			: "first statement must be defined( 'ABSPATH' ) || exit;", "\n";
		++$dm_jobs_missing;
	}
}
exit( $dm_jobs_missing > 0 ? 1 : 0 );
