<?php
/**
 * Removes processed-item records (by pipeline, by flow, older than a time, or whose job is gone).
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Jobs\JobFormatter;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\OperationHandler;
use DMJobs\Operations\Repository\ProcessedItemCleanupRepository;

defined( 'ABSPATH' ) || exit;

final class ProcessedItemsHandler implements OperationHandler {

	public function __construct( private readonly ProcessedItemCleanupRepository $items = new ProcessedItemCleanupRepository() ) {
	}

	public function default_batch_size(): int {
		return 2000;
	}

	public function snapshot( array $params ): int {
		return $this->items->max_id();
	}

	public function count( array $params, int $max_id ): int {
		return $this->items->count( self::criteria( $params ), $max_id );
	}

	public function preview( array $params, int $max_id ): array {
		$criteria = self::criteria( $params );
		return array(
			'count'       => $this->items->count( $criteria, $max_id ),
			'sample_kind' => 'processed_items',
			'sample'      => array_map(
				static fn ( array $row ): array => array(
					'id'                  => (int) $row['id'],
					'flow_step_id'        => (string) $row['flow_step_id'],
					'source_type'         => (string) $row['source_type'],
					'item_identifier'     => (string) $row['item_identifier'],
					'job_id'              => (int) $row['job_id'],
					'processed_timestamp' => JobFormatter::iso_utc( $row['processed_timestamp'] ),
				),
				$this->items->sample( $criteria, $max_id, JobDeleteHandler::SAMPLE_SIZE )
			),
			'details'     => array(),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		$ids = $this->items->select_ids( self::criteria( $params ), $max_id, $cursor, $batch_size );
		if ( ! $ids ) {
			return BatchResult::finished( $cursor );
		}
		/**
		 * Fires before a batch of processed-item rows is deleted (Data Machine's caches of them are read).
		 *
		 * @param int[] $ids Row IDs about to be deleted.
		 */
		do_action( 'dm_jobs_before_delete_processed_items', $ids );
		$deleted = $this->items->delete_ids( $ids );
		/**
		 * Fires after a batch of processed-item rows was deleted.
		 *
		 * @param int[] $ids Row IDs of the batch.
		 */
		do_action( 'dm_jobs_processed_items_deleted', $ids );
		return new BatchResult( (int) end( $ids ), count( $ids ), $deleted, count( $ids ) < $batch_size, array( 'skipped' => count( $ids ) - $deleted ) );
	}

	/**
	 * @param array<string, mixed> $params
	 * @return array{pipeline_id: int|null, flow_id: int|null, before: string|null, orphaned: bool}
	 */
	private static function criteria( array $params ): array {
		return array(
			'pipeline_id' => isset( $params['pipeline_id'] ) ? (int) $params['pipeline_id'] : null,
			'flow_id'     => isset( $params['flow_id'] ) ? (int) $params['flow_id'] : null,
			'before'      => isset( $params['cutoff'] ) ? (string) $params['cutoff'] : null,
			'orphaned'    => ! empty( $params['orphaned'] ),
		);
	}
}
