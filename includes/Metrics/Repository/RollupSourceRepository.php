<?php
/**
 * What the metrics rollups read from {prefix}dm_jobs: rows by primary key only (an ID range with a
 * LIMIT, or a list of IDs), never engine_data, never a scan — plus the periodic size measurement.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class RollupSourceRepository {

	private const COLUMNS           = 'job_id, pipeline_id, flow_id, status, created_at, completed_at';
	private const IDS_PER_STATEMENT = 2000;

	/**
	 * The next rows after an ID, in ID order.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function rows_after( int $job_id, int $limit ): array {
		global $wpdb;
		$sql = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::jobs() . ' WHERE job_id > %d ORDER BY job_id ASC LIMIT %d';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $job_id, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Rows by ID (those that still exist), keyed by ID.
	 *
	 * @param int[] $ids
	 * @return array<int, array<string, string|null>>
	 */
	public function rows_by_ids( array $ids ): array {
		global $wpdb;
		$found = array();
		foreach ( array_chunk( array_values( array_unique( array_map( 'intval', $ids ) ) ), self::IDS_PER_STATEMENT ) as $chunk ) {
			$sql = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::jobs() . ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $chunk ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$found[ (int) $row['job_id'] ] = $row;
			}
		}
		return $found;
	}

	/**
	 * The lowest and highest job IDs (index lookups).
	 *
	 * @return array{0: int, 1: int}
	 */
	public function id_bounds(): array {
		global $wpdb;
		$row = $wpdb->get_row( 'SELECT MIN(job_id) AS first_id, MAX(job_id) AS last_id FROM ' . TableNames::jobs(), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array( (int) ( $row['first_id'] ?? 0 ), (int) ( $row['last_id'] ?? 0 ) );
	}

	/**
	 * How many rows the jobs table holds and how many bytes it takes on disk.
	 *
	 * MariaDB/MySQL: rows are counted; bytes are data + indexes from information_schema (InnoDB's
	 * statistics, refreshed by the server), free_bytes is allocated but unused space. SQLite: bytes
	 * come from the dbstat table when SQLite has it, else they are estimated from the average
	 * engine_data length of the newest 1,000 rows plus a fixed per-row overhead (bytes_estimated).
	 *
	 * @return array{rows: int, bytes: int|null, free_bytes: int|null, estimated: bool}
	 */
	public function measure(): array {
		global $wpdb;
		$table = TableNames::jobs();
		$rows  = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		if ( ! ( $wpdb instanceof \WP_SQLite_DB ) ) {
			$sql  = 'SELECT DATA_LENGTH AS data_bytes, INDEX_LENGTH AS index_bytes, DATA_FREE AS free_bytes FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s';
			$info = $wpdb->get_row( $wpdb->prepare( $sql, $table ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			if ( is_array( $info ) ) {
				return array(
					'rows'       => $rows,
					'bytes'      => (int) $info['data_bytes'] + (int) $info['index_bytes'],
					'free_bytes' => null === $info['free_bytes'] ? null : (int) $info['free_bytes'],
					'estimated'  => false,
				);
			}
		}

		$bytes = $this->sqlite_dbstat_bytes( $table );
		if ( null !== $bytes ) {
			return array(
				'rows'       => $rows,
				'bytes'      => $bytes,
				'free_bytes' => null,
				'estimated'  => false,
			);
		}
		$sample  = 'SELECT AVG(LENGTH(engine_data)) FROM (SELECT engine_data FROM ' . $table . ' ORDER BY job_id DESC LIMIT 1000) AS newest';
		$average = (float) $wpdb->get_var( $sample ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array(
			'rows'       => $rows,
			'bytes'      => (int) round( $rows * ( $average + 120 ) ),
			'free_bytes' => null,
			'estimated'  => true,
		);
	}

	/**
	 * Pages of the table and its indexes in the SQLite file, when SQLite was built with dbstat.
	 */
	private function sqlite_dbstat_bytes( string $table ): ?int {
		global $wpdb;
		if ( ! ( $wpdb instanceof \WP_SQLite_DB ) || ! method_exists( $wpdb, 'get_driver' ) ) {
			return null;
		}
		try {
			$driver = $wpdb->get_driver();
			if ( ! method_exists( $driver, 'get_connection' ) ) {
				return null;
			}
			$pdo = $driver->get_connection()->get_pdo();
			// Raw SQLite (dbstat is not MySQL syntax); the table name comes from TableNames.
			$statement = $pdo->prepare( 'SELECT SUM(pgsize) FROM dbstat WHERE name = ? OR name IN (SELECT name FROM sqlite_master WHERE type = \'index\' AND tbl_name = ?)' );
			$statement->execute( array( $table, $table ) );
			$value = $statement->fetchColumn();
			return false === $value || null === $value ? null : (int) $value;
		} catch ( \Throwable $error ) {
			return null;
		}
	}
}
