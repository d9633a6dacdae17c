<?php
/**
 * The rollups' "open" set ({prefix}dm_jobs_rollup_open): jobs seen while not final, ID gaps next
 * to recent rows, and jobs counted ahead of the watermark, each with the state it was last seen in.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Repository;

defined( 'ABSPATH' ) || exit;

final class RollupOpenSetRepository {

	private const IDS_PER_STATEMENT = 2000;

	public function __construct( private readonly RollupSql $sql = new RollupSql() ) {
	}

	/**
	 * @param int[] $ids
	 * @return array<int, array{state: string, first_seen_at: string}>
	 */
	public function find( array $ids ): array {
		global $wpdb;
		$found = array();
		foreach ( array_chunk( array_values( array_unique( array_map( 'intval', $ids ) ) ), self::IDS_PER_STATEMENT ) as $chunk ) {
			$sql = 'SELECT job_id, state, first_seen_at FROM ' . RollupTables::open() . ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $chunk ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$found[ (int) $row['job_id'] ] = array(
					'state'         => (string) $row['state'],
					'first_seen_at' => (string) $row['first_seen_at'],
				);
			}
		}
		return $found;
	}

	/**
	 * Entries with IDs in (after, upto].
	 *
	 * @return array<int, string> job ID => state
	 */
	public function between( int $after, int $upto ): array {
		global $wpdb;
		$sql   = 'SELECT job_id, state FROM ' . RollupTables::open() . ' WHERE job_id > %d AND job_id <= %d';
		$found = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $after, $upto ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$found[ (int) $row['job_id'] ] = (string) $row['state'];
		}
		return $found;
	}

	/**
	 * The open entries checked longest ago (not the "counted" markers).
	 *
	 * @return array<int, array{state: string, first_seen_at: string}>
	 */
	public function due( int $limit ): array {
		global $wpdb;
		$sql   = 'SELECT job_id, state, first_seen_at FROM ' . RollupTables::open() . " WHERE state <> 'counted' ORDER BY checked_at ASC, job_id ASC LIMIT %d";
		$found = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $limit ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$found[ (int) $row['job_id'] ] = array(
				'state'         => (string) $row['state'],
				'first_seen_at' => (string) $row['first_seen_at'],
			);
		}
		return $found;
	}

	/**
	 * Adds or updates entries (first_seen_at is kept for existing ones).
	 *
	 * @param array<int, string> $states job ID => state
	 */
	public function put( array $states, string $now ): void {
		global $wpdb;
		if ( ! $states ) {
			return;
		}
		$pdo = $this->sql->sqlite_pdo();
		if ( null !== $pdo ) {
			$rows = array();
			foreach ( $states as $job_id => $state ) {
				$rows[] = array( (int) $job_id, (string) $state, $now, $now );
			}
			$this->sql->sqlite_upsert( $pdo, RollupTables::open(), array( 'job_id', 'state', 'first_seen_at', 'checked_at' ), array( 'job_id' ), array( 'state = excluded.state', 'checked_at = excluded.checked_at' ), $rows );
			return;
		}
		foreach ( array_chunk( $states, self::IDS_PER_STATEMENT, true ) as $chunk ) {
			$args = array();
			foreach ( $chunk as $job_id => $state ) {
				array_push( $args, (int) $job_id, (string) $state, $now, $now );
			}
			$sql = 'INSERT INTO ' . RollupTables::open() . ' (job_id, state, first_seen_at, checked_at) VALUES '
				. implode( ', ', array_fill( 0, count( $chunk ), '(%d, %s, %s, %s)' ) )
				. ' ON DUPLICATE KEY UPDATE state = VALUES(state), checked_at = VALUES(checked_at)';
			$this->sql->run( $wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
	}

	/**
	 * @param int[] $ids
	 */
	public function delete( array $ids ): void {
		global $wpdb;
		foreach ( array_chunk( array_values( array_unique( array_map( 'intval', $ids ) ) ), self::IDS_PER_STATEMENT ) as $chunk ) {
			$sql = 'DELETE FROM ' . RollupTables::open() . ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			$this->sql->run( $wpdb->prepare( $sql, $chunk ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
	}

	/**
	 * "Counted" markers the watermark has passed are no longer needed.
	 */
	public function delete_counted_upto( int $watermark ): void {
		global $wpdb;
		$sql = 'DELETE FROM ' . RollupTables::open() . " WHERE state = 'counted' AND job_id <= %d";
		$this->sql->run( $wpdb->prepare( $sql, $watermark ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Drops "counted" markers above an ID (their rows were deleted).
	 */
	public function delete_counted_above( int $job_id ): void {
		global $wpdb;
		$sql = 'DELETE FROM ' . RollupTables::open() . " WHERE state = 'counted' AND job_id > %d";
		$this->sql->run( $wpdb->prepare( $sql, $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @return array<string, int> state => entries
	 */
	public function counts(): array {
		global $wpdb;
		$counts = array();
		$rows   = (array) $wpdb->get_results( 'SELECT state, COUNT(*) AS entries FROM ' . RollupTables::open() . ' GROUP BY state', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		foreach ( $rows as $row ) {
			$counts[ (string) $row['state'] ] = (int) $row['entries'];
		}
		return $counts;
	}
}
