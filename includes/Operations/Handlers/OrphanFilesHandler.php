<?php
/**
 * Removes per-job uploads folders whose job no longer exists. Only IDs up to the highest one handed
 * out when the operation started are looked at (so a job created meanwhile is never mistaken for a
 * gone one); a folder whose job exists is never touched.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Jobs\JobFiles;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\OperationHandler;
use DMJobs\Operations\Repository\JobBulkRepository;

defined( 'ABSPATH' ) || exit;

final class OrphanFilesHandler implements OperationHandler {

	private const SCAN_CHUNK = 5000;

	public function __construct(
		private readonly JobFiles $files = new JobFiles(),
		private readonly JobBulkRepository $jobs = new JobBulkRepository(),
	) {
	}

	public function default_batch_size(): int {
		return 1000;
	}

	public function snapshot( array $params ): int {
		return $this->jobs->highest_assigned_id();
	}

	public function count( array $params, int $max_id ): int {
		return count( $this->orphans( $max_id, PHP_INT_MAX ) );
	}

	public function preview( array $params, int $max_id ): array {
		$orphans = $this->orphans( $max_id, PHP_INT_MAX );
		$sample  = array();
		foreach ( array_slice( $orphans, 0, JobDeleteHandler::SAMPLE_SIZE ) as $job_id ) {
			$sample[] = array(
				'job_id' => $job_id,
				'path'   => $this->files->dir_for( $job_id ),
				'bytes'  => $this->files->size_of( $job_id ),
			);
		}
		return array(
			'count'       => count( $orphans ),
			'sample_kind' => 'files',
			'sample'      => $sample,
			'details'     => array( 'files_dir' => $this->files->root() ),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		$ids = $this->files->job_ids_with_folders( $cursor, $max_id, $batch_size );
		if ( ! $ids ) {
			return BatchResult::finished( $cursor );
		}
		$gone    = array_values( array_diff( $ids, $this->jobs->existing_ids( $ids ) ) );
		$removed = $this->files->delete_for( $gone );
		return new BatchResult(
			(int) end( $ids ),
			count( $ids ),
			$removed['folders'],
			count( $ids ) < $batch_size,
			array( 'bytes_removed' => $removed['bytes'] )
		);
	}

	/**
	 * Job IDs (ascending) with a folder but no job, up to $limit.
	 *
	 * @return int[]
	 */
	private function orphans( int $max_id, int $limit ): array {
		$orphans = array();
		$cursor  = 0;
		do {
			$ids = $this->files->job_ids_with_folders( $cursor, $max_id, self::SCAN_CHUNK );
			if ( ! $ids ) {
				break;
			}
			foreach ( array_diff( $ids, $this->jobs->existing_ids( $ids ) ) as $job_id ) {
				if ( $this->files->has_folder( $job_id ) ) {
					$orphans[] = $job_id;
				}
			}
			$cursor = (int) end( $ids );
		} while ( count( $ids ) === self::SCAN_CHUNK && count( $orphans ) < $limit );
		return array_values( $orphans );
	}
}
