<?php
/**
 * Reads and writes rows of {prefix}dm_job_logs. Every query is bounded to one job (or a list of jobs)
 * and pages by log_id, so it stays on the (job_id, …, log_id) indexes however large the table grows.
 *
 * @package DMJobs
 */

namespace DMJobs\Repository;

use DMJobs\Logs\LogQuery;

defined( 'ABSPATH' ) || exit;

final class LogRepository {

	private const COLUMNS = 'log_id, job_id, level, step, message, context, http_status, truncated, created_at';

	/**
	 * @param array{job_id: int, level: string, step: string|null, message: string, context: string|null, http_status: int|null, truncated: bool, created_at: string} $line
	 * @return int The new log_id.
	 */
	public function insert( array $line ): int {
		global $wpdb;
		$fields  = array(
			'job_id'     => $line['job_id'],
			'level'      => $line['level'],
			'message'    => $line['message'],
			'truncated'  => $line['truncated'] ? 1 : 0,
			'created_at' => $line['created_at'],
		);
		$formats = array( '%d', '%s', '%s', '%d', '%s' );
		// NULL columns are left out: $wpdb would write "" or 0 for a NULL value with a format.
		foreach ( array( 'step' => '%s', 'context' => '%s', 'http_status' => '%d' ) as $column => $format ) {
			if ( null !== $line[ $column ] ) {
				$fields[ $column ] = $line[ $column ];
				$formats[]         = $format;
			}
		}
		if ( false === $wpdb->insert( TableNames::job_logs(), $fields, $formats ) ) {
			throw new \RuntimeException( 'Could not insert the log line: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * One page of lines, always returned in ascending log_id order.
	 *
	 * Several levels are read one level at a time (each an ordered range of the job_level index)
	 * and merged: a single IN (…) query would have to sort every matching line of the job.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function find_page( LogQuery $query ): array {
		if ( count( $query->levels ) > 1 && '' === $query->search ) {
			$rows = array();
			foreach ( $query->levels as $level ) {
				array_push( $rows, ...$this->find_page_in_order( $this->one_level( $query, $level ) ) );
			}
			$backwards = $query->reads_backwards();
			usort(
				$rows,
				static fn ( array $a, array $b ): int => $backwards
					? (int) $b['log_id'] <=> (int) $a['log_id']
					: (int) $a['log_id'] <=> (int) $b['log_id']
			);
			$rows = array_slice( $rows, 0, $query->per_page );
			return $backwards ? array_reverse( $rows ) : $rows;
		}
		$rows = $this->find_page_in_order( $query );
		return $query->reads_backwards() ? array_reverse( $rows ) : $rows;
	}

	/**
	 * Whether a line matching the query's filters exists beyond a log_id in a direction.
	 */
	public function exists_beyond( LogQuery $query, int $log_id, bool $newer ): bool {
		global $wpdb;
		$levels = count( $query->levels ) > 1 && '' === $query->search ? $query->levels : array( null );
		foreach ( $levels as $level ) {
			$bounded            = new LogQuery(
				$query->job_id,
				null === $level ? $query->levels : array( $level ),
				$query->search,
				$newer ? $log_id : null,
				$newer ? null : $log_id,
				false,
				1
			);
			[ $where, $values ] = $this->where( $bounded );
			$sql                = 'SELECT log_id FROM ' . TableNames::job_logs() . $this->index_hint( $bounded ) . " WHERE {$where} LIMIT 1";
			if ( null !== $wpdb->get_var( $wpdb->prepare( $sql, $values ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				return true;
			}
		}
		return false;
	}

	/**
	 * Rows in reading order: newest first for backward reads, oldest first otherwise.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	private function find_page_in_order( LogQuery $query ): array {
		global $wpdb;
		[ $where, $values ] = $this->where( $query );
		$order              = $query->reads_backwards() ? 'DESC' : 'ASC';
		$sql                = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::job_logs() . $this->index_hint( $query )
			. " WHERE {$where} ORDER BY log_id {$order} LIMIT %d";
		$values[]           = $query->per_page;
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	private function one_level( LogQuery $query, \DMJobs\Logs\LogLevel $level ): LogQuery {
		return new LogQuery( $query->job_id, array( $level ), $query->search, $query->after, $query->before, $query->tail, $query->per_page );
	}

	/**
	 * MariaDB/MySQL sometimes read a whole job's lines (a "ref" on job_id, or an index merge and a
	 * sort) where the composite index gives the page directly: name the index. SQLite plans these well.
	 */
	private function index_hint( LogQuery $query ): string {
		if ( $this->uses_sqlite() ) {
			return '';
		}
		return 1 === count( $query->levels ) && '' === $query->search ? ' FORCE INDEX (job_level)' : ' FORCE INDEX (job_log)';
	}

	private function uses_sqlite(): bool {
		global $wpdb;
		return $wpdb instanceof \WP_SQLite_DB;
	}

	/**
	 * How many lines a job has, per level (index only: job_level).
	 *
	 * @return array<string, int> level => count
	 */
	public function count_by_level( int $job_id ): array {
		global $wpdb;
		$sql    = 'SELECT level, COUNT(*) AS line_count FROM ' . TableNames::job_logs() . ' WHERE job_id = %d GROUP BY level';
		$counts = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $job_id ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$counts[ (string) $row['level'] ] = (int) $row['line_count'];
		}
		return $counts;
	}

	/**
	 * Per step: how many lines, and the first and last log_id (index only: job_step).
	 *
	 * @return array<int, array{step: string|null, lines: int, first_id: int, last_id: int}>
	 */
	public function step_summary( int $job_id ): array {
		global $wpdb;
		$sql  = 'SELECT step, COUNT(*) AS line_count, MIN(log_id) AS first_id, MAX(log_id) AS last_id FROM ' . TableNames::job_logs()
			. ' WHERE job_id = %d GROUP BY step';
		$rows = (array) $wpdb->get_results( $wpdb->prepare( $sql, $job_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array_map(
			static fn ( array $row ): array => array(
				'step'     => null === $row['step'] || '' === $row['step'] ? null : (string) $row['step'],
				'lines'    => (int) $row['line_count'],
				'first_id' => (int) $row['first_id'],
				'last_id'  => (int) $row['last_id'],
			),
			$rows
		);
	}

	/**
	 * The first or the last line of a job, optionally only of some levels.
	 *
	 * @param string[] $levels
	 * @return array<string, string|null>|null
	 */
	public function find_edge( int $job_id, bool $last, array $levels = array() ): ?array {
		global $wpdb;
		$sql    = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::job_logs() . ' WHERE job_id = %d';
		$values = array( $job_id );
		if ( $levels ) {
			$sql .= ' AND level IN (' . implode( ', ', array_fill( 0, count( $levels ), '%s' ) ) . ')';
			array_push( $values, ...$levels );
		}
		$sql .= ' ORDER BY log_id ' . ( $last ? 'DESC' : 'ASC' ) . ' LIMIT 1';
		$row  = $wpdb->get_row( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The newest lines of a job at these levels, newest first.
	 *
	 * @param string[] $levels
	 * @return array<int, array<string, string|null>>
	 */
	public function find_latest( int $job_id, array $levels, int $limit ): array {
		global $wpdb;
		if ( ! $levels ) {
			return array();
		}
		$sql    = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::job_logs() . ' WHERE job_id = %d AND level IN (' . implode( ', ', array_fill( 0, count( $levels ), '%s' ) ) . ') ORDER BY log_id DESC LIMIT %d';
		$values = array_merge( array( $job_id ), array_values( $levels ), array( $limit ) );
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The newest lines of a job that recorded an HTTP status, among its newest $window lines
	 * (bounded work however long the log is).
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function find_with_http_status( int $job_id, int $limit, int $window = 10000 ): array {
		global $wpdb;
		$sql = 'SELECT ' . self::COLUMNS . ' FROM (SELECT ' . self::COLUMNS . ' FROM ' . TableNames::job_logs()
			. ( $this->uses_sqlite() ? '' : ' FORCE INDEX (job_log)' )
			. ' WHERE job_id = %d ORDER BY log_id DESC LIMIT %d) recent WHERE http_status IS NOT NULL ORDER BY log_id DESC LIMIT %d';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $job_id, $window, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The newest log_id of a job (0 without lines): tells whether cached summaries are still current.
	 */
	public function max_id_for_job( int $job_id ): int {
		global $wpdb;
		$sql = 'SELECT MAX(log_id) FROM ' . TableNames::job_logs() . ' WHERE job_id = %d';
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Deletes the lines of some jobs, a bounded batch of rows per statement.
	 *
	 * @param int[]    $job_ids
	 * @param int      $batch Rows per statement.
	 * @param int|null $limit Stop once this many rows were deleted (the rest stays for later).
	 * @return int Lines deleted.
	 */
	public function delete_for_jobs( array $job_ids, int $batch = 5000, ?int $limit = null ): int {
		global $wpdb;
		$job_ids = self::clean_ids( $job_ids );
		$deleted = 0;
		foreach ( array_chunk( $job_ids, 500 ) as $chunk ) {
			$in = implode( ', ', array_fill( 0, count( $chunk ), '%d' ) );
			do {
				if ( null !== $limit && $deleted >= $limit ) {
					return $deleted;
				}
				$select = 'SELECT log_id FROM ' . TableNames::job_logs() . " WHERE job_id IN ({$in}) ORDER BY log_id ASC LIMIT %d";
				$ids    = array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $select, array_merge( $chunk, array( $batch ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				if ( ! $ids ) {
					break;
				}
				// A range on the primary key, still bounded to these jobs.
				$delete = 'DELETE FROM ' . TableNames::job_logs() . " WHERE job_id IN ({$in}) AND log_id BETWEEN %d AND %d";
				$result = $wpdb->query( $wpdb->prepare( $delete, array_merge( $chunk, array( $ids[0], end( $ids ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				if ( false === $result ) {
					throw new \RuntimeException( 'Could not delete log lines: ' . $wpdb->last_error );
				}
				$deleted += (int) $result;
			} while ( count( $ids ) === $batch );
		}
		return $deleted;
	}

	/**
	 * Whether any of these jobs still has lines.
	 *
	 * @param int[] $job_ids
	 */
	public function any_for_jobs( array $job_ids ): bool {
		global $wpdb;
		foreach ( array_chunk( self::clean_ids( $job_ids ), 500 ) as $chunk ) {
			$sql = 'SELECT 1 FROM ' . TableNames::job_logs() . ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ') LIMIT 1';
			if ( null !== $wpdb->get_var( $wpdb->prepare( $sql, $chunk ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				return true;
			}
		}
		return false;
	}

	/**
	 * @param array<mixed> $job_ids
	 * @return int[] Positive, unique.
	 */
	private static function clean_ids( array $job_ids ): array {
		return array_values( array_unique( array_filter( array_map( 'intval', $job_ids ), static fn ( int $id ): bool => $id > 0 ) ) );
	}

	/**
	 * Whether {prefix}dm_jobs has this job (lines are only appended to existing jobs).
	 */
	public function job_exists( int $job_id ): bool {
		global $wpdb;
		$sql = 'SELECT 1 FROM ' . TableNames::jobs() . ' WHERE job_id = %d';
		return null !== $wpdb->get_var( $wpdb->prepare( $sql, $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function count_for_job( int $job_id ): int {
		global $wpdb;
		$sql = 'SELECT COUNT(*) FROM ' . TableNames::job_logs() . ' WHERE job_id = %d';
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The message of each job's newest error or critical line, for a page of jobs in one query.
	 *
	 * @param int[] $job_ids
	 * @return array<int, string> Job ID => message (jobs without such a line are left out).
	 */
	public function last_error_messages( array $job_ids ): array {
		global $wpdb;
		$job_ids = self::clean_ids( $job_ids );
		if ( ! $job_ids ) {
			return array();
		}
		$table = TableNames::job_logs();
		$sql   = "SELECT l.job_id, l.message FROM {$table} l JOIN (SELECT job_id, MAX(log_id) AS log_id FROM {$table}"
			. ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $job_ids ), '%d' ) ) . ") AND level IN ('error', 'critical') GROUP BY job_id) newest ON newest.log_id = l.log_id";
		$messages = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $job_ids ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$messages[ (int) $row['job_id'] ] = (string) $row['message'];
		}
		return $messages;
	}

	/**
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private function where( LogQuery $query ): array {
		global $wpdb;
		$clauses = array( 'job_id = %d' );
		$values  = array( $query->job_id );
		if ( $query->levels ) {
			$clauses[] = 'level IN (' . implode( ', ', array_fill( 0, count( $query->levels ), '%s' ) ) . ')';
			foreach ( $query->levels as $level ) {
				$values[] = $level->value;
			}
		}
		if ( '' !== $query->search ) {
			$like      = '%' . $wpdb->esc_like( $query->search ) . '%';
			$clauses[] = '(message LIKE %s OR step LIKE %s)';
			array_push( $values, $like, $like );
		}
		if ( null !== $query->after ) {
			$clauses[] = 'log_id > %d';
			$values[]  = $query->after;
		}
		if ( null !== $query->before ) {
			$clauses[] = 'log_id < %d';
			$values[]  = $query->before;
		}
		return array( implode( ' AND ', $clauses ), $values );
	}
}
