<?php
/**
 * Data Machine's four tables (created when missing, adopted when present) plus our additions to its jobs
 * table. Only the dm_* shape is ever created (standalone); today's datamachine_* tables are only adopted.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\AddedSchema;
use DMJobs\DataMachine\Generation;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Migration001CoreTables implements Migration {

	public function version(): int {
		return 1;
	}

	public function up( SchemaRepository $schema ): void {
		foreach ( Adapters::available() as $generation ) {
			if ( $generation->ids_are_text() ) {
				$this->extend_text_id_jobs( $schema, $generation );
			} else {
				$this->create_or_extend_v01_tables( $schema );
			}
		}
	}

	/**
	 * Today's generation keeps a status's reason in engine_data.job_status_reason: status_reason reads it
	 * there (a virtual column on MySQL/MariaDB; SQLite computes it in the query). It already has a
	 * created_at index; completed_at gets one for the "Completed" sort.
	 */
	private function extend_text_id_jobs( SchemaRepository $schema, Generation $generation ): void {
		$jobs = $generation->tables()->jobs;
		if ( ! JobColumns::uses_sqlite() ) {
			$schema->add_column_if_missing( $jobs, AddedSchema::STATUS_REASON, 'varchar(255) AS (' . JobColumns::engine_reason_expression( 'engine_data', 'job_status_reason' ) . ') VIRTUAL' );
		}
		$schema->add_index_if_missing( $jobs, 'dm_jobs_completed_at', 'completed_at' );
	}

	private function create_or_extend_v01_tables( SchemaRepository $schema ): void {
		$tables = ( new \DMJobs\DataMachine\LegacyGeneration() )->tables();
		$tables = array(
			'dm_jobs'            => $tables->jobs,
			'dm_pipelines'       => $tables->pipelines,
			'dm_flows'           => $tables->flows,
			'dm_processed_items' => $tables->processed_items,
		);

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
