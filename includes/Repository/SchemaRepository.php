<?php
/**
 * Creates DM Jobs' tables, or adopts Data Machine's, and upgrades them through numbered steps.
 *
 * Data Machine's columns are never renamed, dropped or retyped: each step only creates what is missing.
 *
 * @package DMJobs
 */

namespace DMJobs\Repository;

use DMJobs\Repository\Migrations\Migrations;

defined( 'ABSPATH' ) || exit;

final class SchemaRepository {

	public const VERSION_OPTION = 'dm_jobs_schema_version';
	public const OWNED_OPTION   = 'dm_jobs_created_tables';

	public function installed_version(): int {
		return (int) get_option( self::VERSION_OPTION, 0 );
	}

	public function needs_upgrade(): bool {
		return $this->installed_version() < Migrations::latest_version();
	}

	/**
	 * Runs every step above the installed version, recording the version after each one.
	 */
	public function upgrade(): void {
		foreach ( Migrations::all() as $migration ) {
			if ( $migration->version() <= $this->installed_version() ) {
				continue;
			}
			$migration->up( $this );
			update_option( self::VERSION_OPTION, $migration->version(), true );
		}
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
			if ( is_string( $short_name ) && preg_match( '/^dm_[a-z_]+$/', $short_name ) ) {
				$wpdb->query( "DROP TABLE IF EXISTS `{$wpdb->prefix}{$short_name}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
		delete_option( self::OWNED_OPTION );
		delete_option( self::VERSION_OPTION );
	}

	/**
	 * Creates a table unless it exists. A table this creates is recorded as ours (uninstall may drop it);
	 * one that already existed was adopted and is never dropped.
	 *
	 * @param string $short_name Unprefixed name, e.g. "dm_jobs".
	 * @param string $create_sql CREATE TABLE statement without the charset/collation clause.
	 */
	public function create_table_if_missing( string $short_name, string $create_sql ): void {
		global $wpdb;
		$table = $wpdb->prefix . $short_name;
		if ( $this->table_exists( $table ) ) {
			return;
		}
		$wpdb->query( $create_sql . ' ' . $wpdb->get_charset_collate() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( ! $this->table_exists( $table ) ) {
			throw new \RuntimeException( sprintf( 'Could not create table %s: %s', $table, $wpdb->last_error ) );
		}
		$owned   = (array) get_option( self::OWNED_OPTION, array() );
		$owned[] = $short_name;
		update_option( self::OWNED_OPTION, array_values( array_unique( $owned ) ), false );
	}

	public function add_column_if_missing( string $table, string $column, string $definition ): void {
		global $wpdb;
		if ( $this->column_exists( $table, $column ) ) {
			return;
		}
		$wpdb->query( "ALTER TABLE `{$table}` ADD COLUMN `{$column}` {$definition}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $this->column_exists( $table, $column ) ) {
			throw new \RuntimeException( sprintf( 'Could not add column %s.%s: %s', $table, $column, $wpdb->last_error ) );
		}
	}

	public function add_index_if_missing( string $table, string $index, string $columns ): void {
		global $wpdb;
		if ( $this->index_exists( $table, $index ) ) {
			return;
		}
		$wpdb->query( "ALTER TABLE `{$table}` ADD INDEX `{$index}` ({$columns})" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $this->index_exists( $table, $index ) ) {
			throw new \RuntimeException( sprintf( 'Could not add index %s on %s: %s', $index, $table, $wpdb->last_error ) );
		}
	}
}
