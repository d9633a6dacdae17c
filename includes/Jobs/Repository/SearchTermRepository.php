<?php
/**
 * Turns a search term into exact values the jobs table is indexed by: the pipelines and flows whose
 * names match, and the stored statuses and status reasons whose reason matches. Reading the (few)
 * distinct values is cheap; scanning millions of jobs with LIKE '%term%' is not.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class SearchTermRepository {

	/**
	 * Beyond this many distinct values of a column, matching falls back to LIKE on the jobs table.
	 */
	public const MAX_DISTINCT = 5000;

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
