<?php
/**
 * Set-based cleanup of {prefix}dm_processed_items (the "already seen" list of Data Machine's fetch
 * steps; removing a row lets that item be processed again). Batches by primary key like jobs.
 *
 * Criteria (combined with AND): flow (flow_step_id ends in "_{flow_id}"), pipeline (any of its
 * flows, from dm_flows and from its jobs), older than a time, or whose job no longer exists.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Repository;

use DMJobs\Schema\Repository\TableNames;
use DMJobs\Shared\Repository\Retry;

defined( 'ABSPATH' ) || exit;

final class ProcessedItemCleanupRepository {

	public function max_id(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT MAX(id) FROM ' . TableNames::processed_items() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param array{pipeline_id?: int|null, flow_id?: int|null, before?: string|null, orphaned?: bool} $criteria
	 */
	public function count( array $criteria, int $max_id ): int {
		global $wpdb;
		[ $where, $values ] = $this->where( $criteria, $max_id );
		$sql                = 'SELECT COUNT(*) FROM ' . TableNames::processed_items() . " i WHERE {$where}";
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param array<string, mixed> $criteria
	 * @return array<int, array<string, string|null>>
	 */
	public function sample( array $criteria, int $max_id, int $limit ): array {
		global $wpdb;
		[ $where, $values ] = $this->where( $criteria, $max_id );
		$sql                = 'SELECT i.id, i.flow_step_id, i.source_type, i.item_identifier, i.job_id, i.processed_timestamp FROM '
			. TableNames::processed_items() . " i WHERE {$where} ORDER BY i.id ASC LIMIT %d";
		$values[]           = $limit;
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param array<string, mixed> $criteria
	 * @return int[]
	 */
	public function select_ids( array $criteria, int $max_id, int $after_id, int $limit ): array {
		global $wpdb;
		[ $where, $values ] = $this->where( $criteria, $max_id );
		$sql                = 'SELECT i.id FROM ' . TableNames::processed_items() . " i WHERE {$where} AND i.id > %d ORDER BY i.id ASC LIMIT %d";
		array_push( $values, $after_id, $limit );
		return array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $sql, $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param int[] $ids
	 */
	public function delete_ids( array $ids ): int {
		global $wpdb;
		if ( ! $ids ) {
			return 0;
		}
		$sql = 'DELETE FROM ' . TableNames::processed_items() . ' WHERE id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ')';
		return Retry::query( $wpdb->prepare( $sql, $ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Flow IDs of a pipeline: its flows now, and flows its jobs ran (a deleted flow's items still count).
	 *
	 * @return int[]
	 */
	public function flow_ids_of_pipeline( int $pipeline_id ): array {
		global $wpdb;
		$sql = 'SELECT flow_id FROM ' . TableNames::flows() . ' WHERE pipeline_id = %d UNION SELECT DISTINCT flow_id FROM ' . TableNames::jobs() . ' WHERE pipeline_id = %d';
		$ids = array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $sql, $pipeline_id, $pipeline_id ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$ids = array_values( array_unique( array_filter( $ids, static fn ( int $id ): bool => $id > 0 ) ) );
		sort( $ids );
		return $ids;
	}

	/**
	 * @param array<string, mixed> $criteria
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private function where( array $criteria, int $max_id ): array {
		global $wpdb;
		$clauses = array( 'i.id <= %d' );
		$values  = array( $max_id );

		$flow_ids = array();
		if ( ! empty( $criteria['flow_id'] ) ) {
			$flow_ids = array( (int) $criteria['flow_id'] );
		}
		if ( ! empty( $criteria['pipeline_id'] ) ) {
			$of_pipeline = $this->flow_ids_of_pipeline( (int) $criteria['pipeline_id'] );
			$flow_ids    = $flow_ids ? array_values( array_intersect( $flow_ids, $of_pipeline ) ) : $of_pipeline;
			if ( ! $flow_ids ) {
				$clauses[] = '1=0';
			}
		}
		if ( $flow_ids ) {
			$suffixes = array();
			foreach ( $flow_ids as $flow_id ) {
				$suffixes[] = 'i.flow_step_id LIKE %s';
				$values[]   = '%' . $wpdb->esc_like( '_' . $flow_id );
			}
			$clauses[] = '(' . implode( ' OR ', $suffixes ) . ')';
		}
		if ( ! empty( $criteria['before'] ) ) {
			$clauses[] = 'i.processed_timestamp < %s';
			$values[]  = (string) $criteria['before'];
		}
		if ( ! empty( $criteria['orphaned'] ) ) {
			$clauses[] = 'i.job_id > 0 AND NOT EXISTS ( SELECT 1 FROM ' . TableNames::jobs() . ' j WHERE j.job_id = i.job_id )';
		}
		return array( implode( ' AND ', $clauses ), $values );
	}
}
