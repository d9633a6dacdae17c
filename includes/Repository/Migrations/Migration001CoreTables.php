<?php
/**
 * Data Machine's four tables (created when missing, adopted when present) plus our additions to dm_jobs.
 *
 * @package DMJobs
 */

namespace DMJobs\Repository\Migrations;

use DMJobs\Repository\SchemaRepository;
use DMJobs\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class Migration001CoreTables implements Migration {

	public function version(): int {
		return 1;
	}

	public function up( SchemaRepository $schema ): void {
		$tables = TableNames::all();

		$schema->create_table_if_missing(
			'dm_pipelines',
			"CREATE TABLE `{$tables['dm_pipelines']}` (
				pipeline_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				pipeline_name varchar(255) NOT NULL,
				pipeline_config longtext NULL,
				created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
				updated_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
				PRIMARY KEY  (pipeline_id),
				KEY pipeline_name (pipeline_name),
				KEY created_at (created_at),
				KEY updated_at (updated_at)
			)"
		);
		$schema->create_table_if_missing(
			'dm_flows',
			"CREATE TABLE `{$tables['dm_flows']}` (
				flow_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				pipeline_id bigint(20) unsigned NOT NULL,
				flow_name varchar(255) NOT NULL,
				flow_config longtext NOT NULL,
				scheduling_config longtext NOT NULL,
				PRIMARY KEY  (flow_id),
				KEY pipeline_id (pipeline_id)
			)"
		);
		$schema->create_table_if_missing(
			'dm_jobs',
			"CREATE TABLE `{$tables['dm_jobs']}` (
				job_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				pipeline_id bigint(20) unsigned NOT NULL,
				flow_id bigint(20) unsigned NOT NULL,
				status varchar(20) NOT NULL,
				engine_data longtext NULL,
				created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
				completed_at datetime NULL DEFAULT NULL,
				PRIMARY KEY  (job_id),
				KEY status (status),
				KEY pipeline_id (pipeline_id),
				KEY flow_id (flow_id)
			)"
		);
		$schema->create_table_if_missing(
			'dm_processed_items',
			"CREATE TABLE `{$tables['dm_processed_items']}` (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				flow_step_id varchar(255) NOT NULL,
				source_type varchar(50) NOT NULL,
				item_identifier varchar(255) NOT NULL,
				job_id bigint(20) unsigned NOT NULL,
				processed_timestamp datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
				PRIMARY KEY  (id),
				UNIQUE KEY flow_source_item (flow_step_id, source_type, item_identifier(191)),
				KEY flow_step_id (flow_step_id),
				KEY source_type (source_type),
				KEY job_id (job_id)
			)"
		);

		$schema->add_column_if_missing( $tables['dm_jobs'], 'status_reason', 'varchar(255) NULL DEFAULT NULL' );
		$schema->add_index_if_missing( $tables['dm_jobs'], 'dm_jobs_created_at', 'created_at' );
		$schema->add_index_if_missing( $tables['dm_jobs'], 'dm_jobs_completed_at', 'completed_at' );
	}
}
