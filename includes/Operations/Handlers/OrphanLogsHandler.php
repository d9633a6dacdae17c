<?php
/**
 * Removes log lines whose job no longer exists.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Jobs\JobFormatter;
use DMJobs\Logs\Repository\JobLogCleanupRepository;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\OperationHandler;

defined( 'ABSPATH' ) || exit;

final class OrphanLogsHandler implements OperationHandler {

	public function __construct( private readonly JobLogCleanupRepository $logs = new JobLogCleanupRepository() ) {
	}

	public function default_batch_size(): int {
		return 2000;
	}

	public function snapshot( array $params ): int {
		return $this->logs->max_id();
	}

	public function count( array $params, int $max_id ): int {
		return $this->logs->count_orphans( $max_id );
	}

	public function preview( array $params, int $max_id ): array {
		return array(
			'count'       => $this->logs->count_orphans( $max_id ),
			'sample_kind' => 'logs',
			'sample'      => array_map(
				static fn ( array $row ): array => array(
					'log_id'     => (int) $row['log_id'],
					'job_id'     => (int) $row['job_id'],
					'level'      => (string) $row['level'],
					'message'    => (string) $row['message'],
					'created_at' => JobFormatter::iso_utc( $row['created_at'] ),
				),
				$this->logs->orphan_sample( $max_id, JobDeleteHandler::SAMPLE_SIZE )
			),
			'details'     => array( 'logs_table_present' => $this->logs->table_exists() ),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		$ids = $this->logs->orphan_ids( $cursor, $max_id, $batch_size );
		if ( ! $ids ) {
			return BatchResult::finished( $cursor );
		}
		$deleted = $this->logs->delete_orphans( $ids );
		return new BatchResult( (int) end( $ids ), count( $ids ), $deleted, count( $ids ) < $batch_size, array( 'skipped' => count( $ids ) - $deleted ) );
	}
}
