<?php
/**
 * Reads and writes rows of {prefix}dm_jobs. The list never reads engine_data and never queries per row.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\LabelDictionary;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class JobRepository {

	/**
	 * Object cache group for search terms resolved within the current request (non-persistent).
	 */
	public const SEARCH_CACHE_GROUP = 'dm_jobs_search';

	/**
	 * @param LabelDictionary|null $labels The labels table search reads (today's generation on MySQL/MariaDB).
	 */
	public function __construct( private readonly ?LabelDictionary $labels = null ) {
	}

	/**
	 * How many jobs match the query's filters (paging and sort ignored).
	 */
	public function count( JobQuery $query ): int {
		global $wpdb;
		[ $where, $values ] = $this->where( $query );
		$sql                = 'SELECT COUNT(*) FROM ' . TableNames::jobs() . ' j';
		if ( '' !== $query->search ) {
			$sql .= JobColumns::join_names_sql();
		}
		$sql .= " WHERE {$where}";
		$prepared = $values ? $wpdb->prepare( $sql, $values ) : $sql; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return (int) $wpdb->get_var( $prepared ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * One job with its names and its engine_data.
	 *
	 * @return array<string, string|null>|null
	 */
	public function find( int $job_id ): ?array {
		global $wpdb;
		$sql = 'SELECT ' . JobColumns::list_columns( true ) . ' FROM ' . TableNames::jobs() . ' j'
			. JobColumns::join_names_sql()
			. ' WHERE j.job_id = %d';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $job_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * @param array{pipeline_id: int, flow_id: int, status: string, status_reason?: string|null, engine_data?: string|null, created_at: string, completed_at?: string|null} $job
	 * @return int The new job ID.
	 */
	public function insert( array $job ): int {
		global $wpdb;
		$row     = array(
			'pipeline_id'  => JobColumns::id_value( (int) $job['pipeline_id'] ),
			'flow_id'      => JobColumns::id_value( (int) $job['flow_id'] ),
			'status'       => $job['status'],
			'engine_data'  => $job['engine_data'] ?? null,
			'created_at'   => $job['created_at'],
			'completed_at' => $job['completed_at'] ?? null,
		);
		$formats = array( JobColumns::id_placeholder(), JobColumns::id_placeholder(), '%s', '%s', '%s', '%s' );
		if ( JobColumns::status_reason_writable() ) {
			$row['status_reason'] = $job['status_reason'] ?? null;
			$formats[]            = '%s';
		} else {
			$row['engine_data'] = $this->engine_data_with_reason( $row['engine_data'], $job['status_reason'] ?? null );
		}
		if ( in_array( 'source', Adapters::current()->extra_job_columns(), true ) ) {
			// As Data Machine's Jobs::create_job() writes a job of a saved flow.
			$row['source']  = 'pipeline';
			$row['user_id'] = get_current_user_id();
			$formats[]      = '%s';
			$formats[]      = '%d';
			if ( isset( $job['label'] ) ) {
				$row['label'] = mb_substr( (string) $job['label'], 0, 255 );
				$formats[]    = '%s';
			}
		}
		$inserted = $wpdb->insert( TableNames::jobs(), $row, $formats );
		if ( false === $inserted ) {
			throw new \RuntimeException( 'Could not insert the job: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * Inserts many jobs in multi-row statements (for demo data and benchmarks).
	 *
	 * @param array<int, array{pipeline_id: int, flow_id: int, status: string, engine_data: string|null, created_at: string, completed_at: string|null}> $jobs
	 */
	public function insert_many( array $jobs, int $rows_per_statement = 200 ): void {
		global $wpdb;
		foreach ( array_chunk( $jobs, $rows_per_statement ) as $chunk ) {
			$placeholders = array();
			$values       = array();
			foreach ( $chunk as $job ) {
				$placeholders[] = '(%d, %d, %s, %s, %s, ' . ( null === $job['completed_at'] ? 'NULL' : '%s' ) . ')';
				array_push( $values, $job['pipeline_id'], $job['flow_id'], $job['status'], $job['engine_data'] ?? '', $job['created_at'] );
				if ( null !== $job['completed_at'] ) {
					$values[] = $job['completed_at'];
				}
			}
			$sql = 'INSERT INTO ' . TableNames::jobs() . ' (pipeline_id, flow_id, status, engine_data, created_at, completed_at) VALUES ' . implode( ', ', $placeholders );
			if ( false === $wpdb->query( $wpdb->prepare( $sql, $values ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				throw new \RuntimeException( 'Could not insert jobs: ' . $wpdb->last_error );
			}
		}
	}

	/**
	 * Sets a job's status, reason, completion time and (optionally) its engine_data.
	 */
	public function update_status( int $job_id, string $status, ?string $reason, ?string $completed_at, ?string $engine_data = null ): bool {
		global $wpdb;
		$fields  = array(
			'status'       => $status,
			'completed_at' => $completed_at,
		);
		$formats = array( '%s', '%s' );
		if ( JobColumns::status_reason_writable() ) {
			$fields['status_reason'] = $reason;
			$formats[]               = '%s';
		} else {
			// Today's Data Machine stores the base status and keeps the reason in engine_data.job_status_reason.
			$current     = null === $engine_data ? $wpdb->get_var( $wpdb->prepare( 'SELECT engine_data FROM ' . TableNames::jobs() . ' WHERE job_id = %d', $job_id ) ) : $engine_data; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$engine_data = $this->engine_data_with_reason( null === $current ? null : (string) $current, $reason );
		}
		if ( null !== $engine_data ) {
			$fields['engine_data'] = $engine_data;
			$formats[]             = '%s';
		}
		$updated = $wpdb->update( TableNames::jobs(), $fields, array( 'job_id' => $job_id ), $formats, array( '%d' ) );
		if ( false === $updated ) {
			throw new \RuntimeException( 'Could not update the job: ' . $wpdb->last_error );
		}
		return $updated > 0;
	}

	/**
	 * engine_data with job_status_reason set (or removed for no reason), the way Data Machine's
	 * Jobs::engine_data_with_status_reason() keeps it. Data that is not a JSON object is left alone.
	 */
	private function engine_data_with_reason( ?string $engine_data, ?string $reason ): ?string {
		$key     = (string) Adapters::current()->status_reason_key();
		$decoded = null === $engine_data || '' === $engine_data ? array() : json_decode( $engine_data, true );
		if ( ! is_array( $decoded ) ) {
			return $engine_data;
		}
		if ( null === $reason || '' === $reason ) {
			if ( ! array_key_exists( $key, $decoded ) ) {
				return $engine_data;
			}
			unset( $decoded[ $key ] );
		} else {
			$decoded[ $key ] = $reason;
		}
		return (string) wp_json_encode( $decoded );
	}

	/**
	 * The IDs of a job's fan-out children (today's generation: parent_job_id), lowest first, and how
	 * many there are; empty where the generation has no parent_job_id.
	 *
	 * @return array{ids: int[], count: int}
	 */
	public function children( int $job_id, int $limit ): array {
		global $wpdb;
		if ( ! in_array( 'parent_job_id', Adapters::current()->extra_job_columns(), true ) ) {
			return array(
				'ids'   => array(),
				'count' => 0,
			);
		}
		$table = TableNames::jobs();
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT job_id FROM {$table} WHERE parent_job_id = %d ORDER BY job_id ASC LIMIT %d", $job_id, $limit ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$count = count( $ids ) < $limit ? count( $ids ) : (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE parent_job_id = %d", $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array(
			'ids'   => array_map( 'intval', $ids ),
			'count' => $count,
		);
	}

	public function max_id(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT MAX(job_id) FROM ' . TableNames::jobs() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * IDs above a given ID, ascending (to find the rows a bulk insert created).
	 *
	 * @return int[]
	 */
	public function ids_after( int $job_id ): array {
		global $wpdb;
		$sql = 'SELECT job_id FROM ' . TableNames::jobs() . ' WHERE job_id > %d ORDER BY job_id ASC';
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( $sql, $job_id ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function delete( int $job_id ): bool {
		global $wpdb;
		return (bool) $wpdb->delete( TableNames::jobs(), array( 'job_id' => $job_id ), array( '%d' ) );
	}

	/**
	 * The WHERE clause of GET /jobs for a query's filters (aliases: j = jobs; p, f = pipelines, flows,
	 * LEFT JOINed by the caller when the query has a search), so bulk actions and exports select
	 * exactly the rows the list shows.
	 *
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	public function filter_sql( JobQuery $query ): array {
		return $this->where( $query );
	}

	/**
	 * The WHERE clause (with placeholders) and its values for a query's filters.
	 *
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private function where( JobQuery $query ): array {
		global $wpdb;
		$clauses = array( '1=1' );
		$values  = array();

		$status_parts = array();
		if ( $query->statuses && JobColumns::available() ) {
			$status_parts[] = 'j.' . JobColumns::STATUS_BASE . ' IN (' . implode( ', ', array_fill( 0, count( $query->statuses ), '%s' ) ) . ')';
			array_push( $values, ...array_map( static fn ( BaseStatus $status ): string => $status->value, $query->statuses ) );
		} elseif ( $query->statuses ) {
			[ $status_sql, $status_values ] = StatusFilterSql::build( $query->statuses, 'j.status' );
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
			$named = $this->names_containing( $query->search );
			// Filtered to a pipeline or flow whose name contains the term: every job matches the search.
			$by_name = ( null !== $query->pipeline_id && in_array( $query->pipeline_id, $named['pipeline_ids'], true ) )
				|| ( null !== $query->flow_id && in_array( $query->flow_id, $named['flow_ids'], true ) );
			if ( ! $by_name ) {
				[ $search_sql, $search_values ] = $this->search_condition( $query->search );
				$clauses[]                      = $search_sql;
				array_push( $values, ...$search_values );
			}
		}

		return array( implode( ' AND ', $clauses ), $values );
	}

	/**
	 * The IDs of the pipelines and flows whose names contain the term (once per request).
	 *
	 * @return array{pipeline_ids: int[], flow_ids: int[]}
	 */
	private function names_containing( string $term ): array {
		$named = wp_cache_get( 'names:' . $term, self::SEARCH_CACHE_GROUP );
		if ( ! is_array( $named ) ) {
			$terms = new SearchTermRepository();
			$named = array(
				'pipeline_ids' => $terms->pipeline_ids_named_like( $term ),
				'flow_ids'     => $terms->flow_ids_named_like( $term ),
			);
			wp_cache_set( 'names:' . $term, $named, self::SEARCH_CACHE_GROUP );
		}
		return $named;
	}

	/**
	 * A job ID, or text in a pipeline name, flow name or status reason — matched through exact,
	 * indexed values (see SearchTermRepository), so no LIKE '%…%' runs over the jobs table.
	 *
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private function search_condition( string $term ): array {
		// Resolved once per request (the page and its count ask alike); the names and reasons it lists
		// change between requests, so the group is never kept in a persistent object cache.
		$resolved = wp_cache_get( 'term:' . $term, self::SEARCH_CACHE_GROUP );
		if ( ! is_array( $resolved ) ) {
			$resolved = $this->resolve_search( $term );
			wp_cache_set( 'term:' . $term, $resolved, self::SEARCH_CACHE_GROUP );
		}
		return $resolved;
	}

	/**
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private function resolve_search( string $term ): array {
		global $wpdb;
		$terms      = new SearchTermRepository();
		$conditions = array();
		$values     = array();
		$id         = JobColumns::id_placeholder();
		$named      = $this->names_containing( $term );
		$lists      = array(
			'j.pipeline_id'                       => array( $id, array_map( array( JobColumns::class, 'id_value' ), $named['pipeline_ids'] ) ),
			'j.flow_id'                           => array( $id, array_map( array( JobColumns::class, 'id_value' ), $named['flow_ids'] ) ),
			'j.status'                            => array( '%s', $terms->statuses_with_reason_like( $term ) ),
			JobColumns::status_reason_sql( 'j.' ) => array( '%s', $terms->reasons_like( $term ) ),
		);
		$like  = '%' . $wpdb->esc_like( $term ) . '%';
		if ( LabelDictionary::usable() ) {
			// Today's generation names direct and fan-out jobs by their label (item titles: too many to
			// list per request): the labels containing the term come from DM Jobs' table of distinct
			// labels and their jobs from the label index; jobs newer than that table are matched directly
			// (listed by ID, see labels_containing()).
			// Jobs still open are matched directly as well: the only rows Data Machine still writes to.
			$labels           = ( $this->labels ?? new LabelDictionary() )->labels_containing( $term );
			$lists['j.label'] = array( '%s', $labels['labels'] );
			if ( null !== $labels['labels'] ) {
				$open         = array_map( static fn ( BaseStatus $status ): string => $status->value, StatusFilterSql::active_statuses() );
				$conditions[] = '(j.job_id > %d AND j.label LIKE %s)';
				$conditions[] = '(j.' . JobColumns::STATUS_BASE . ' IN (' . implode( ', ', array_fill( 0, count( $open ), '%s' ) ) . ') AND j.label LIKE %s)';
				array_push( $values, $labels['through'], $like, ...$open );
				$values[] = $like;
				if ( $labels['job_ids'] ) {
					$conditions[] = 'j.job_id IN (' . implode( ', ', array_fill( 0, count( $labels['job_ids'] ), '%d' ) ) . ')';
					array_push( $values, ...$labels['job_ids'] );
				}
			}
		} elseif ( in_array( 'label', Adapters::current()->extra_job_columns(), true ) ) {
			$lists['j.label'] = array( '%s', $terms->labels_like( $term ) );
		}
		foreach ( $lists as $column => [ $placeholder, $matches ] ) {
			if ( null === $matches ) {
				$conditions[] = "{$column} LIKE %s";
				$values[]     = $like;
			} elseif ( $matches ) {
				$conditions[] = "{$column} IN (" . implode( ', ', array_fill( 0, count( $matches ), $placeholder ) ) . ')';
				array_push( $values, ...$matches );
			}
		}
		if ( ctype_digit( $term ) ) {
			$conditions[] = 'j.job_id = %d';
			$values[]     = (int) $term;
		}
		return $conditions ? array( '(' . implode( ' OR ', $conditions ) . ')', $values ) : array( '1=0', array() );
	}
}
