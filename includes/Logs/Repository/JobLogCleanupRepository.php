<?php
/**
 * Removes rows of {prefix}dm_job_logs (the per-job log) for cleanup: the lines of deleted jobs, and
 * lines whose job no longer exists. Every method is a no-op while the table does not exist.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs\Repository;

use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Shared\Repository\Retry;

defined( 'ABSPATH' ) || exit;

final class JobLogCleanupRepository {

	private static ?bool $exists = null;

	public function table_exists(): bool {
		if ( null === self::$exists ) {
			self::$exists = ( new SchemaRepository() )->table_exists( TableNames::job_logs() );
		}
		return self::$exists;
	}

	/**
	 * Forget the cached table check (tests, migrations).
	 */
	public static function reset(): void {
		self::$exists = null;
	}

	/**
	 * Deletes every line of these jobs, at most $batch rows per statement.
	 *
	 * @param int[] $job_ids
	 * @return int Lines deleted.
	 */
	public function delete_for_jobs( array $job_ids, int $batch = 5000 ): int {
		global $wpdb;
		if ( ! $job_ids || ! $this->table_exists() ) {
			return 0;
		}
		$deleted = 0;
		foreach ( array_chunk( $job_ids, 500 ) as $chunk ) {
			$in = implode( ', ', array_fill( 0, count( $chunk ), '%d' ) );
			do {
				$select = 'SELECT log_id FROM ' . TableNames::job_logs() . " WHERE job_id IN ({$in}) ORDER BY log_id ASC LIMIT %d";
				$ids    = array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $select, array_merge( $chunk, array( $batch ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				if ( ! $ids ) {
					break;
				}
				$delete   = 'DELETE FROM ' . TableNames::job_logs() . ' WHERE log_id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ')';
				$deleted += Retry::query( $wpdb->prepare( $delete, $ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			} while ( count( $ids ) === $batch );
		}
		return $deleted;
	}

	public function max_id(): int {
		global $wpdb;
		if ( ! $this->table_exists() ) {
			return 0;
		}
		return (int) $wpdb->get_var( 'SELECT MAX(log_id) FROM ' . TableNames::job_logs() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function count_orphans( int $max_id ): int {
		global $wpdb;
		if ( ! $this->table_exists() ) {
			return 0;
		}
		$sql = 'SELECT COUNT(*) FROM ' . TableNames::job_logs() . ' l WHERE l.log_id <= %d AND ' . $this->orphan_condition();
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $max_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @return array<int, array<string, string|null>>
	 */
	public function orphan_sample( int $max_id, int $limit ): array {
		global $wpdb;
		if ( ! $this->table_exists() ) {
			return array();
		}
		$sql = 'SELECT l.log_id, l.job_id, l.level, l.created_at, SUBSTR(l.message, 1, 200) AS message FROM ' . TableNames::job_logs() . ' l'
			. ' WHERE l.log_id <= %d AND ' . $this->orphan_condition() . ' ORDER BY l.log_id ASC LIMIT %d';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $max_id, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @return int[]
	 */
	public function orphan_ids( int $after_id, int $max_id, int $limit ): array {
		global $wpdb;
		if ( ! $this->table_exists() ) {
			return array();
		}
		$sql = 'SELECT l.log_id FROM ' . TableNames::job_logs() . ' l WHERE l.log_id > %d AND l.log_id <= %d AND ' . $this->orphan_condition()
			. ' ORDER BY l.log_id ASC LIMIT %d';
		return array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $sql, $after_id, $max_id, $limit ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Deletes these lines if their job is (still) gone.
	 *
	 * @param int[] $log_ids
	 */
	public function delete_orphans( array $log_ids ): int {
		global $wpdb;
		if ( ! $log_ids || ! $this->table_exists() ) {
			return 0;
		}
		$sql = 'DELETE FROM ' . TableNames::job_logs() . ' WHERE log_id IN (' . implode( ', ', array_fill( 0, count( $log_ids ), '%d' ) ) . ')'
			. ' AND NOT EXISTS ( SELECT 1 FROM ' . TableNames::jobs() . ' j WHERE j.job_id = ' . TableNames::job_logs() . '.job_id )';
		return Retry::query( $wpdb->prepare( $sql, $log_ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	private function orphan_condition(): string {
		return 'NOT EXISTS ( SELECT 1 FROM ' . TableNames::jobs() . ' j WHERE j.job_id = l.job_id )';
	}
}
