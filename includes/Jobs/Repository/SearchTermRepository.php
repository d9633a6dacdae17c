<?php
/**
 * The search filter's SQL: turns a search term into exact values the jobs table is indexed by (the
 * pipelines and flows whose names match, the stored statuses and status reasons whose reason matches,
 * today's labels) and those into one condition. Reading the (few) distinct values is cheap; scanning
 * millions of jobs with LIKE '%term%' is not.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\LabelDictionary;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class SearchTermRepository {

	/**
	 * Beyond this many distinct values of a column, matching falls back to LIKE on the jobs table.
	 */
	public const MAX_DISTINCT = 5000;

	/**
	 * Object cache group for search terms resolved within the current request (non-persistent).
	 */
	public const CACHE_GROUP = 'dm_jobs_search';

	/**
	 * @param LabelDictionary|null $labels The labels table search reads (today's generation on MySQL/MariaDB).
	 */
	public function __construct( private readonly ?LabelDictionary $labels = null ) {
	}

	/**
	 * The IDs of the pipelines and flows whose names contain the term (once per request).
	 *
	 * @return array{pipeline_ids: int[], flow_ids: int[]}
	 */
	public function names_containing( string $term ): array {
		$named = wp_cache_get( 'names:' . $term, self::CACHE_GROUP );
		if ( ! is_array( $named ) ) {
			$named = array(
				'pipeline_ids' => $this->pipeline_ids_named_like( $term ),
				'flow_ids'     => $this->flow_ids_named_like( $term ),
			);
			wp_cache_set( 'names:' . $term, $named, self::CACHE_GROUP );
		}
		return $named;
	}

	/**
	 * A job ID, or text in a pipeline name, flow name, status reason or label, as a condition on the
	 * jobs table (alias j) matched through exact, indexed values, so no LIKE '%…%' runs over it.
	 *
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	public function condition( string $term ): array {
		// Resolved once per request (the page and its count ask alike); the names and reasons it lists
		// change between requests, so the group is never kept in a persistent object cache.
		$resolved = wp_cache_get( 'term:' . $term, self::CACHE_GROUP );
		if ( ! is_array( $resolved ) ) {
			$resolved = $this->resolve( $term );
			wp_cache_set( 'term:' . $term, $resolved, self::CACHE_GROUP );
		}
		return $resolved;
	}

	/**
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private function resolve( string $term ): array {
		global $wpdb;
		$conditions = array();
		$values     = array();
		$id         = JobColumns::id_placeholder();
		$named      = $this->names_containing( $term );
		$lists      = array(
			'j.pipeline_id'                       => array( $id, array_map( array( JobColumns::class, 'id_value' ), $named['pipeline_ids'] ) ),
			'j.flow_id'                           => array( $id, array_map( array( JobColumns::class, 'id_value' ), $named['flow_ids'] ) ),
			'j.status'                            => array( '%s', $this->statuses_with_reason_like( $term ) ),
			JobColumns::status_reason_sql( 'j.' ) => array( '%s', $this->reasons_like( $term ) ),
		);
		$like       = '%' . $wpdb->esc_like( $term ) . '%';
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
			$lists['j.label'] = array( '%s', $this->labels_like( $term ) );
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

	/**
	 * @return int[]
	 */
	public function pipeline_ids_named_like( string $term ): array {
		return $this->ids_named_like( TableNames::pipelines(), 'pipeline_id', 'pipeline_name', $term );
	}

	/**
	 * @return int[]
	 */
	public function flow_ids_named_like( string $term ): array {
		return $this->ids_named_like( TableNames::flows(), 'flow_id', 'flow_name', $term );
	}

	/**
	 * Stored compound statuses ("failed - timeout") whose reason contains the term, or null when the
	 * column has too many distinct values to list.
	 *
	 * @return string[]|null
	 */
	public function statuses_with_reason_like( string $term ): ?array {
		$matches = array();
		$values  = $this->distinct_values( 'status' );
		if ( null === $values ) {
			return null;
		}
		foreach ( $values as $stored ) {
			$reason = StatusParser::parse( $stored )->reason;
			if ( null !== $reason && false !== mb_stripos( $reason, $term ) ) {
				$matches[] = $stored;
			}
		}
		return $matches;
	}

	/**
	 * Values of the status_reason column that contain the term, or null when there are too many to list.
	 *
	 * @return string[]|null
	 */
	public function reasons_like( string $term ): ?array {
		$values = $this->distinct_values( 'status_reason' );
		if ( null === $values ) {
			return null;
		}
		return array_values( array_filter( $values, static fn ( string $reason ): bool => false !== mb_stripos( $reason, $term ) ) );
	}

	/**
	 * Labels (today's generation) that contain the term, or null when there are too many to list.
	 *
	 * @return string[]|null
	 */
	public function labels_like( string $term ): ?array {
		$values = $this->distinct_values( 'label' );
		if ( null === $values ) {
			return null;
		}
		return array_values( array_filter( $values, static fn ( string $label ): bool => false !== mb_stripos( $label, $term ) ) );
	}

	/**
	 * @return string[]|null
	 */
	private function distinct_values( string $column ): ?array {
		global $wpdb;
		$expression = 'status_reason' === $column ? JobColumns::status_reason_sql() : $column;
		$sql        = "SELECT DISTINCT {$expression} FROM " . TableNames::jobs() . ' LIMIT %d';
		$values = $wpdb->get_col( $wpdb->prepare( $sql, self::MAX_DISTINCT + 1 ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( count( $values ) > self::MAX_DISTINCT ) {
			return null;
		}
		return array_values( array_filter( array_map( 'strval', $values ), static fn ( string $value ): bool => '' !== $value ) );
	}

	/**
	 * @return int[]
	 */
	private function ids_named_like( string $table, string $id_column, string $name_column, string $term ): array {
		global $wpdb;
		$sql = "SELECT {$id_column} FROM {$table} WHERE {$name_column} LIKE %s";
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( $sql, '%' . $wpdb->esc_like( $term ) . '%' ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
}
