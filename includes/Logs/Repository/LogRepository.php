<?php
/**
 * Reads and writes rows of {prefix}dm_job_logs. Every query is bounded to one job (or a list of jobs)
 * and pages by log_id, so it stays on the (job_id, …, log_id) indexes however large the table grows.
 *
 * On today's Data Machine the lines are Data Machine's own, in datamachine_logs (id, level, message,
 * context JSON with the job ID inside, created_at): they are read through the same column names (the
 * job ID from the indexed dm_job_id column we add on MySQL/MariaDB, from the JSON on SQLite; the step
 * and HTTP status from the context), so lines written before DM Jobs was activated are there too.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs\Repository;

use DMJobs\Logs\LogQuery;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class LogRepository {

	private const COLUMNS = 'log_id, job_id, level, step, message, context, http_status, truncated, created_at';

	/**
	 * @param array{job_id: int, level: string, step: string|null, message: string, context: string|null, http_status: int|null, truncated: bool, created_at: string} $line
	 * @return int The new log_id.
	 */
	public function insert( array $line ): int {
		global $wpdb;
		if ( $this->in_data_machine() ) {
			return $this->insert_into_data_machine( $line );
		}
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
			$sql                = 'SELECT log_id FROM ' . $this->source() . $this->index_hint( $bounded ) . " WHERE {$where} LIMIT 1";
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
		$sql                = 'SELECT ' . self::COLUMNS . ' FROM ' . $this->source() . $this->index_hint( $query )
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
		if ( $this->uses_sqlite() || $this->in_data_machine() ) {
			return '';
		}
		return 1 === count( $query->levels ) && '' === $query->search ? ' FORCE INDEX (job_level)' : ' FORCE INDEX (job_log)';
	}

	/**
	 * Whether this generation's lines live in Data Machine's own log table.
	 */
	public function in_data_machine(): bool {
		return null !== TableNames::data_machine_logs();
	}

	/**
	 * The lines as a table with our column names: dm_job_logs, or datamachine_logs seen through them.
	 */
	private function source( string $alias = 'dm_logs' ): string {
		$table = TableNames::data_machine_logs();
		if ( null === $table ) {
			return 'dm_logs' === $alias ? TableNames::job_logs() : TableNames::job_logs() . ' ' . $alias;
		}
		$sqlite = $this->uses_sqlite();
		$json   = static fn ( string $key ): string => $sqlite
			? "JSON_EXTRACT(context, '$.{$key}')"
			: "JSON_UNQUOTE(JSON_EXTRACT(context, '$.{$key}'))";
		$steps  = implode( ', ', array_map( $json, array( 'flow_step_id', 'pipeline_step_id', 'step_id', 'step', 'step_type' ) ) );
		$job_id = self::data_machine_job_id_expression( $sqlite, $this->has_job_id_column( $table ) );
		return "(SELECT id AS log_id, {$job_id} AS job_id, level, (CASE WHEN JSON_VALID(context) THEN COALESCE({$steps}) ELSE NULL END) AS step, message, context,"
			. " (CASE WHEN JSON_VALID(context) THEN {$json( 'http_status' )} ELSE NULL END) AS http_status, 0 AS truncated, created_at FROM {$table}) {$alias}";
	}

	/**
	 * The job ID inside a datamachine_logs context: an integer or a string of digits (exactly: 1 never
	 * matches 12), NULL otherwise. With the generated column (MySQL/MariaDB) an indexed read.
	 *
	 * @param bool $sqlite     Whether the database is SQLite.
	 * @param bool $has_column Whether the dm_job_id generated column exists.
	 */
	public static function data_machine_job_id_expression( bool $sqlite, bool $has_column = false ): string {
		if ( $has_column ) {
			return \DMJobs\DataMachine\AddedSchema::LOG_JOB_ID;
		}
		if ( $sqlite ) {
			// Exact: the value cast to a number and back is the value itself ("12abc", "direct" and 12.5 are not IDs).
			$value = "JSON_EXTRACT(context, '$.job_id')";
			return "(CASE WHEN JSON_VALID(context) AND CAST(CAST({$value} AS UNSIGNED) AS CHAR) = CAST({$value} AS CHAR) AND CAST({$value} AS UNSIGNED) > 0 THEN CAST({$value} AS UNSIGNED) ELSE NULL END)";
		}
		return "(CASE WHEN JSON_VALID(context) AND JSON_UNQUOTE(JSON_EXTRACT(context, '$.job_id')) REGEXP '^[0-9]{1,19}$' THEN CAST(JSON_UNQUOTE(JSON_EXTRACT(context, '$.job_id')) AS UNSIGNED) ELSE NULL END)";
	}

	private function has_job_id_column( string $table ): bool {
		// Migration 7 adds it and records it; a Data Machine table dropped and created again is a
		// generation change, after which the migrations run again (SchemaRepository::upgrade()).
		return ! $this->uses_sqlite() && ( new SchemaRepository() )->recorded_addition( $table, 'columns', \DMJobs\DataMachine\AddedSchema::LOG_JOB_ID );
	}

	/**
	 * A line written the way Data Machine's LogRepository::log() writes it: its levels (others become
	 * info), the context as JSON with the job ID (and our step and HTTP status) inside.
	 *
	 * @param array{job_id: int, level: string, step: string|null, message: string, context: string|null, http_status: int|null, truncated: bool, created_at: string} $line
	 */
	private function insert_into_data_machine( array $line ): int {
		global $wpdb;
		$context = null === $line['context'] ? array() : json_decode( $line['context'], true );
		$context = is_array( $context ) ? $context : array( 'context' => $line['context'] );
		$context = array( 'job_id' => $line['job_id'] ) + $context;
		if ( null !== $line['step'] && ! isset( $context['step'] ) ) {
			$context['step'] = $line['step'];
		}
		if ( null !== $line['http_status'] ) {
			$context['http_status'] = $line['http_status'];
		}
		$fields  = array(
			'level'      => in_array( $line['level'], array( 'debug', 'info', 'warning', 'error', 'critical' ), true ) ? $line['level'] : 'info',
			'message'    => $line['message'],
			'context'    => (string) wp_json_encode( $context ),
			'created_at' => $line['created_at'],
		);
		$formats = array( '%s', '%s', '%s', '%s' );
		if ( get_current_user_id() > 0 ) {
			$fields['user_id'] = get_current_user_id();
			$formats[]         = '%d';
		}
		if ( false === $wpdb->insert( (string) TableNames::data_machine_logs(), $fields, $formats ) ) {
			throw new \RuntimeException( 'Could not insert the log line: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
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
		$sql    = 'SELECT level, COUNT(*) AS line_count FROM ' . $this->source() . ' WHERE job_id = %d GROUP BY level';
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
		$sql  = 'SELECT step, COUNT(*) AS line_count, MIN(log_id) AS first_id, MAX(log_id) AS last_id FROM ' . $this->source()
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
		$sql    = 'SELECT ' . self::COLUMNS . ' FROM ' . $this->source() . ' WHERE job_id = %d';
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
	 * The newest lines of a job that recorded an HTTP status, among its newest $window lines
	 * (bounded work however long the log is).
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function find_with_http_status( int $job_id, int $limit, int $window = 10000 ): array {
		global $wpdb;
		$sql = 'SELECT ' . self::COLUMNS . ' FROM (SELECT ' . self::COLUMNS . ' FROM ' . $this->source()
			. ( $this->uses_sqlite() || $this->in_data_machine() ? '' : ' FORCE INDEX (job_log)' )
			. ' WHERE job_id = %d ORDER BY log_id DESC LIMIT %d) recent WHERE http_status IS NOT NULL ORDER BY log_id DESC LIMIT %d';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $job_id, $window, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The newest log_id of a job (0 without lines): tells whether cached summaries are still current.
	 */
	public function max_id_for_job( int $job_id ): int {
		global $wpdb;
		$sql = 'SELECT MAX(log_id) FROM ' . $this->source() . ' WHERE job_id = %d';
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
		foreach ( array_chunk( $job_ids, 2000 ) as $chunk ) {
			$in = implode( ', ', array_fill( 0, count( $chunk ), '%d' ) );
			do {
				if ( null !== $limit && $deleted >= $limit ) {
					return $deleted;
				}
				$select = 'SELECT log_id FROM ' . $this->source() . " WHERE job_id IN ({$in}) ORDER BY log_id ASC LIMIT %d";
				$ids    = array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $select, array_merge( $chunk, array( $batch ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				if ( ! $ids ) {
					break;
				}
				// A range on the primary key, still bounded to these jobs.
				if ( $this->in_data_machine() ) {
					// Data Machine's table: exactly the lines found (their job ID lives in the JSON context).
					$delete = 'DELETE FROM ' . TableNames::data_machine_logs() . ' WHERE id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ')';
					$result = $wpdb->query( $wpdb->prepare( $delete, $ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				} else {
					$delete = 'DELETE FROM ' . TableNames::job_logs() . " WHERE job_id IN ({$in}) AND log_id BETWEEN %d AND %d";
					$result = $wpdb->query( $wpdb->prepare( $delete, array_merge( $chunk, array( $ids[0], end( $ids ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				}
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
		foreach ( array_chunk( self::clean_ids( $job_ids ), 2000 ) as $chunk ) {
			$sql = 'SELECT 1 FROM ' . $this->source() . ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ') LIMIT 1';
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
		$sql = 'SELECT COUNT(*) FROM ' . $this->source() . ' WHERE job_id = %d';
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
		$sql = 'SELECT l.job_id, l.message FROM ' . $this->source( 'l' ) . ' JOIN (SELECT job_id, MAX(log_id) AS log_id FROM ' . $this->source()
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
