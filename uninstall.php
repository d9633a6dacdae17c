<?php
/**
 * Removes DM Jobs' options, transients and scheduled events and the tables it created for itself, and
 * takes the columns and indexes it added out of Data Machine's tables (every generation). Tables adopted
 * from Data Machine are never dropped; Data Machine-named tables DM Jobs created stay while Data Machine
 * is active.
 *
 * @package DMJobs
 */

defined( 'ABSPATH' ) || exit;
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/autoload.php';

$dm_jobs_schema   = new \DMJobs\Schema\Repository\SchemaRepository();
$dm_jobs_tables   = array();
$dm_jobs_declared = array();
foreach ( array( \DMJobs\DataMachine\CurrentGeneration::KEY, \DMJobs\DataMachine\LegacyGeneration::KEY ) as $dm_jobs_key ) {
	$dm_jobs_generation = \DMJobs\DataMachine\Adapters::make( $dm_jobs_key );
	foreach ( $dm_jobs_generation->tables()->all() as $dm_jobs_table ) {
		$dm_jobs_tables[] = substr( $dm_jobs_table, strlen( \DMJobs\Schema\Repository\SchemaRepository::prefix() ) );
	}
	$dm_jobs_added = $dm_jobs_generation->added_schema();
	foreach ( array( 'columns', 'indexes' ) as $dm_jobs_kind ) {
		foreach ( $dm_jobs_added[ $dm_jobs_kind ] as $dm_jobs_table => $dm_jobs_names ) {
			$dm_jobs_declared[ $dm_jobs_table ][ $dm_jobs_kind ] = $dm_jobs_names;
		}
	}
}
$dm_jobs_schema->uninstall( \DMJobs\Plugin::data_machine_active(), $dm_jobs_tables, $dm_jobs_declared );

foreach ( (array) _get_cron_array() as $dm_jobs_events ) {
	foreach ( array_keys( (array) $dm_jobs_events ) as $dm_jobs_hook ) {
		if ( str_starts_with( (string) $dm_jobs_hook, 'dm_jobs_' ) ) {
			wp_unschedule_hook( $dm_jobs_hook ); // Every event of the hook, whatever its arguments.
		}
	}
}
if ( function_exists( 'as_unschedule_all_actions' ) ) {
	as_unschedule_all_actions( '', array(), 'dm-jobs' );
}

$dm_jobs_schema->delete_plugin_options();
delete_metadata( 'user', 0, 'dm_jobs_dismissed_alerts', '', true );
