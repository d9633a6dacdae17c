<?php
/**
 * Set-based reads and writes of {prefix}dm_jobs for bulk actions, cleanup, retention and export.
 *
 * Every batch is bounded by the primary key: IDs are selected with the filter (job_id above a cursor
 * and at most a snapshot taken when the operation started, so jobs inserted meanwhile are never
 * touched), then changed with `WHERE job_id IN (those IDs)` plus a re-check of the status condition,
 * so a job that changed status in between is left alone. Two overlapping runs therefore never
 * delete a row twice, and their counts add up to the rows that were eligible.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Repository;

use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\JobListRepository;
use DMJobs\Jobs\Repository\StatusFilterSql;
use DMJobs\Operations\JobSelection;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Shared\Repository\Retry;

defined( 'ABSPATH' ) || exit;

final class JobBulkRepository {


	public function __construct( private readonly JobListRepository $jobs = new JobListRepository() ) {
	}

	public function max_id(): int {
		return $this->jobs->max_id();
	}

	/**
	 * The highest job ID ever handed out (the table's auto-increment counter minus one, or the
	 * highest existing ID if that is higher): deleted jobs' IDs up to here are known to be gone.
	 */
	public function highest_assigned_id(): int {
		global $wpdb;
		$status = $wpdb->get_row( $wpdb->prepare( 'SHOW TABLE STATUS LIKE %s', $wpdb->esc_like( TableNames::jobs() ) ), ARRAY_A );
		$next   = is_array( $status ) && isset( $status['Auto_increment'] ) ? (int) $status['Auto_increment'] : 0;
		return max( $this->max_id(), $next - 1 );
	}

	/**
	 * How many jobs the selection covers, up to a snapshot ID.
	 */
	public function count( JobSelection $selection, int $max_id ): int {
		global $wpdb;
		[ $from, $where, $values ] = $this->parts( $selection, $max_id, false );
		$sql                       = "SELECT COUNT(*) FROM {$from} WHERE {$where}";
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * How many pending/processing jobs match the selection's filter but are left out of it.
	 */
	public function count_active_left_out( JobSelection $selection, int $max_id ): int {
		global $wpdb;
		if ( $selection->include_active ) {
			return 0;
		}
		[ $from, $where, $values ]        = $this->parts( $selection->with_include_active( true ), $max_id, false );
		[ $active_sql, $active_values ]   = StatusFilterSql::build( StatusFilterSql::active_statuses(), 'j.status' );
		$sql                              = "SELECT COUNT(*) FROM {$from} WHERE {$where} AND {$active_sql}";
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, array_merge( $values, $active_values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Stored status strings and how many selected jobs have each.
	 *
	 * @return array<string, int>
	 */
	public function count_by_raw_status( JobSelection $selection, int $max_id ): array {
		global $wpdb;
		[ $from, $where, $values ] = $this->parts( $selection, $max_id, false );
		$sql                       = "SELECT j.status AS status, COUNT(*) AS n FROM {$from} WHERE {$where} GROUP BY j.status";
		$counts                    = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$counts[ (string) $row['status'] ] = (int) $row['n'];
		}
		return $counts;
	}

	/**
	 * The first selected jobs in the order a run processes them, with pipeline and flow names.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function sample( JobSelection $selection, int $max_id, int $limit ): array {
		return $this->rows_after( $selection, $max_id, 0, $limit, false );
	}

	/**
	 * The next batch of selected IDs above a cursor, ascending.
	 *
	 * @return int[]
	 */
	public function select_ids( JobSelection $selection, int $max_id, int $after_id, int $limit ): array {
		global $wpdb;
		[ $from, $where, $values ] = $this->parts( $selection, $max_id, false );
		$sql                       = "SELECT j.job_id FROM {$from} WHERE {$where} AND j.job_id > %d ORDER BY j.job_id ASC LIMIT %d";
		array_push( $values, $after_id, $limit );
		return array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $sql, $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The next selected IDs above a cursor, ascending, looking no further than $window IDs ahead
	 * (and never past the snapshot): read along the primary key, so every batch costs about the
	 * same however many rows are left. (Through the filter's own index, each batch sorted every row
	 * still left: a cleanup of N rows did O(N²) work.)
	 *
	 * @return array{ids: int[], scanned_to: int, facts: array<int, array{pipeline_id: string|null, flow_id: string|null, status: string}>}
	 *         The IDs, the highest ID looked at, and each selected job's pipeline, flow and status as
	 *         stored (read with the IDs, from the same rows).
	 */
	public function select_ids_window( JobSelection $selection, int $max_id, int $after_id, int $limit, int $window ): array {
		global $wpdb;
		$upper                     = min( $max_id, $after_id + max( $limit, $window ) );
		[ $from, $where, $values ] = $this->parts( $selection, $upper, false, true );
		$sql                       = "SELECT j.job_id, j.pipeline_id, j.flow_id, j.status FROM {$from} WHERE {$where} AND j.job_id > %d ORDER BY j.job_id ASC LIMIT %d";
		array_push( $values, $after_id, $limit );
		$facts = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$facts[ (int) $row['job_id'] ] = array(
				'pipeline_id' => null === $row['pipeline_id'] ? null : (string) $row['pipeline_id'],
				'flow_id'     => null === $row['flow_id'] ? null : (string) $row['flow_id'],
				'status'      => (string) $row['status'],
			);
		}
		$ids = array_keys( $facts );
		if ( count( $ids ) === $limit ) {
			return array(
				'ids'        => $ids,
				'scanned_to' => (int) end( $ids ),
				'facts'      => $facts,
			);
		}
		$scanned_to = $upper;
		if ( $upper < $max_id ) {
			// The rest of the window holds no match: skip straight to just before the next one.
			[ $from, $where, $values ] = $this->parts( $selection, $max_id, false );
			$values[]                  = $upper;
			// ORDER BY … LIMIT 1 stops at the first match; MIN() reads every match of the index range.
			$next                      = $wpdb->get_var( $wpdb->prepare( "SELECT j.job_id FROM {$from} WHERE {$where} AND j.job_id > %d ORDER BY j.job_id ASC LIMIT 1", $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( null === $next ) {
				$scanned_to = $max_id;
			} elseif ( ! $ids ) {
				// Nothing in this window (a stretch of other jobs, or a gap in the IDs): the batch starts
				// at the next match instead of spending itself on the skip.
				return $this->select_ids_window( $selection, $max_id, (int) $next - 1, $limit, $window );
			} else {
				$scanned_to = (int) $next - 1;
			}
		}
		return array(
			'ids'        => $ids,
			'scanned_to' => $scanned_to,
			'facts'      => $facts,
		);
	}

	/**
	 * The next rows (list columns with names, optionally engine_data) above a cursor, ascending.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function rows_after( JobSelection $selection, int $max_id, int $after_id, int $limit, bool $with_engine_data ): array {
		global $wpdb;
		[ $from, $where, $values ] = $this->parts( $selection, $max_id, true );
		$columns                   = JobColumns::list_columns( $with_engine_data );
		$sql                       = "SELECT {$columns} FROM {$from} WHERE {$where} AND j.job_id > %d ORDER BY j.job_id ASC LIMIT %d";
		array_push( $values, $after_id, $limit );
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Rows of some jobs (list columns with names), for hooks and summaries.
	 *
	 * @param int[] $ids
	 * @return array<int, array<string, string|null>>
	 */
	public function rows_for( array $ids ): array {
		global $wpdb;
		if ( ! $ids ) {
			return array();
		}
		$sql = 'SELECT ' . JobColumns::list_columns() . ' FROM ' . TableNames::jobs() . ' j'
			. JobColumns::join_names_sql()
			. ' WHERE j.job_id IN (' . self::placeholders( $ids ) . ') ORDER BY j.job_id ASC';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $ids ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Which of these jobs still exist.
	 *
	 * @param int[] $ids
	 * @return int[]
	 */
	public function existing_ids( array $ids ): array {
		global $wpdb;
		if ( ! $ids ) {
			return array();
		}
		$sql = 'SELECT job_id FROM ' . TableNames::jobs() . ' WHERE job_id IN (' . self::placeholders( $ids ) . ')';
		return array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $sql, $ids ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Deletes these jobs if they still satisfy the selection's status conditions.
	 *
	 * @param int[] $ids Selected by select_ids().
	 * @return int Rows deleted by this statement.
	 */
	public function delete( array $ids, JobSelection $selection ): int {
		global $wpdb;
		if ( ! $ids ) {
			return 0;
		}
		[ $recheck, $values ] = $this->recheck( $selection );
		$sql                  = 'DELETE FROM ' . TableNames::jobs() . ' WHERE job_id IN (' . self::placeholders( $ids ) . ") AND {$recheck}";
		return Retry::query( $wpdb->prepare( $sql, array_merge( $ids, $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Moves these jobs to a (final) status if they still satisfy the selection's status conditions.
	 * A job that was pending/processing (or had no completion time) gets completed_at = $now.
	 *
	 * @param int[] $ids
	 * @return int Rows changed.
	 */
	public function update_status( array $ids, JobSelection $selection, string $status, ?string $reason, string $now ): int {
		global $wpdb;
		if ( ! $ids ) {
			return 0;
		}
		[ $recheck, $values ]           = $this->recheck( $selection );
		[ $active_sql, $active_values ] = StatusFilterSql::build( StatusFilterSql::active_statuses(), 'status' );
		// completed_at first: MySQL evaluates SET assignments left to right against the updated row.
		$sql    = 'UPDATE ' . TableNames::jobs() . " SET completed_at = CASE WHEN completed_at IS NULL OR completed_at < '1971-01-01' OR {$active_sql} THEN %s ELSE completed_at END,"
			. ' status = %s, ' . JobColumns::reason_assignment_sql( null !== $reason )
			. ' WHERE job_id IN (' . self::placeholders( $ids ) . ") AND {$recheck}";
		$params = array_merge( $active_values, array( $now, $status ), null === $reason ? array() : array( $reason ), $ids, $values );
		return Retry::query( $wpdb->prepare( $sql, $params ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Sets engine_data of these jobs (null clears it). Only final jobs are touched.
	 *
	 * @param array<int, string|null> $data job_id => new engine_data
	 * @return int Rows changed.
	 */
	public function replace_engine_data( array $data ): int {
		global $wpdb;
		if ( ! $data ) {
			return 0;
		}
		[ $active_sql, $active_values ] = StatusFilterSql::build( StatusFilterSql::active_statuses(), 'status' );
		$changed                        = 0;
		$nulls                          = array_keys( array_filter( $data, static fn ( ?string $v ): bool => null === $v ) );
		if ( $nulls ) {
			$sql      = 'UPDATE ' . TableNames::jobs() . ' SET engine_data = NULL WHERE job_id IN (' . self::placeholders( $nulls ) . ") AND NOT {$active_sql}";
			$changed += Retry::query( $wpdb->prepare( $sql, array_merge( $nulls, $active_values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		foreach ( array_filter( $data, static fn ( ?string $v ): bool => null !== $v ) as $job_id => $value ) {
			$sql      = 'UPDATE ' . TableNames::jobs() . " SET engine_data = %s WHERE job_id = %d AND NOT {$active_sql}";
			$changed += Retry::query( $wpdb->prepare( $sql, array_merge( array( $value, $job_id ), $active_values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		return $changed;
	}

	/**
	 * Selected job IDs that still have engine_data, with their status and size (not the data).
	 *
	 * @return array<int, array{job_id: string, status: string, bytes: string}>
	 */
	public function engine_data_candidates( JobSelection $selection, int $max_id, int $after_id, int $limit ): array {
		global $wpdb;
		[ $from, $where, $values ] = $this->parts( $selection, $max_id, false );
		$sql                       = "SELECT j.job_id, j.status, LENGTH(j.engine_data) AS bytes FROM {$from} WHERE {$where}"
			. " AND j.engine_data IS NOT NULL AND j.engine_data <> '' AND j.job_id > %d ORDER BY j.job_id ASC LIMIT %d";
		array_push( $values, $after_id, $limit );
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param int[] $ids
	 * @return array<int, string|null> job_id => engine_data
	 */
	public function engine_data_of( array $ids ): array {
		global $wpdb;
		if ( ! $ids ) {
			return array();
		}
		$sql  = 'SELECT job_id, engine_data FROM ' . TableNames::jobs() . ' WHERE job_id IN (' . self::placeholders( $ids ) . ')';
		$data = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $ids ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$data[ (int) $row['job_id'] ] = $row['engine_data'];
		}
		return $data;
	}

	/**
	 * Count of selected jobs that still have engine_data, and its total size.
	 *
	 * @return array{count: int, bytes: int}
	 */
	public function engine_data_totals( JobSelection $selection, int $max_id ): array {
		global $wpdb;
		[ $from, $where, $values ] = $this->parts( $selection, $max_id, false );
		$sql                       = "SELECT COUNT(*) AS n, SUM(LENGTH(j.engine_data)) AS bytes FROM {$from} WHERE {$where} AND j.engine_data IS NOT NULL AND j.engine_data <> ''";
		$row                       = (array) $wpdb->get_row( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array(
			'count' => (int) ( $row['n'] ?? 0 ),
			'bytes' => (int) ( $row['bytes'] ?? 0 ),
		);
	}

	/**
	 * FROM and WHERE (with values) for a selection up to a snapshot ID.
	 *
	 * @return array{0: string, 1: string, 2: array<int, int|string>}
	 */
	private function parts( JobSelection $selection, int $max_id, bool $with_names, bool $primary_key_order = false ): array {
		if ( null !== $selection->ids ) {
			$where  = $selection->ids ? 'j.job_id IN (' . self::placeholders( $selection->ids ) . ')' : '1=0';
			$values = $selection->ids;
			$join   = $with_names;
		} else {
			[ $where, $values ] = $this->jobs->filter_sql( $selection->filter );
			$join               = $with_names || '' !== $selection->filter->search;
		}
		if ( ! $selection->include_active ) {
			[ $active_sql, $active_values ] = StatusFilterSql::build( StatusFilterSql::active_statuses(), 'j.status' );
			$where                         .= " AND NOT {$active_sql}";
			array_push( $values, ...$active_values );
		}
		if ( $selection->orphans_only ) {
			$where .= ' AND ( ( ' . JobColumns::has_saved_id_sql( 'j.pipeline_id' ) . ' AND NOT EXISTS ( SELECT 1 FROM ' . TableNames::pipelines() . ' opipe WHERE opipe.pipeline_id = j.pipeline_id ) )'
				. ' OR ( ' . JobColumns::has_saved_id_sql( 'j.flow_id' ) . ' AND NOT EXISTS ( SELECT 1 FROM ' . TableNames::flows() . ' oflow WHERE oflow.flow_id = j.flow_id ) ) )';
		}
		$where   .= ' AND j.job_id <= %d';
		$values[] = $max_id;

		$from = TableNames::jobs() . ' j';
		if ( $primary_key_order && ! JobColumns::uses_sqlite() ) {
			$from .= ' FORCE INDEX (PRIMARY)';
		}
		if ( $join ) {
			$from .= JobColumns::join_names_sql();
		}
		return array( $from, $where, $values );
	}

	/**
	 * The conditions a selected row must still meet when it is changed (unaliased columns).
	 *
	 * @return array{0: string, 1: array<int, string>}
	 */
	private function recheck( JobSelection $selection ): array {
		$clauses = array( '1=1' );
		$values  = array();
		if ( null === $selection->ids && $selection->filter->filters_status() ) {
			[ $sql, $status_values ]  = StatusFilterSql::build( $selection->filter->statuses, 'status' );
			[ $names_sql, $names_values ] = StatusFilterSql::build_names( $selection->filter->other_statuses, 'status' );
			$clauses[]                = "({$sql} OR {$names_sql})";
			array_push( $values, ...$status_values, ...$names_values );
		}
		if ( ! $selection->include_active ) {
			[ $sql, $active_values ] = StatusFilterSql::build( StatusFilterSql::active_statuses(), 'status' );
			$clauses[]               = "NOT {$sql}";
			array_push( $values, ...$active_values );
		}
		return array( implode( ' AND ', $clauses ), $values );
	}

	/**
	 * @param array<int, int|string> $values
	 */
	private static function placeholders( array $values ): string {
		return implode( ', ', array_fill( 0, count( $values ), '%d' ) );
	}
}
