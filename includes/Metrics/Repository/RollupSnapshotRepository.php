<?php
/**
 * The rollups' snapshots ({prefix}dm_jobs_rollup_snapshots): open jobs every five minutes and, at
 * most hourly, the jobs table's size.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Repository;

defined( 'ABSPATH' ) || exit;

final class RollupSnapshotRepository {

	public function __construct( private readonly RollupSql $sql = new RollupSql() ) {
	}

	/**
	 * @param array{taken_at: string, processing: int, pending: int, table_rows: int|null, table_bytes: int|null, free_bytes: int|null, bytes_estimated: bool, is_hourly: bool} $snapshot
	 */
	public function add_snapshot( array $snapshot ): void {
		global $wpdb;
		$inserted = $wpdb->insert(
			RollupTables::snapshots(),
			array(
				'taken_at'        => $snapshot['taken_at'],
				'processing'      => $snapshot['processing'],
				'pending'         => $snapshot['pending'],
				'table_rows'      => $snapshot['table_rows'],
				'table_bytes'     => $snapshot['table_bytes'],
				'free_bytes'      => $snapshot['free_bytes'],
				'bytes_estimated' => $snapshot['bytes_estimated'] ? 1 : 0,
				'is_hourly'       => $snapshot['is_hourly'] ? 1 : 0,
			),
			array( '%s', '%d', '%d', '%d', '%d', '%d', '%d', '%d' )
		);
		if ( false === $inserted ) {
			throw new \RuntimeException( 'Could not record the metrics snapshot: ' . $wpdb->last_error );
		}
	}

	/**
	 * The latest snapshot that measured the jobs table.
	 *
	 * @return array<string, string|null>|null
	 */
	public function last_sized_snapshot(): ?array {
		global $wpdb;
		$row = $wpdb->get_row( 'SELECT * FROM ' . RollupTables::snapshots() . ' WHERE table_rows IS NOT NULL ORDER BY taken_at DESC, snapshot_id DESC LIMIT 1', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The latest snapshot taken before a moment.
	 *
	 * @return array<string, string|null>|null
	 */
	public function snapshot_before( string $moment ): ?array {
		global $wpdb;
		$sql = 'SELECT * FROM ' . RollupTables::snapshots() . ' WHERE taken_at < %s ORDER BY taken_at DESC, snapshot_id DESC LIMIT 1';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $moment ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Snapshots taken in [from, to), oldest first.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function snapshots_between( string $from, string $to ): array {
		global $wpdb;
		$sql = 'SELECT taken_at, processing, pending, table_rows, table_bytes, free_bytes, bytes_estimated FROM ' . RollupTables::snapshots()
			. ' WHERE taken_at >= %s AND taken_at < %s ORDER BY taken_at ASC, snapshot_id ASC';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $from, $to ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Keeps one snapshot per hour for old history.
	 */
	public function prune_snapshots( string $before ): void {
		global $wpdb;
		$sql = 'DELETE FROM ' . RollupTables::snapshots() . ' WHERE taken_at < %s AND is_hourly = 0';
		$this->sql->run( $wpdb->prepare( $sql, $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
}
