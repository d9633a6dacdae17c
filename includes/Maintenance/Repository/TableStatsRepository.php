<?php
/**
 * Sizes and counts for the maintenance view, and table optimisation.
 *
 * MariaDB/MySQL: information_schema.TABLES (data, indexes, free space; row counts there are InnoDB
 * estimates) and OPTIMIZE TABLE (InnoDB rebuilds the table, returning free space to the file system
 * when innodb_file_per_table is on). SQLite: the whole site is one file of pages; deleted rows leave
 * free pages that SQLite reuses, and only VACUUM (a rebuild of the entire database file) gives them
 * back to the file system.
 *
 * @package DMJobs
 */

namespace DMJobs\Maintenance\Repository;

use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\StatusFilterSql;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class TableStatsRepository {

	public function uses_sqlite(): bool {
		global $wpdb;
		return $wpdb instanceof \WP_SQLite_DB;
	}

	/**
	 * The plugin's tables that exist, short name => prefixed name.
	 *
	 * @return array<string, string>
	 */
	public function tables(): array {
		$schema = new SchemaRepository();
		$tables = array();
		$all    = TableNames::all() + array(
			'dm_job_logs'        => TableNames::job_logs(),
			'dm_jobs_audit'      => TableNames::audit(),
			'dm_jobs_operations' => TableNames::operations(),
		);
		foreach ( $all as $short => $table ) {
			if ( $schema->table_exists( $table ) ) {
				$tables[ $short ] = $table;
			}
		}
		return $tables;
	}

	/**
	 * Per table: data, index and free bytes (null when the database cannot tell) and estimated rows.
	 *
	 * @return array<int, array{table: string, name: string, rows: int|null, data_bytes: int|null, index_bytes: int|null, free_bytes: int|null}>
	 */
	public function table_sizes(): array {
		global $wpdb;
		$tables = $this->tables();
		if ( ! $tables ) {
			return array();
		}
		$sizes = array();
		if ( $this->uses_sqlite() ) {
			$pages = $this->sqlite_pages_per_table( array_values( $tables ) );
			$page  = $this->sqlite_pragma( 'page_size' );
			foreach ( $tables as $short => $table ) {
				$sizes[] = array(
					'table'       => $short,
					'name'        => $table,
					'rows'        => (int) $wpdb->get_var( "SELECT COUNT(*) FROM `{$table}`" ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					'data_bytes'  => isset( $pages[ $table ] ) ? $pages[ $table ]['data'] * $page : null,
					'index_bytes' => isset( $pages[ $table ] ) ? $pages[ $table ]['index'] * $page : null,
					'free_bytes'  => null,
				);
			}
			return $sizes;
		}

		$names = array_values( $tables );
		$sql   = 'SELECT TABLE_NAME AS name, TABLE_ROWS AS row_estimate, DATA_LENGTH AS data_bytes, INDEX_LENGTH AS index_bytes, DATA_FREE AS free_bytes'
			. ' FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (' . implode( ', ', array_fill( 0, count( $names ), '%s' ) ) . ')';
		$rows  = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $names ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$rows[ (string) $row['name'] ] = $row;
		}
		foreach ( $tables as $short => $table ) {
			$row     = $rows[ $table ] ?? array();
			$sizes[] = array(
				'table'       => $short,
				'name'        => $table,
				'rows'        => isset( $row['row_estimate'] ) ? (int) $row['row_estimate'] : null,
				'data_bytes'  => isset( $row['data_bytes'] ) ? (int) $row['data_bytes'] : null,
				'index_bytes' => isset( $row['index_bytes'] ) ? (int) $row['index_bytes'] : null,
				'free_bytes'  => isset( $row['free_bytes'] ) ? (int) $row['free_bytes'] : null,
			);
		}
		return $sizes;
	}

	/**
	 * SQLite file totals: page size, pages, free pages (reclaimable by VACUUM), bytes.
	 *
	 * @return array{page_size: int, page_count: int, freelist_count: int, file_bytes: int, free_bytes: int}|null
	 */
	public function sqlite_file(): ?array {
		if ( ! $this->uses_sqlite() ) {
			return null;
		}
		$page_size = $this->sqlite_pragma( 'page_size' );
		$pages     = $this->sqlite_pragma( 'page_count' );
		$free      = $this->sqlite_pragma( 'freelist_count' );
		return array(
			'page_size'      => $page_size,
			'page_count'     => $pages,
			'freelist_count' => $free,
			'file_bytes'     => $page_size * $pages,
			'free_bytes'     => $page_size * $free,
		);
	}

	/**
	 * Rebuilds one table (MariaDB/MySQL). Returns the server's message.
	 */
	public function optimize_table( string $table ): string {
		global $wpdb;
		if ( ! in_array( $table, $this->tables(), true ) ) {
			throw new \InvalidArgumentException( 'Not one of the plugin\'s tables.' );
		}
		$rows = (array) $wpdb->get_results( "OPTIMIZE TABLE `{$table}`", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( '' !== (string) $wpdb->last_error ) {
			throw new \RuntimeException( 'OPTIMIZE TABLE failed: ' . $wpdb->last_error );
		}
		$messages = array();
		foreach ( $rows as $row ) {
			$messages[] = ( $row['Msg_type'] ?? '' ) . ': ' . ( $row['Msg_text'] ?? '' );
		}
		return implode( '; ', $messages );
	}

	/**
	 * VACUUM of the whole SQLite database file.
	 */
	public function sqlite_vacuum(): void {
		$pdo = $this->sqlite_pdo();
		if ( $pdo->inTransaction() ) {
			throw new \RuntimeException( 'SQLite cannot VACUUM while a transaction is open.' );
		}
		$pdo->exec( 'VACUUM' );
	}

	/**
	 * Jobs per stored status string (exact; uses the status index).
	 *
	 * @return array<string, int>
	 */
	public function jobs_by_raw_status(): array {
		global $wpdb;
		$counts = array();
		foreach ( (array) $wpdb->get_results( 'SELECT status, COUNT(*) AS n FROM ' . TableNames::jobs() . ' GROUP BY status', ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$counts[ (string) $row['status'] ] = (int) $row['n'];
		}
		return $counts;
	}

	/**
	 * @return array{oldest: string|null, newest: string|null}
	 */
	public function job_time_range(): array {
		global $wpdb;
		$row = (array) $wpdb->get_row( 'SELECT MIN(created_at) AS oldest, MAX(created_at) AS newest FROM ' . TableNames::jobs(), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array(
			'oldest' => $row['oldest'] ?? null,
			'newest' => $row['newest'] ?? null,
		);
	}

	/**
	 * Jobs created per UTC day since a time.
	 *
	 * @return array<string, int> Y-m-d => count
	 */
	public function jobs_per_day( string $since ): array {
		global $wpdb;
		$sql  = 'SELECT SUBSTR(created_at, 1, 10) AS day, COUNT(*) AS n FROM ' . TableNames::jobs() . ' WHERE created_at >= %s GROUP BY SUBSTR(created_at, 1, 10) ORDER BY day ASC';
		$days = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $since ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$days[ (string) $row['day'] ] = (int) $row['n'];
		}
		return $days;
	}

	/**
	 * Pending/processing jobs created before a time (stuck candidates), their count and the oldest few.
	 *
	 * @return array{count: int, rows: array<int, array<string, string|null>>}
	 */
	public function processing_before( string $before, int $limit ): array {
		global $wpdb;
		[ $status_sql, $values ] = StatusFilterSql::build( array( \DMJobs\Status\BaseStatus::Processing ), 'j.status' );
		$where                   = "{$status_sql} AND j.created_at < %s";
		$values[]                = $before;
		$count                   = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . TableNames::jobs() . " j WHERE {$where}", $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$sql                     = 'SELECT ' . JobColumns::list_columns() . ' FROM ' . TableNames::jobs() . ' j'
			. JobColumns::join_names_sql() . " WHERE {$where} ORDER BY j.job_id ASC LIMIT %d";
		$values[]                = $limit;
		return array(
			'count' => $count,
			'rows'  => (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		);
	}

	/**
	 * Exact row count of one of the plugin's tables.
	 */
	public function exact_rows( string $table ): int {
		global $wpdb;
		if ( ! in_array( $table, $this->tables(), true ) ) {
			return 0;
		}
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function server_version(): string {
		global $wpdb;
		if ( $this->uses_sqlite() ) {
			return 'SQLite ' . (string) $this->sqlite_pdo()->query( 'SELECT sqlite_version()' )->fetchColumn();
		}
		return (string) $wpdb->get_var( 'SELECT VERSION()' );
	}

	private function sqlite_pragma( string $name ): int {
		if ( ! in_array( $name, array( 'page_size', 'page_count', 'freelist_count' ), true ) ) {
			throw new \InvalidArgumentException( 'Unknown pragma.' );
		}
		return (int) $this->sqlite_pdo()->query( "PRAGMA {$name}" )->fetchColumn();
	}

	/**
	 * Pages of each table and of its indexes, from the dbstat virtual table when SQLite has it.
	 *
	 * @param string[] $tables
	 * @return array<string, array{data: int, index: int}>
	 */
	private function sqlite_pages_per_table( array $tables ): array {
		$pdo = $this->sqlite_pdo();
		try {
			$in        = implode( ', ', array_fill( 0, count( $tables ), '?' ) );
			$statement = $pdo->prepare(
				"SELECT m.tbl_name AS tbl, SUM(CASE WHEN m.type = 'table' THEN 1 ELSE 0 END) AS data_pages, SUM(CASE WHEN m.type = 'index' THEN 1 ELSE 0 END) AS index_pages
				FROM dbstat s JOIN sqlite_master m ON m.name = s.name WHERE m.tbl_name IN ({$in}) GROUP BY m.tbl_name"
			);
			$statement->execute( $tables );
		} catch ( \PDOException $e ) {
			return array(); // dbstat not compiled in.
		}
		$pages = array();
		foreach ( $statement->fetchAll( \PDO::FETCH_ASSOC ) as $row ) {
			$pages[ (string) $row['tbl'] ] = array(
				'data'  => (int) $row['data_pages'],
				'index' => (int) $row['index_pages'],
			);
		}
		return $pages;
	}

	private function sqlite_pdo(): \PDO {
		global $wpdb;
		return $wpdb->get_driver()->get_connection()->get_pdo();
	}
}
