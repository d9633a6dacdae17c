<?php
/**
 * Removes DM Jobs' options, transients and scheduled events, and the tables it created itself unless
 * Data Machine still uses them. Tables adopted from Data Machine are never dropped.
 *
 * @package DMJobs
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/autoload.php';

$dm_jobs_schema = new \DMJobs\Repository\SchemaRepository();
if ( ! \DMJobs\Plugin::data_machine_active() ) {
	$dm_jobs_schema->drop_owned_tables();
}

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
delete_metadata( 'user', 0, 'dm_jobs_dismissed_alerts', '', true );
