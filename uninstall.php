<?php
/**
 * Removes DM Jobs' options, and the tables it created itself unless Data Machine still uses them.
 * Tables adopted from Data Machine are never dropped.
 *
 * @package DMJobs
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/autoload.php';

if ( ! \DMJobs\Plugin::data_machine_active() ) {
	( new \DMJobs\Repository\SchemaRepository() )->drop_owned_tables();
}
delete_option( \DMJobs\Repository\SchemaRepository::VERSION_OPTION );
delete_option( \DMJobs\Repository\SchemaRepository::OWNED_OPTION );
foreach ( array( \DMJobs\Jobs\JobCounts::OPTION, \DMJobs\Jobs\PageAnchors::OPTION, \DMJobs\Jobs\DataVersion::OPTION, \DMJobs\Jobs\CreatedAtZones::OPTION ) as $dm_jobs_option ) {
	delete_option( $dm_jobs_option );
}
\DMJobs\Jobs\CountRefresher::unschedule();
