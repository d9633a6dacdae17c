<?php
/**
 * Creates DM Jobs' tables, or adopts Data Machine's, and upgrades them through numbered steps.
 *
 * Data Machine's columns are never renamed, dropped or retyped: each step only creates what is missing.
 *
 * @package DMJobs
 */

namespace DMJobs\Repository;

defined( 'ABSPATH' ) || exit;

final class SchemaRepository {

	public const VERSION_OPTION = 'dm_jobs_schema_version';
	public const OWNED_OPTION   = 'dm_jobs_created_tables';
	public const VERSION        = 1;

	public function installed_version(): int {
		return (int) get_option( self::VERSION_OPTION, 0 );
	}

	public function needs_upgrade(): bool {
		return $this->installed_version() < self::VERSION;
	}

	/**
	 * Runs every step above the installed version, then records the new version.
	 */
	public function upgrade(): void {
		$installed = $this->installed_version();
		if ( $installed < 1 ) {
			$this->create_missing_tables();
			$this->add_column_if_missing( TableNames::jobs(), 'status_reason', 'varchar(255) NULL DEFAULT NULL' );
			$this->add_index_if_missing( TableNames::jobs(), 'dm_jobs_created_at', 'created_at' );
			$this->add_index_if_missing( TableNames::jobs(), 'dm_jobs_completed_at', 'completed_at' );
		}
		update_option( self::VERSION_OPTION, self::VERSION, true );
	}

	public function table_exists( string $table ): bool {
		global $wpdb;
		$found = $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
		return $found === $table;
	}

	public function column_exists( string $table, string $column ): bool {
		global $wpdb;
		// Identifiers cannot be placeholders; $table comes from TableNames only.
		$columns = $wpdb->get_col( "SHOW COLUMNS FROM `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return in_array( $column, $columns, true );
	}

	public function index_exists( string $table, string $index ): bool {
		global $wpdb;
		$rows = $wpdb->get_results( "SHOW INDEX FROM `{$table}`", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( (array) $rows as $row ) {
			if ( isset( $row['Key_name'] ) && $row['Key_name'] === $index ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Deletes every row of the four dm_ tables (demo data reset). Never called on activation or upgrade.
	 */
	public function empty_tables(): void {
		global $wpdb;
		foreach ( TableNames::all() as $table ) {
			$wpdb->query( "DELETE FROM `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
	}

	/**
	 * Drops the tables this plugin created itself (never ones it adopted from Data Machine).
	 */
	public function drop_owned_tables(): void {
		global $wpdb;
		foreach ( (array) get_option( self::OWNED_OPTION, array() ) as $short_name ) {
			$all = TableNames::all();
			if ( isset( $all[ $short_name ] ) ) {
				$wpdb->query( "DROP TABLE IF EXISTS `{$all[ $short_name ]}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
		delete_option( self::OWNED_OPTION );
		delete_option( self::VERSION_OPTION );
	}

	private function create_missing_tables(): void {
		global $wpdb;
		$owned = (array) get_option( self::OWNED_OPTION, array() );
		foreach ( $this->table_definitions() as $short_name => $sql ) {
			$table = TableNames::all()[ $short_name ];
			if ( $this->table_exists( $table ) ) {
				continue;
			}
			$wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			if ( ! $this->table_exists( $table ) ) {
				throw new \RuntimeException( sprintf( 'Could not create table %s: %s', $table, $wpdb->last_error ) );
			}
			$owned[] = $short_name;
		}
		update_option( self::OWNED_OPTION, array_values( array_unique( $owned ) ), false );
	}

	private function add_column_if_missing( string $table, string $column, string $definition ): void {
		global $wpdb;
		if ( $this->column_exists( $table, $column ) ) {
			return;
		}
		$wpdb->query( "ALTER TABLE `{$table}` ADD COLUMN `{$column}` {$definition}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $this->column_exists( $table, $column ) ) {
			throw new \RuntimeException( sprintf( 'Could not add column %s.%s: %s', $table, $column, $wpdb->last_error ) );
		}
	}

	private function add_index_if_missing( string $table, string $index, string $columns ): void {
		global $wpdb;
		if ( $this->index_exists( $table, $index ) ) {
			return;
		}
		$wpdb->query( "ALTER TABLE `{$table}` ADD INDEX `{$index}` ({$columns})" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $this->index_exists( $table, $index ) ) {
			throw new \RuntimeException( sprintf( 'Could not add index %s on %s: %s', $index, $table, $wpdb->last_error ) );
		}
	}

	/**
	 * Data Machine's own definitions, column for column.
	 *
	 * @return array<string, string>
	 */
	private function table_definitions(): array {
		global $wpdb;
		$collate = $wpdb->get_charset_collate();
		$tables  = TableNames::all();

		return array(
			'dm_pipelines'       => "CREATE TABLE `{$tables['dm_pipelines']}` (
				pipeline_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				pipeline_name varchar(255) NOT NULL,
				pipeline_config longtext NULL,
				created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
				updated_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
				PRIMARY KEY  (pipeline_id),
				KEY pipeline_name (pipeline_name),
				KEY created_at (created_at),
				KEY updated_at (updated_at)
			) {$collate}",
			'dm_flows'           => "CREATE TABLE `{$tables['dm_flows']}` (
				flow_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				pipeline_id bigint(20) unsigned NOT NULL,
				flow_name varchar(255) NOT NULL,
				flow_config longtext NOT NULL,
				scheduling_config longtext NOT NULL,
				PRIMARY KEY  (flow_id),
				KEY pipeline_id (pipeline_id)
			) {$collate}",
			'dm_jobs'            => "CREATE TABLE `{$tables['dm_jobs']}` (
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
			) {$collate}",
			'dm_processed_items' => "CREATE TABLE `{$tables['dm_processed_items']}` (
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
			) {$collate}",
		);
	}
}
