<?php
/**
 * The audit trail's own retention: removes entries older than a time.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Audit\AuditLog;
use DMJobs\Audit\Repository\AuditRepository;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\OperationHandler;

defined( 'ABSPATH' ) || exit;

final class PruneAuditHandler implements OperationHandler {

	public function __construct( private readonly AuditRepository $entries = new AuditRepository() ) {
	}

	public function default_batch_size(): int {
		return 5000;
	}

	public function snapshot( array $params ): int {
		return $this->entries->max_id();
	}

	public function count( array $params, int $max_id ): int {
		return $this->entries->count_older_than( (string) $params['cutoff'], $max_id );
	}

	public function preview( array $params, int $max_id ): array {
		$sample = array();
		foreach ( $this->entries->find_page( array( 'before' => (string) $params['cutoff'] ), 1, 0 ) as $row ) {
			$sample[] = AuditLog::format( $row );
		}
		return array(
			'count'       => $this->count( $params, $max_id ),
			'sample_kind' => 'audit',
			'sample'      => $sample,
			'details'     => array(),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		$ids = $this->entries->ids_older_than( (string) $params['cutoff'], $cursor, $max_id, $batch_size );
		if ( ! $ids ) {
			return BatchResult::finished( $cursor );
		}
		$deleted = $this->entries->delete_ids( $ids );
		return new BatchResult( (int) end( $ids ), count( $ids ), $deleted, count( $ids ) < $batch_size );
	}
}
