<?php
/**
 * Removes DM Jobs' options, transients and scheduled events and the tables it created for itself, and
 * takes the columns and indexes it added out of Data Machine's tables. Tables adopted from Data Machine
 * are never dropped; Data Machine-named tables DM Jobs created stay while Data Machine is active.
 *
 * @package DMJobs
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/autoload.php';

$dm_jobs_schema = new \DMJobs\Repository\SchemaRepository();
$dm_jobs_schema->uninstall( \DMJobs\Plugin::data_machine_active(), array_keys( \DMJobs\Repository\TableNames::all() ) );

foreach ( (array) _get_cron_array() as $dm_jobs_events ) {
	foreach ( array_keys( (array) $dm_jobs_events ) as $dm_jobs_hook ) {
		if ( str_starts_with( (string) $dm_jobs_hook, 'dm_jobs_' ) ) {
			wp_clear_scheduled_hook( $dm_jobs_hook );
		}
	}
}
if ( function_exists( 'as_unschedule_all_actions' ) ) {
	as_unschedule_all_actions( '', array(), 'dm-jobs' );
}

$dm_jobs_schema->delete_plugin_options();
