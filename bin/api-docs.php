<?php
/**
 * Regenerates what is generated from the registered routes: the README's API section and the TypeScript
 * contract (src/generated/rest-contract.ts).
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

$root    = dirname( __DIR__ );
$readme  = (string) file_get_contents( $root . '/README.md' );
$files   = array(
	'README.md'                              => \DMJobs\Shared\Rest\ApiReference::replace_in( $readme ),
	\DMJobs\Shared\Rest\TypeScriptContract::FILE => \DMJobs\Shared\Rest\TypeScriptContract::source(),
);
$stale   = array();
foreach ( $files as $file => $content ) {
	$path    = $root . '/' . $file;
	$current = is_readable( $path ) ? (string) file_get_contents( $path ) : '';
	if ( $current === $content ) {
		continue;
	}
	$stale[] = $file;
	if ( ! isset( $options['check'] ) ) {
		if ( ! is_dir( dirname( $path ) ) ) {
			mkdir( dirname( $path ), 0777, true );
		}
		file_put_contents( $path, $content );
	}
}
if ( isset( $options['check'] ) ) {
	if ( $stale ) {
		fwrite( STDERR, implode( ', ', $stale ) . " out of date: run npm run docs.\n" );
		exit( 1 );
	}
	echo "README.md's API section and the TypeScript contract are up to date.\n";
	exit( 0 );
}
echo $stale ? 'Regenerated: ' . implode( ', ', $stale ) . ".\n" : "Nothing to regenerate.\n";
