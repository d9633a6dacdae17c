<?php
/**
 * Regenerates the README's API section from the registered routes.
 *
 * Usage: php bin/api-docs.php --path=<wordpress dir with dm-jobs active> [--check]
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$options = getopt( '', array( 'path:', 'check' ) );
if ( empty( $options['path'] ) ) {
	fwrite( STDERR, "Usage: php bin/api-docs.php --path=<wordpress dir> [--check]\n" );
	exit( 2 );
}
$_SERVER['HTTP_HOST'] = 'localhost';
require rtrim( (string) $options['path'], '/' ) . '/wp-load.php';

$readme  = dirname( __DIR__ ) . '/README.md';
$current = (string) file_get_contents( $readme );
$updated = \DMJobs\Rest\ApiReference::replace_in( $current );
if ( isset( $options['check'] ) ) {
	if ( $updated !== $current ) {
		fwrite( STDERR, "README.md's API section is out of date: run npm run docs.\n" );
		exit( 1 );
	}
	echo "README.md's API section is up to date.\n";
	exit( 0 );
}
file_put_contents( $readme, $updated );
echo "README.md's API section regenerated.\n";
