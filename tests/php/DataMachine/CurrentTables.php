<?php
/**
 * Today's Data Machine tables (v0.175.11, commit f44a8de7a) created by its own statements, through dbDelta
 * as its create_table() methods run them: Jobs, ProcessedItems and RunMetadata.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\DataMachine\CurrentGeneration;

PHP_SAPI === 'cli' || exit;

final class CurrentTables {

	/**
	 * Creates the tables that are missing.
	 *
	 * @return string[] The tables created.
	 */
	public static function create(): array {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$collate = $wpdb->get_charset_collate();
		$tables  = ( new CurrentGeneration() )->tables();
		$create  = array(
			$tables->jobs            => "CREATE TABLE {$tables->jobs} (
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
        ) $collate;",
			$tables->processed_items => "CREATE TABLE {$tables->processed_items} (
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
        ) $collate;",
			(string) $tables->run_metadata => "CREATE TABLE {$tables->run_metadata} (
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
		) {$collate};",
		);
		$created = array();
		foreach ( $create as $table => $sql ) {
			if ( null === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ) {
				dbDelta( $sql );
				$created[] = $table;
			}
		}
		return $created;
	}
}
