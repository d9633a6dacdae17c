<?php
/**
 * The queries behind the jobs list, built to stay cheap at millions of rows: the WHERE of every list
 * filter (filter_sql(), the one place a JobQuery becomes SQL), index-ordered pages, per-status and
 * per-group merges instead of whole-table sorts, capped counts, grouped counts for the count snapshot,
 * page anchors for deep pages, and a cheap signature of what changed.
 *
 * Never reads engine_data; never runs a query per row.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\Jobs\JobOrderBy;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\SortOrder;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class JobListRepository {

	/**
	 * See search_is_dense(): past this many rows to examine (the optimizer's estimate), a search is
	 * read without index merges.
	 */
	public const DENSE_SEARCH_ROWS = 20000;

	public function __construct( private readonly SearchTermRepository $terms = new SearchTermRepository() ) {
	}

	/**
	 * The WHERE clause (with placeholders) and its values for a query's filters: statuses, pipeline,
	 * flow, created-at bounds, search, and the ID bounds the lister narrows with (aliases: j = jobs; p,
	 * f = pipelines, flows, LEFT JOINed by the caller when the query has a search). Bulk actions and
	 * exports use it too, so they select exactly the rows the list shows.
	 *
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	public function filter_sql( JobQuery $query ): array {
		$clauses = array( '1=1' );
		$values  = array();

		$status_parts = array();
		if ( $query->statuses ) {
			[ $status_sql, $status_values ] = $this->status_condition( $query->statuses );
			$status_parts[]                 = $status_sql;
			array_push( $values, ...$status_values );
		}
		if ( $query->other_statuses ) {
			// Statuses DM Jobs does not know have no base status (NULL in the generated column).
			[ $names_sql, $names_values ] = StatusFilterSql::build_names( $query->other_statuses, 'j.status' );
			$status_parts[]               = JobColumns::available() ? '(j.' . JobColumns::STATUS_BASE . " IS NULL AND {$names_sql})" : $names_sql;
			array_push( $values, ...$names_values );
		}
		if ( $status_parts ) {
			$clauses[] = 1 === count( $status_parts ) ? $status_parts[0] : '(' . implode( ' OR ', $status_parts ) . ')';
		}
		if ( null !== $query->pipeline_id ) {
			$clauses[] = 'j.pipeline_id = ' . JobColumns::id_placeholder();
			$values[]  = JobColumns::id_value( $query->pipeline_id );
		}
		if ( null !== $query->flow_id ) {
			$clauses[] = 'j.flow_id = ' . JobColumns::id_placeholder();
			$values[]  = JobColumns::id_value( $query->flow_id );
		}
		if ( null !== $query->id_ranges ) {
			$clauses[] = '(j.job_id BETWEEN %d AND %d OR j.job_id >= %d)';
			array_push( $values, $query->id_ranges['from'], $query->id_ranges['to'], $query->id_ranges['above'] );
		}
		if ( null !== $query->above_id ) {
			$clauses[] = 'j.job_id > %d';
			$values[]  = $query->above_id;
		}
		if ( null !== $query->created_after ) {
			$clauses[] = 'j.created_at >= %s';
			$values[]  = $query->created_after;
		}
		if ( null !== $query->created_before ) {
			$clauses[] = 'j.created_at <= %s';
			$values[]  = $query->created_before;
		}
		if ( '' !== $query->search ) {
			$named = $this->terms->names_containing( $query->search );
			// Filtered to a pipeline or flow whose name contains the term: every job matches the search.
			$by_name = ( null !== $query->pipeline_id && in_array( $query->pipeline_id, $named['pipeline_ids'], true ) )
				|| ( null !== $query->flow_id && in_array( $query->flow_id, $named['flow_ids'], true ) );
			if ( ! $by_name ) {
				[ $search_sql, $search_values ] = $this->terms->condition( $query->search );
				$clauses[]                      = $search_sql;
				array_push( $values, ...$search_values );
			}
		}

		return array( implode( ' AND ', $clauses ), $values );
	}

	/**
	 * How many jobs match the query's filters (paging and sort ignored).
	 */
	public function count( JobQuery $query ): int {
		global $wpdb;
		[ $where, $values ] = $this->filter_sql( $query );
		$sql                = 'SELECT COUNT(*) FROM ' . TableNames::jobs() . ' j';
		if ( '' !== $query->search ) {
			$sql .= JobColumns::join_names_sql();
		}
		$sql     .= " WHERE {$where}";
		$prepared = $values ? $wpdb->prepare( $sql, $values ) : $sql; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return (int) $wpdb->get_var( $prepared ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * One page of jobs in the query's order (ties broken by job ID in the same direction).
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function find_page( JobQuery $query ): array {
		if ( ! JobColumns::uses_sqlite() ) {
			if ( $query->order_by->needs_names() ) {
				return $this->find_page_by_name_groups( $query );
			}
			if ( count( $query->statuses ) > 1 && ! $query->other_statuses && JobOrderBy::JobId === $query->order_by ) {
				return $this->find_page_merging_statuses( $query );
			}
		}
		return $this->select_page( $query, '', array(), $query->per_page, $query->offset() );
	}

	/**
	 * Jobs by ID in the list shape (for jobs the screen watches), ascending; missing IDs are absent.
	 *
	 * @param int[] $ids
	 * @return array<int, array<string, string|null>>
	 */
	public function find_by_ids( array $ids ): array {
		$ids = array_values( array_unique( array_filter( array_map( 'intval', $ids ), static fn ( int $id ): bool => $id > 0 ) ) );
		return $this->find_by_ids_in_order( $ids, SortOrder::Asc );
	}

	/**
	 * Rows from a known job ID on, ascending: how deep pages of the unfiltered list are read
	 * without scanning every row above them.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function find_from_anchor( int $anchor_id, int $skip, int $limit ): array {
		global $wpdb;
		$sql = 'SELECT ' . JobColumns::list_columns() . $this->from_with_names() . ' WHERE j.job_id >= %d ORDER BY j.job_id ASC LIMIT %d OFFSET %d';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $anchor_id, $limit, $skip ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * One page in job-ID order and the exact number of matches, from one read of every match (a window
	 * count), where a count and a separate page query would read the same rows twice. Meant for filters
	 * the database expects to examine few rows for: it reads and sorts every match. Needs window
	 * functions (MariaDB 10.2, MySQL 8).
	 *
	 * @return array{0: array<int, array<string, string|null>>, 1: int}|null The page and the total; null
	 *         without window functions, or when the page lies past the last match (the total is unknown then).
	 */
	public function find_page_with_total( JobQuery $query ): ?array {
		global $wpdb;
		if ( ! self::has_window_functions() ) {
			return null;
		}
		[ $where, $values ] = $this->filter_sql( $query );
		array_push( $values, $query->per_page, $query->offset() );
		$sql  = self::without_index_intersection( 'SELECT j.job_id, COUNT(*) OVER () AS matches FROM ' . TableNames::jobs() . " j WHERE {$where} ORDER BY j.job_id {$query->order->sql()} LIMIT %d OFFSET %d", $this->search_is_dense( $query ) );
		$rows = (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_N ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( ! $rows ) {
			return null;
		}
		$ids = array_map( static fn ( array $row ): int => (int) $row[0], $rows );
		return array( $this->find_by_ids_in_order( $ids, $query->order ), (int) $rows[0][1] );
	}

	private static function has_window_functions(): bool {
		global $wpdb;
		if ( JobColumns::uses_sqlite() ) {
			return false;
		}
		$minimum = str_contains( strtolower( (string) $wpdb->db_server_info() ), 'mariadb' ) ? '10.2' : '8.0';
		return version_compare( (string) $wpdb->db_version(), $minimum, '>=' );
	}

	/**
	 * How many jobs match, counting no further than $cap + 1 (so "more than $cap" is cheap to learn).
	 *
	 * @param JobQuery $query           Filters.
	 * @param int      $cap             Count up to $cap + 1.
	 * @param string   $extra_condition A further condition built by this class (no placeholders).
	 */
	public function count_up_to( JobQuery $query, int $cap, string $extra_condition = '' ): int {
		global $wpdb;
		[ $where, $values ] = $this->filter_sql( $query );
		if ( '' !== $extra_condition ) {
			$where .= " AND {$extra_condition}";
		}
		$values[] = $cap + 1;
		$sql      = self::without_index_intersection( 'SELECT COUNT(*) FROM (SELECT 1 FROM ' . TableNames::jobs() . " j WHERE {$where} LIMIT %d) capped", $this->search_is_dense( $query ) );
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * MySQL/MariaDB like to intersect two single-column indexes (status ∩ pipeline_id) and sort the
	 * result, which is far slower here than walking one index in job-ID order. Turn that off for one
	 * statement: MariaDB's SET STATEMENT, MySQL's optimizer hint (a comment elsewhere).
	 *
	 * For a search that matches many jobs ($dense_search, see search_is_dense()) index merges are off
	 * altogether: the optimizer would otherwise read every match through the indexes of the search's
	 * terms (a union) and sort them, where one index of the other filters, or the primary key in job-ID
	 * order, finds a page after a few rows. A search that matches few jobs keeps the union.
	 *
	 * Applied to the SQL template before prepare(): nothing is ever spliced into prepared SQL.
	 *
	 * @param string $sql          A SELECT template of our own (with placeholders), not yet prepared.
	 * @param bool   $dense_search Whether the statement holds a search that matches many jobs.
	 */
	private static function without_index_intersection( string $sql, bool $dense_search = false ): string {
		global $wpdb;
		if ( JobColumns::uses_sqlite() ) {
			return $sql;
		}
		if ( str_contains( strtolower( (string) $wpdb->db_server_info() ), 'mariadb' ) ) {
			return "SET STATEMENT optimizer_switch='index_merge_intersection=off" . ( $dense_search ? ',index_merge=off' : '' ) . "' FOR " . $sql;
		}
		return (string) preg_replace( '/^SELECT /', 'SELECT /*+ NO_INDEX_MERGE(j) */ ', $sql, 1 );
	}

	/**
	 * The database's own estimate of how many rows match (MySQL's EXPLAIN; null where unavailable).
	 */
	public function estimate_matching( JobQuery $query ): ?int {
		global $wpdb;
		if ( JobColumns::uses_sqlite() ) {
			return null;
		}
		[ $where, $values ] = $this->filter_sql( $query );
		$sql                = 'EXPLAIN SELECT 1 FROM ' . TableNames::jobs() . " j WHERE {$where}";
		$sql                = $values ? $wpdb->prepare( $sql, $values ) : $sql; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		// The page and its total ask alike within a request.
		$key      = 'explain:' . md5( $sql );
		$estimate = wp_cache_get( $key, SearchTermRepository::CACHE_GROUP );
		if ( ! is_array( $estimate ) ) {
			$plan     = $wpdb->get_row( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$estimate = array( isset( $plan['rows'] ) ? (int) $plan['rows'] : null );
			wp_cache_set( $key, $estimate, SearchTermRepository::CACHE_GROUP );
		}
		return $estimate[0];
	}

	/**
	 * Whether a search (with the query's other filters) matches so many jobs that reading every match
	 * through the indexes of its terms and sorting them (which the optimizer prefers for an OR of
	 * indexed terms, at any size) is slower than any single index or the primary key in job-ID order.
	 * The optimizer's own estimate of the rows its plan examines. MySQL/MariaDB only.
	 */
	private function search_is_dense( JobQuery $query ): bool {
		if ( '' === $query->search || JobColumns::uses_sqlite() ) {
			return false;
		}
		return ( $this->estimate_matching( $query ) ?? 0 ) > self::DENSE_SEARCH_ROWS;
	}

	/**
	 * Job counts per base status, per pipeline and per flow in one grouped read, optionally only above a
	 * job ID, up to one, or for given IDs.
	 *
	 * @param int|null $above_id Only jobs with a higher ID.
	 * @param int[]    $only_ids Only these jobs (when not empty).
	 * @param int|null $up_to_id Only jobs with this ID or lower.
	 * @return array{status: array<string, int>, pipeline_id: array<string, int>, flow_id: array<string, int>} group value => count
	 */
	public function count_groups( ?int $above_id = null, array $only_ids = array(), ?int $up_to_id = null ): array {
		global $wpdb;
		$where  = array( '1=1' );
		$values = array();
		if ( null !== $above_id ) {
			$where[]  = 'job_id > %d';
			$values[] = $above_id;
		}
		if ( null !== $up_to_id ) {
			$where[]  = 'job_id <= %d';
			$values[] = $up_to_id;
		}
		if ( $only_ids ) {
			$where[] = 'job_id IN (' . implode( ', ', array_fill( 0, count( $only_ids ), '%d' ) ) . ')';
			array_push( $values, ...$only_ids );
		}
		$indexed = JobColumns::available();
		$base    = $indexed ? JobColumns::STATUS_BASE : 'status';
		// Statuses DM Jobs does not know have no base status: they are counted by their own name.
		$unknown = $indexed ? 'CASE WHEN ' . JobColumns::STATUS_BASE . ' IS NULL THEN status END' : 'NULL';
		$sql     = "SELECT {$base} AS base, {$unknown} AS unknown, pipeline_id, flow_id, COUNT(*) AS total FROM " . TableNames::jobs() . ' WHERE ' . implode( ' AND ', $where ) . ' GROUP BY base, unknown, pipeline_id, flow_id';
		$rows    = (array) $wpdb->get_results( $values ? $wpdb->prepare( $sql, $values ) : $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared

		$counts = array(
			'status'      => array(),
			'pipeline_id' => array(),
			'flow_id'     => array(),
		);
		foreach ( $rows as $row ) {
			$total = (int) $row['total'];
			$parsed = StatusParser::parse( (string) ( $indexed ? $row['unknown'] : $row['base'] ) );
			$status = $indexed && null !== $row['base'] ? (string) $row['base'] : $parsed->base_value();
			if ( ! $indexed || null !== $row['base'] || ! $parsed->is_known() ) {
				$counts['status'][ $status ] = ( $counts['status'][ $status ] ?? 0 ) + $total;
			}
			$counts['pipeline_id'][ (string) $row['pipeline_id'] ] = ( $counts['pipeline_id'][ (string) $row['pipeline_id'] ] ?? 0 ) + $total;
			$counts['flow_id'][ (string) $row['flow_id'] ]         = ( $counts['flow_id'][ (string) $row['flow_id'] ] ?? 0 ) + $total;
		}
		return $counts;
	}

	/**
	 * IDs of jobs that are still pending or processing (few on a healthy site), optionally only
	 * within a job-ID range (above_id < job_id <= up_to_id).
	 *
	 * @return int[]
	 */
	public function open_job_ids( int $limit, ?int $above_id = null, ?int $up_to_id = null ): array {
		global $wpdb;
		[ $condition, $values ] = $this->status_condition( StatusFilterSql::active_statuses() );
		if ( null !== $above_id ) {
			$condition .= ' AND j.job_id > %d';
			$values[]   = $above_id;
		}
		if ( null !== $up_to_id ) {
			$condition .= ' AND j.job_id <= %d';
			$values[]   = $up_to_id;
		}
		$values[] = $limit;
		$sql      = 'SELECT j.job_id FROM ' . TableNames::jobs() . " j WHERE {$condition} ORDER BY j.job_id ASC LIMIT %d";
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( $sql, $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * A cheap fingerprint of the table's moving parts: the newest job, the newest completion, and
	 * which jobs are open in which status. It changes when a job is added, starts, finishes or fails.
	 *
	 * @return array{max_id: int, max_completed_at: string, open_count: int, open_sum: string}
	 */
	public function change_signature(): array {
		global $wpdb;
		[ $condition, $values ] = $this->status_condition( StatusFilterSql::active_statuses() );
		$jobs                   = TableNames::jobs();
		$open                   = $wpdb->get_row(
			$wpdb->prepare( "SELECT COUNT(*) AS open_count, COALESCE(SUM(j.job_id + LENGTH(j.status)), 0) AS open_sum FROM {$jobs} j WHERE {$condition}", $values ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		return array(
			'max_id'           => (int) $wpdb->get_var( "SELECT MAX(job_id) FROM {$jobs}" ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			'max_completed_at' => (string) $wpdb->get_var( "SELECT MAX(completed_at) FROM {$jobs}" ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			'open_count'       => (int) ( $open['open_count'] ?? 0 ),
			'open_sum'         => (string) ( $open['open_sum'] ?? '0' ),
		);
	}

	public function max_id(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT MAX(job_id) FROM ' . TableNames::jobs() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Roughly how many rows the jobs table holds, without counting them (MySQL's table statistics;
	 * an exact count on SQLite).
	 */
	public function estimate_total_rows(): ?int {
		global $wpdb;
		if ( JobColumns::uses_sqlite() ) {
			return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . TableNames::jobs() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		$rows = $wpdb->get_var( $wpdb->prepare( 'SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s', TableNames::jobs() ) );
		return null === $rows ? null : (int) $rows;
	}

	/**
	 * The earliest and latest created_at of jobs with $from <= job_id < $until (a primary-key range).
	 *
	 * @return array{min: string|null, max: string|null}
	 */
	public function created_at_range( int $from, int $until ): array {
		global $wpdb;
		$sql = 'SELECT MIN(created_at) AS min_created, MAX(created_at) AS max_created FROM ' . TableNames::jobs() . ' WHERE job_id >= %d AND job_id < %d';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $from, $until ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array(
			'min' => $row['min_created'] ?? null,
			'max' => $row['max_created'] ?? null,
		);
	}

	public function min_id(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT MIN(job_id) FROM ' . TableNames::jobs() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The ID $step rows above $after_id (ascending), or null when fewer rows remain.
	 */
	public function id_after( int $after_id, int $step ): ?int {
		global $wpdb;
		$sql = 'SELECT job_id FROM ' . TableNames::jobs() . ' WHERE job_id > %d ORDER BY job_id ASC LIMIT 1 OFFSET %d';
		$id  = $wpdb->get_var( $wpdb->prepare( $sql, $after_id, $step - 1 ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return null === $id ? null : (int) $id;
	}

	/**
	 * How many jobs have an ID above $job_id (a short primary-key range for recent IDs).
	 */
	public function count_above( int $job_id ): int {
		global $wpdb;
		$sql = 'SELECT COUNT(*) FROM ' . TableNames::jobs() . ' WHERE job_id > %d';
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Pages ordered by pipeline or flow name without sorting the table: walk the (few) names in order
	 * and read each name's jobs through the pipeline_id / flow_id index, skipping whole groups by count.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	private function find_page_by_name_groups( JobQuery $query ): array {
		global $wpdb;
		$by_flow = JobOrderBy::Flow === $query->order_by;
		$column  = $by_flow ? 'flow_id' : 'pipeline_id';
		$groups  = $this->name_groups( $by_flow, $query->order );
		$skip    = $query->offset();
		$need    = $query->per_page;
		$rows    = array();

		foreach ( $groups as $ids ) {
			$in    = JobColumns::id_in_sql( 'j.' . $column, $ids );
			$count = null;
			if ( $skip > 0 ) {
				$count = $this->count_up_to( $query, $skip, $in );
				if ( $count <= $skip ) {
					$skip -= $count;
					continue;
				}
			}
			$found = $this->select_group_page( $query, JobColumns::id_conditions_sql( 'j.' . $column, $ids ), $need, $skip );
			$rows  = array_merge( $rows, $found );
			$need -= count( $found );
			$skip  = 0;
			if ( $need <= 0 ) {
				break;
			}
		}
		return $rows;
	}

	/**
	 * A page of the jobs of one name group (several IDs share a name; unnamed ones, NULL and "direct"
	 * too) in job-ID order: one index-ordered read per stored value, merged, instead of reading every
	 * job of the group and sorting them.
	 *
	 * @param string[] $conditions One condition per stored value (JobColumns::id_conditions_sql()).
	 * @return array<int, array<string, string|null>>
	 */
	private function select_group_page( JobQuery $query, array $conditions, int $limit, int $offset ): array {
		global $wpdb;
		if ( count( $conditions ) < 2 ) {
			return $this->select_page( $query, $conditions[0] ?? '1=0', array(), $limit, $offset, JobOrderBy::JobId );
		}
		[ $where, $where_values ] = $this->filter_sql( $query );
		$order                    = $query->order->sql();
		$parts                    = array();
		$values                   = array();
		foreach ( $conditions as $condition ) {
			$parts[] = '(SELECT j.job_id FROM ' . TableNames::jobs() . " j WHERE {$where} AND {$condition} ORDER BY j.job_id {$order} LIMIT %d)";
			array_push( $values, ...$where_values );
			$values[] = $offset + $limit;
		}
		array_push( $values, $limit, $offset );
		$ids_sql = self::without_index_intersection( 'SELECT job_id FROM (' . implode( ' UNION ALL ', $parts ) . ") merged ORDER BY job_id {$order} LIMIT %d OFFSET %d", $this->search_is_dense( $query ) );
		$ids     = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( $ids_sql, $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( ! $ids ) {
			return array();
		}
		$sql = 'SELECT ' . JobColumns::list_columns() . $this->from_with_names()
			. ' WHERE j.job_id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ") ORDER BY j.job_id {$order}";
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $ids ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * IDs grouped by name, in the order the list shows them. IDs that jobs reference but whose
	 * pipeline/flow is gone have no name: like NULL in SQL, they come first ascending, last descending.
	 *
	 * @return array<int, int[]>
	 */
	private function name_groups( bool $flows, SortOrder $order ): array {
		global $wpdb;
		$table  = $flows ? TableNames::flows() : TableNames::pipelines();
		$id     = $flows ? 'flow_id' : 'pipeline_id';
		$name   = $flows ? 'flow_name' : 'pipeline_name';
		$named  = (array) $wpdb->get_results( "SELECT {$id} AS id, {$name} AS name FROM {$table} ORDER BY {$name} ASC, {$id} ASC", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		// Today's generation also stores "direct" and NULL (no saved pipeline/flow): they join the unnamed group as 0.
		$used   = array_map( 'intval', $wpdb->get_col( "SELECT DISTINCT {$id} FROM " . TableNames::jobs() ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$known  = array();
		$groups = array();
		foreach ( $named as $row ) {
			$known[ (int) $row['id'] ]         = true;
			$groups[ (string) $row['name'] ][] = (int) $row['id'];
		}
		$orphans = array_values( array_filter( $used, static fn ( int $used_id ): bool => ! isset( $known[ $used_id ] ) ) );
		$ordered = array_values( $groups );
		if ( $orphans ) {
			array_unshift( $ordered, $orphans );
		}
		return SortOrder::Desc === $order ? array_reverse( $ordered ) : $ordered;
	}

	/**
	 * A page filtered to several base statuses and ordered by job ID: one index-ordered read per status,
	 * merged, instead of sorting every matching row.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	private function find_page_merging_statuses( JobQuery $query ): array {
		global $wpdb;
		$limit  = $query->offset() + $query->per_page;
		$parts  = array();
		$values = array();
		foreach ( $query->statuses as $status ) {
			$single                   = $query->with_statuses( array( $status ) );
			[ $where, $where_values ] = $this->filter_sql( $single );
			$parts[]                  = '(SELECT j.job_id FROM ' . TableNames::jobs() . " j WHERE {$where} ORDER BY j.job_id {$query->order->sql()} LIMIT %d)";
			array_push( $values, ...$where_values );
			$values[] = $limit;
		}
		$values[] = $query->per_page;
		$values[] = $query->offset();
		$ids_sql  = self::without_index_intersection( 'SELECT job_id FROM (' . implode( ' UNION ALL ', $parts ) . ") merged ORDER BY job_id {$query->order->sql()} LIMIT %d OFFSET %d", $this->search_is_dense( $query ) );
		$ids      = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( $ids_sql, $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return $this->find_by_ids_in_order( $ids, $query->order );
	}

	/**
	 * Jobs by ID in the list shape, in job-ID order.
	 *
	 * @param int[] $ids
	 * @return array<int, array<string, string|null>>
	 */
	private function find_by_ids_in_order( array $ids, SortOrder $order ): array {
		global $wpdb;
		if ( ! $ids ) {
			return array();
		}
		$sql = 'SELECT ' . JobColumns::list_columns() . $this->from_with_names()
			. ' WHERE j.job_id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ") ORDER BY j.job_id {$order->sql()}";
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $ids ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param string            $extra_condition An extra SQL condition built by this class (no placeholders).
	 * @param array<int, mixed> $extra_values    Unused placeholder values for it.
	 * @return array<int, array<string, string|null>>
	 */
	private function select_page( JobQuery $query, string $extra_condition, array $extra_values, int $limit, int $offset, ?JobOrderBy $order_by = null ): array {
		global $wpdb;
		[ $where, $values ] = $this->filter_sql( $query );
		if ( '' !== $extra_condition ) {
			$where .= " AND {$extra_condition}";
			array_push( $values, ...$extra_values );
		}
		$order_by = $order_by ?? $query->order_by;
		$order    = $query->order->sql();
		$sort     = $this->order_column( $order_by ) . " {$order}";
		if ( JobOrderBy::JobId !== $order_by ) {
			$sort .= ", j.job_id {$order}";
		}
		// Three fragments, composed: the prepared filter, the sort expression (from a fixed map; it may
		// hold literal LIKE patterns, so it never goes through prepare()), and the prepared page bounds.
		// No value is ever searched or replaced in prepared SQL.
		$select = self::without_index_intersection( 'SELECT ' . JobColumns::list_columns() . $this->from_with_names() . " WHERE {$where}", $this->search_is_dense( $query ) );
		$sql    = ( $values ? $wpdb->prepare( $select, $values ) : $select ) // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			. ' ORDER BY ' . $sort . ' '
			. $wpdb->prepare( 'LIMIT %d OFFSET %d', $limit, $offset );
		return (array) $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	private function from_with_names(): string {
		return ' FROM ' . TableNames::jobs() . ' j'
			. JobColumns::join_names_sql();
	}

	private function order_column( JobOrderBy $order_by ): string {
		return match ( $order_by ) {
			JobOrderBy::JobId       => 'j.job_id',
			JobOrderBy::CreatedAt   => 'j.created_at',
			JobOrderBy::CompletedAt => 'j.completed_at',
			JobOrderBy::Status      => JobColumns::available() ? 'j.' . JobColumns::STATUS_BASE : JobColumns::status_base_expression( 'j.status' ),
			JobOrderBy::Pipeline    => 'p.pipeline_name',
			JobOrderBy::Flow        => 'f.flow_name',
			JobOrderBy::Duration    => JobColumns::available() ? 'j.' . JobColumns::DURATION : JobColumns::duration_expression( 'j.' ),
		};
	}

	/**
	 * @param BaseStatus[] $statuses
	 * @return array{0: string, 1: array<int, string>}
	 */
	private function status_condition( array $statuses ): array {
		if ( JobColumns::available() ) {
			$values = array_map( static fn ( BaseStatus $status ): string => $status->value, $statuses );
			return array( 'j.' . JobColumns::STATUS_BASE . ' IN (' . implode( ', ', array_fill( 0, count( $values ), '%s' ) ) . ')', $values );
		}
		return StatusFilterSql::build( $statuses, 'j.status' );
	}
}
