<?php
/**
 * Seeds demo pipelines, flows and jobs into a WordPress install.
 *
 * Usage: php bin/seed.php --path=<wordpress dir> [--jobs=3000] [--reset] [--seed=N] [--logs=150]
 * (--logs: how many of the newest jobs get step log lines)
 *
 * @package DMJobs
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$options = getopt( '', array( 'path:', 'jobs::', 'reset', 'seed::', 'logs::', 'tables::', 'help' ) );
if ( isset( $options['help'] ) || empty( $options['path'] ) ) {
	fwrite( STDERR, "Usage: php bin/seed.php --path=<wordpress dir> [--jobs=3000] [--reset] [--seed=N] [--logs=150] [--tables=dm|datamachine]\n" );
	exit( isset( $options['help'] ) ? 0 : 2 );
}
$wordpress = rtrim( (string) $options['path'], '/' );
if ( ! is_readable( $wordpress . '/wp-load.php' ) ) {
	fwrite( STDERR, "No WordPress at {$wordpress} (wp-load.php not found).\n" );
	exit( 2 );
}
$jobs = isset( $options['jobs'] ) ? filter_var( $options['jobs'], FILTER_VALIDATE_INT, array( 'options' => array( 'min_range' => 0 ) ) ) : 3000;
if ( false === $jobs ) {
	fwrite( STDERR, "--jobs must be a whole number of 0 or more.\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = $_SERVER['HTTP_HOST'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = $_SERVER['REQUEST_URI'] ?? '/';
require $wordpress . '/wp-load.php';

if ( ! class_exists( \DMJobs\Demo\DemoSeeder::class ) ) {
	fwrite( STDERR, "The DM Jobs plugin is not active on this site.\n" );
	exit( 1 );
}

$tables = (string) ( $options['tables'] ?? 'dm' );
if ( ! in_array( $tables, array( 'dm', 'datamachine' ), true ) ) {
	fwrite( STDERR, "--tables must be dm or datamachine.\n" );
	exit( 2 );
}
if ( 'datamachine' === $tables ) {
	// Today's Data Machine tables, as its own create_table() methods make them; DM Jobs adopts them.
	( new \DMJobs\DataMachine\Repository\DataMachineTablesRepository() )->create_current_generation_tables();
	\DMJobs\DataMachine\Adapters::forget();
	( new \DMJobs\Schema\Repository\SchemaRepository() )->upgrade();
}

try {
	$started = microtime( true );
	$summary = ( new \DMJobs\Demo\DemoSeeder() )->seed( (int) $jobs, isset( $options['reset'] ), (int) ( $options['seed'] ?? 20261129 ), max( 0, (int) ( $options['logs'] ?? 150 ) ) );
} catch ( \Throwable $error ) {
	fwrite( STDERR, 'Seeding failed: ' . $error->getMessage() . "\n" );
	exit( 1 );
}

printf(
	"Seeded %d pipelines, %d flows, %d jobs and %d processed items in %.1f s.\n",
	$summary['pipelines'],
	$summary['flows'],
	$summary['jobs'],
	$summary['processed_items'],
	microtime( true ) - $started
);
foreach ( $summary['by_status'] as $status => $count ) {
	printf( "  %-22s %d\n", $status, $count );
}
