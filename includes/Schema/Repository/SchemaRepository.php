<?php
/**
 * Creates DM Jobs' tables, or adopts Data Machine's, and upgrades them through numbered steps.
 *
 * Data Machine's columns are never renamed, dropped or retyped: each step only creates what is missing.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Repository;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Schema\Migrations\Migrations;

defined( 'ABSPATH' ) || exit;

final class SchemaRepository {

	public const VERSION_OPTION = 'dm_jobs_schema_version';
	public const OWNED_OPTION   = 'dm_jobs_created_tables';
	public const APPLIED_OPTION = 'dm_jobs_schema_applied';
	public const ADDED_OPTION   = 'dm_jobs_added_schema';

	/**
	 * The Data Machine generations (Adapters keys) the applied migrations were run for. When Data Machine
	 * appears, is upgraded to a new table generation or goes away, every migration runs again (they only
	 * add what is missing) so the generation now in use gets our columns and indexes too.
	 */
	public const GENERATIONS_OPTION = 'dm_jobs_schema_generations';

	public function installed_version(): int {
		return (int) get_option( self::VERSION_OPTION, 0 );
	}

	public function needs_upgrade(): bool {
		return array() !== $this->pending_migrations() || $this->generations_changed();
	}

	private function generations_changed(): bool {
		return get_option( self::GENERATIONS_OPTION, null ) !== Adapters::available_keys();
	}

	/**
	 * Runs every migration not applied yet, in order, recording each one. Migrations only add and are
	 * safe to re-run, so a site that predates the applied-list simply runs them all once.
	 */
	public function upgrade(): void {
		if ( $this->generations_changed() ) {
			delete_option( self::APPLIED_OPTION );
		}
		$applied = $this->applied_versions();
		foreach ( $this->pending_migrations() as $migration ) {
			$migration->up( $this );
			$applied[] = $migration->version();
			update_option( self::APPLIED_OPTION, array_values( array_unique( $applied ) ), true );
			update_option( self::VERSION_OPTION, max( $applied ), true );
		}
		update_option( self::GENERATIONS_OPTION, Adapters::available_keys(), true );
		JobColumns::forget();
	}

	/**
	 * @return \DMJobs\Schema\Migrations\Migration[]
	 */
	private function pending_migrations(): array {
		$applied = $this->applied_versions();
		return array_values( array_filter( Migrations::all(), static fn ( $migration ): bool => ! in_array( $migration->version(), $applied, true ) ) );
	}

	/**
	 * @return int[]
	 */
	private function applied_versions(): array {
		return array_map( 'intval', (array) get_option( self::APPLIED_OPTION, array() ) );
	}

	/**
	 * The site's table prefix (the adapters build Data Machine's table names from it).
	 */
	public static function prefix(): string {
		global $wpdb;
		return (string) $wpdb->prefix;
	}

	public function has_rows( string $table ): bool {
		global $wpdb;
		return null !== $wpdb->get_var( "SELECT 1 FROM `{$table}` LIMIT 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
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
	 * Deletes every row of the four dm_ tables and of the job logs (demo data reset). Never called on activation or upgrade.
	 */
	public function empty_tables(): void {
		global $wpdb;
		foreach ( array_merge( array_values( TableNames::all() ), array( TableNames::job_logs() ) ) as $table ) {
			if ( $this->table_exists( $table ) ) {
				$wpdb->query( "DELETE FROM `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
	}

	/**
	 * Deletes every option and transient whose name starts with dm_jobs_ (uninstall).
	 */
	public function delete_plugin_options(): void {
		global $wpdb;
		$like = $wpdb->esc_like( 'dm_jobs_' ) . '%';
		$wpdb->query(
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
				$like,
				$wpdb->esc_like( '_transient_dm_jobs_' ) . '%',
				$wpdb->esc_like( '_transient_timeout_dm_jobs_' ) . '%'
			)
		);
		wp_cache_flush();
	}

	/**
	 * Uninstall: drops every table DM Jobs created for itself (logs, audit, operations, rollups) and
	 * the Data Machine-named tables it created while Data Machine was absent, unless Data Machine may be
	 * using them now; from every Data Machine table that stays it removes the columns and indexes DM
	 * Jobs added, so those tables are left as Data Machine made them.
	 *
	 * @param bool                                                  $data_machine_present Whether Data Machine is active (its tables are then kept).
	 * @param string[]                                              $data_machine_tables  Unprefixed names of Data Machine's tables (every generation).
	 * @param array<string, array{columns: string[], indexes: string[]}> $declared        Prefixed table => what the adapters say DM Jobs adds there.
	 */
	public function uninstall( bool $data_machine_present, array $data_machine_tables, array $declared = array() ): void {
		global $wpdb;
		$dropped = array();
		foreach ( (array) get_option( self::OWNED_OPTION, array() ) as $short_name ) {
			if ( ! is_string( $short_name ) || ! preg_match( '/^[a-z_]+$/', $short_name ) ) {
				continue;
			}
			if ( $data_machine_present && in_array( $short_name, $data_machine_tables, true ) ) {
				continue;
			}
			$wpdb->query( "DROP TABLE IF EXISTS `{$wpdb->prefix}{$short_name}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$dropped[] = $wpdb->prefix . $short_name;
		}
		foreach ( $this->added_schema( $declared ) as $table => $added ) {
			if ( ! in_array( $table, $dropped, true ) ) {
				$this->remove_additions( $table, $added['columns'], $added['indexes'] );
			}
		}
		delete_option( self::OWNED_OPTION );
		delete_option( self::ADDED_OPTION );
		delete_option( self::VERSION_OPTION );
		delete_option( self::APPLIED_OPTION );
		delete_option( self::GENERATIONS_OPTION );
	}

	/**
	 * The columns and indexes DM Jobs added to tables, as recorded when they were added, together with
	 * what the adapters declare (which covers sites from before the recording).
	 *
	 * @param array<string, array{columns: string[], indexes: string[]}> $declared Prefixed table => additions.
	 * @return array<string, array{columns: string[], indexes: string[]}> prefixed table => additions
	 */
	public function added_schema( array $declared = array() ): array {
		global $wpdb;
		$added = array();
		foreach ( (array) get_option( self::ADDED_OPTION, array() ) as $short_name => $recorded ) {
			if ( is_string( $short_name ) && is_array( $recorded ) ) {
				$added[ $wpdb->prefix . $short_name ] = $recorded;
			}
		}
		foreach ( $declared as $table => $more ) {
			foreach ( array( 'columns', 'indexes' ) as $kind ) {
				$names                    = array_merge( (array) ( $added[ $table ][ $kind ] ?? array() ), (array) ( $more[ $kind ] ?? array() ) );
				$added[ $table ][ $kind ] = array_values( array_unique( array_filter( $names, 'is_string' ) ) );
			}
		}
		foreach ( $added as $table => $kinds ) {
			$added[ $table ] = array(
				'columns' => array_values( array_filter( (array) ( $kinds['columns'] ?? array() ), 'is_string' ) ),
				'indexes' => array_values( array_filter( (array) ( $kinds['indexes'] ?? array() ), 'is_string' ) ),
			);
		}
		return $added;
	}

	/**
	 * Drops these indexes, then these columns, where they exist (indexes first: MariaDB keeps a
	 * multi-column index without the dropped column instead of dropping it).
	 *
	 * @param string[] $columns
	 * @param string[] $indexes
	 */
	private function remove_additions( string $table, array $columns, array $indexes ): void {
		global $wpdb;
		if ( ! $this->table_exists( $table ) ) {
			return;
		}
		foreach ( $indexes as $index ) {
			if ( preg_match( '/^[A-Za-z0-9_]+$/', $index ) && $this->index_exists( $table, $index ) ) {
				$wpdb->query( "ALTER TABLE `{$table}` DROP INDEX `{$index}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
		foreach ( $columns as $column ) {
			if ( preg_match( '/^[A-Za-z0-9_]+$/', $column ) && $this->column_exists( $table, $column ) ) {
				$wpdb->query( "ALTER TABLE `{$table}` DROP COLUMN `{$column}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
	}

	/**
	 * Whether DM Jobs added this column or index to a table (and recorded it), without asking the database.
	 *
	 * @param string $kind 'columns' or 'indexes'.
	 */
	public function recorded_addition( string $table, string $kind, string $name ): bool {
		return in_array( $name, $this->recorded_additions( $table, $kind ), true );
	}

	/**
	 * Remembers a column or index DM Jobs added to a table, so uninstall can take it away again.
	 */
	private function record_addition( string $table, string $kind, string $name ): void {
		$short_name = self::short_name( $table );
		$names      = $this->recorded_additions( $table, $kind );
		if ( null !== $short_name && ! in_array( $name, $names, true ) ) {
			$added                         = (array) get_option( self::ADDED_OPTION, array() );
			$added[ $short_name ][ $kind ] = array_values( array_merge( $names, array( $name ) ) );
			update_option( self::ADDED_OPTION, $added, true );
		}
	}

	/**
	 * @return string[] The columns or indexes recorded as added to a table.
	 */
	private function recorded_additions( string $table, string $kind ): array {
		$short_name = self::short_name( $table );
		if ( null === $short_name ) {
			return array();
		}
		$added = (array) get_option( self::ADDED_OPTION, array() );
		return (array) ( $added[ $short_name ][ $kind ] ?? array() );
	}

	/**
	 * A table's name without the site's prefix (how additions are recorded), or null for a table of
	 * another prefix.
	 */
	private static function short_name( string $table ): ?string {
		global $wpdb;
		return str_starts_with( $table, $wpdb->prefix ) ? substr( $table, strlen( $wpdb->prefix ) ) : null;
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
			// Only Data Machine's own tables can be adopted; any other table a migration declares is ours.
			if ( ! array_key_exists( $short_name, TableNames::all() ) ) {
				$this->record_owned( $short_name );
			}
			return;
		}
		$wpdb->query( $create_sql . ' ' . $wpdb->get_charset_collate() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( ! $this->table_exists( $table ) ) {
			throw new \RuntimeException( sprintf( 'Could not create table %s: %s', $table, $wpdb->last_error ) );
		}
		$this->record_owned( $short_name );
	}

	private function record_owned( string $short_name ): void {
		$owned = (array) get_option( self::OWNED_OPTION, array() );
		if ( ! in_array( $short_name, $owned, true ) ) {
			$owned[] = $short_name;
			update_option( self::OWNED_OPTION, $owned, false );
		}
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
		$this->record_addition( $table, 'columns', $column );
	}

	/**
	 * The expression of a generated column (MySQL/MariaDB), or null when the column does not exist.
	 */
	public function generation_expression( string $table, string $column ): ?string {
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( 'SELECT GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s AND COLUMN_NAME = %s', $table, $column ) );
		return null === $value ? null : (string) $value;
	}

	/**
	 * The collation of a text column (MySQL/MariaDB), or null when the column does not exist.
	 */
	public function column_collation( string $table, string $column ): ?string {
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( 'SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s AND COLUMN_NAME = %s', $table, $column ) );
		return null === $value ? null : (string) $value;
	}

	public function drop_index_if_exists( string $table, string $index ): void {
		global $wpdb;
		if ( $this->index_exists( $table, $index ) ) {
			$wpdb->query( "ALTER TABLE `{$table}` DROP INDEX `{$index}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
	}

	public function drop_column_if_exists( string $table, string $column ): void {
		global $wpdb;
		if ( $this->column_exists( $table, $column ) ) {
			$wpdb->query( "ALTER TABLE `{$table}` DROP COLUMN `{$column}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
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
		$this->record_addition( $table, 'indexes', $index );
	}
}
