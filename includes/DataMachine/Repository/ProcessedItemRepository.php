<?php
/**
 * Writes rows of {prefix}dm_processed_items.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class ProcessedItemRepository {

	/**
	 * @param array<int, array{flow_step_id: string, source_type: string, item_identifier: string, job_id: int, processed_timestamp: string}> $items
	 */
	public function insert_many( array $items, int $rows_per_statement = 200 ): void {
		global $wpdb;
		foreach ( array_chunk( $items, $rows_per_statement ) as $chunk ) {
			$placeholders = array();
			$values       = array();
			foreach ( $chunk as $item ) {
				$placeholders[] = '(%s, %s, %s, %d, %s)';
				array_push( $values, $item['flow_step_id'], $item['source_type'], $item['item_identifier'], $item['job_id'], $item['processed_timestamp'] );
			}
			$sql = 'INSERT INTO ' . TableNames::processed_items() . ' (flow_step_id, source_type, item_identifier, job_id, processed_timestamp) VALUES ' . implode( ', ', $placeholders );
			if ( false === $wpdb->query( $wpdb->prepare( $sql, $values ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				throw new \RuntimeException( 'Could not insert processed items: ' . $wpdb->last_error );
			}
		}
	}
}
