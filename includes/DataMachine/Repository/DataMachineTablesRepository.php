<?php
/**
 * Creates Data Machine's tables exactly as Data Machine itself does, for demo sites, benchmarks and the
 * tests of each generation. DM Jobs never calls this on a real site: it only adopts Data Machine's tables.
 *
 * Statements copied from Data Machine's create_table() methods, v0.175.11 (commit f44a8de7a):
 * inc/Core/Database/{Jobs/Jobs,Pipelines/Pipelines,Flows/Flows,ProcessedItems/ProcessedItems,
 * Logs/LogRepository,RunMetadata/RunMetadata}.php. The v0.1.2 (fd4d6786f) dm_* statements are the ones
 * Migration001CoreTables creates for standalone sites.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine\Repository;

use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class DataMachineTablesRepository {

	/**
	 * Creates today's datamachine_* tables that are missing.
	 *
	 * @return string[] The tables created.
	 */
	public function create_current_generation_tables(): array {
		global $wpdb;
		$tables  = ( new CurrentGeneration() )->tables();
		$collate = $wpdb->get_charset_collate();
		$schema  = new SchemaRepository();
		$created = array();
		foreach ( $this->current_statements( $tables ) as $table => $sql ) {
			if ( $schema->table_exists( $table ) ) {
				continue;
			}
			$wpdb->query( $sql . ' ' . $collate ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			if ( ! $schema->table_exists( $table ) ) {
				throw new \RuntimeException( sprintf( 'Could not create %s: %s', $table, $wpdb->last_error ) );
			}
			$created[] = $table;
			if ( $table === $tables->jobs ) {
				// What Jobs::create_table() then adds through migrate_columns(), migrate_task_type_column() and migrate_indexes().
				foreach ( array(
					"ALTER TABLE `{$table}` ADD COLUMN agent_id bigint(20) unsigned DEFAULT NULL",
					"ALTER TABLE `{$table}` ADD INDEX agent_id (agent_id)",
					"ALTER TABLE `{$table}` ADD COLUMN task_type varchar(100) NULL DEFAULT NULL",
					"ALTER TABLE `{$table}` ADD INDEX idx_task_type (task_type, source)",
					"ALTER TABLE `{$table}` ADD INDEX idx_handler_slug (handler_slug)",
				) as $alter ) {
					$wpdb->query( $alter ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				}
			}
		}
		return $created;
	}

	/**
	 * Drops today's datamachine_* tables (test and demo sites only).
	 */
	public function drop_current_generation_tables(): void {
		global $wpdb;
		foreach ( ( new CurrentGeneration() )->tables()->all() as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
	}

	/**
	 * @return array<string, string> table => CREATE TABLE without the charset clause
	 */
	private function current_statements( \DMJobs\DataMachine\Tables $tables ): array {
		return array(
			$tables->pipelines              => "CREATE TABLE {$tables->pipelines} (
				pipeline_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				user_id bigint(20) unsigned NOT NULL DEFAULT 0,
				agent_id bigint(20) unsigned DEFAULT NULL,
				pipeline_name varchar(255) NOT NULL,
				portable_slug varchar(191) DEFAULT NULL,
				pipeline_config longtext NULL,
				created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
				updated_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
				PRIMARY KEY  (pipeline_id),
				KEY user_id (user_id),
				KEY agent_id (agent_id),
				KEY pipeline_name (pipeline_name),
				UNIQUE KEY agent_portable_slug (agent_id, portable_slug),
				KEY created_at (created_at),
				KEY updated_at (updated_at)
			)",
			$tables->flows                  => "CREATE TABLE {$tables->flows} (
				flow_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				pipeline_id bigint(20) unsigned NOT NULL,
				user_id bigint(20) unsigned NOT NULL DEFAULT 0,
				agent_id bigint(20) unsigned DEFAULT NULL,
				flow_name varchar(255) NOT NULL,
				portable_slug varchar(191) DEFAULT NULL,
				flow_config longtext NOT NULL,
				scheduling_config longtext NOT NULL,
				PRIMARY KEY (flow_id),
				KEY pipeline_id (pipeline_id),
				KEY user_id (user_id),
				KEY agent_id (agent_id),
				UNIQUE KEY pipeline_portable_slug (pipeline_id, portable_slug)
			)",
			$tables->jobs                   => "CREATE TABLE {$tables->jobs} (
				job_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				user_id bigint(20) unsigned NOT NULL DEFAULT 0,
				pipeline_id varchar(20) NULL DEFAULT NULL,
				flow_id varchar(20) NULL DEFAULT NULL,
				source varchar(50) NOT NULL DEFAULT 'pipeline',
				label varchar(255) NULL DEFAULT NULL,
				parent_job_id bigint(20) unsigned NULL DEFAULT NULL,
				status varchar(255) NOT NULL,
				engine_data longtext NULL,
				handler_slug varchar(100) NULL DEFAULT NULL,
				idempotency_key varchar(191) NULL DEFAULT NULL,
				request_fingerprint char(64) NULL DEFAULT NULL,
				operation_state varchar(32) NULL DEFAULT NULL,
				operation_step_id varchar(191) NULL DEFAULT NULL,
				operation_claimed_at datetime NULL DEFAULT NULL,
				operation_claim_token varchar(64) NULL DEFAULT NULL,
				operation_generation bigint(20) unsigned NOT NULL DEFAULT 0,
				operation_action_id bigint(20) unsigned NULL DEFAULT NULL,
				operation_ref_hash char(64) NULL DEFAULT NULL,
				operation_effects_begun_at datetime NULL DEFAULT NULL,
				operation_envelope longtext NULL,
				terminal_accounting_state tinyint unsigned NULL DEFAULT NULL,
				terminal_accounting_owner varchar(64) NULL DEFAULT NULL,
				terminal_accounting_claimed_at datetime NULL DEFAULT NULL,
				terminal_accounting_processed_count int unsigned NOT NULL DEFAULT 0,
				created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
				completed_at datetime NULL DEFAULT NULL,
				PRIMARY KEY  (job_id),
				KEY status (status),
				KEY pipeline_id (pipeline_id),
				KEY flow_id (flow_id),
				KEY source (source),
				KEY parent_job_id (parent_job_id),
				KEY user_id (user_id),
				KEY idx_created_at (created_at),
				KEY idx_flow_created (flow_id, created_at),
				KEY idx_status_created (status(50), created_at),
				KEY idx_source_created (source, created_at),
				KEY idx_terminal_accounting (terminal_accounting_state, job_id),
				UNIQUE KEY idx_idempotency_key (idempotency_key),
				UNIQUE KEY idx_operation_ref_hash (operation_ref_hash)
			)",
			$tables->processed_items        => "CREATE TABLE {$tables->processed_items} (
				id BIGINT(20) UNSIGNED NOT NULL AUTO_INCREMENT,
				flow_step_id VARCHAR(255) NOT NULL,
				source_type VARCHAR(50) NOT NULL,
				item_identifier VARCHAR(255) NOT NULL,
				job_id BIGINT(20) UNSIGNED NOT NULL,
				status VARCHAR(20) NOT NULL DEFAULT 'processed',
				claim_expires_at DATETIME NULL,
				claim_token VARCHAR(64) NULL,
				deferral_count INT UNSIGNED NOT NULL DEFAULT 0,
				last_deferral_job_id BIGINT(20) UNSIGNED NULL,
				deferred_at DATETIME NULL,
				last_seen_at DATETIME NULL,
				processed_timestamp DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
				PRIMARY KEY  (id),
				UNIQUE KEY `flow_source_item` (flow_step_id, source_type, item_identifier(191)),
				KEY `flow_step_id` (flow_step_id),
				KEY `source_type` (source_type),
				KEY `job_id` (job_id),
				KEY `status_claim_expires` (status, claim_expires_at),
				KEY `status_deferred_at` (status, deferred_at),
				KEY `flow_source_ts` (flow_step_id, source_type, processed_timestamp)
			)",
			(string) $tables->logs          => "CREATE TABLE {$tables->logs} (
				id BIGINT(20) UNSIGNED NOT NULL AUTO_INCREMENT,
				agent_id BIGINT(20) UNSIGNED DEFAULT NULL,
				user_id BIGINT(20) UNSIGNED DEFAULT NULL,
				level VARCHAR(20) NOT NULL DEFAULT 'info',
				message TEXT NOT NULL,
				context LONGTEXT DEFAULT NULL,
				created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
				PRIMARY KEY (id),
				KEY idx_agent_time (agent_id, created_at),
				KEY idx_level_time (level, created_at),
				KEY idx_created_at (created_at)
			)",
			(string) $tables->run_metadata  => "CREATE TABLE {$tables->run_metadata} (
				metadata_id BIGINT(20) UNSIGNED NOT NULL AUTO_INCREMENT,
				job_id BIGINT(20) UNSIGNED NOT NULL,
				metadata_path VARCHAR(191) NOT NULL,
				metadata_value VARCHAR(191) NOT NULL,
				value_type VARCHAR(20) NOT NULL DEFAULT 'string',
				created_at DATETIME NOT NULL,
				updated_at DATETIME NOT NULL,
				PRIMARY KEY (metadata_id),
				UNIQUE KEY job_path (job_id, metadata_path),
				KEY path_value (metadata_path, metadata_value),
				KEY job_id (job_id)
			)",
		);
	}
}
