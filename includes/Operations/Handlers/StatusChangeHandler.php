<?php
/**
 * Moves selected jobs to a final status with a reason, in batches (e.g. stuck `processing` jobs to
 * failed or cancelled). A job whose status changed meanwhile so that it no longer matches is left
 * alone. Fires `dm_jobs_job_status_changed` for every job changed (with the list shape of the job).
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Jobs\JobFormatter;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\OperationHandler;
use DMJobs\Operations\Repository\JobBulkRepository;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class StatusChangeHandler implements OperationHandler {

	public function __construct( private readonly JobBulkRepository $jobs = new JobBulkRepository() ) {
	}

	public function default_batch_size(): int {
		return 500;
	}

	public function snapshot( array $params ): int {
		return $this->jobs->max_id();
	}

	public function count( array $params, int $max_id ): int {
		return $this->jobs->count( JobDeleteHandler::selection( $params ), $max_id );
	}

	public function preview( array $params, int $max_id ): array {
		$selection = JobDeleteHandler::selection( $params );
		return array(
			'count'       => $this->jobs->count( $selection, $max_id ),
			'sample_kind' => 'jobs',
			'sample'      => array_map( array( JobFormatter::class, 'summary' ), $this->jobs->sample( $selection, $max_id, JobDeleteHandler::SAMPLE_SIZE ) ),
			'details'     => array(
				'by_status'       => JobDeleteHandler::by_base_status( $this->jobs->count_by_raw_status( $selection, $max_id ) ),
				'active_left_out' => $this->jobs->count_active_left_out( $selection, $max_id ),
				'target_status'   => (string) $params['status'],
			),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		$selection = JobDeleteHandler::selection( $params );
		$status    = (string) $params['status'];
		$reason    = isset( $params['reason'] ) && '' !== $params['reason'] ? (string) $params['reason'] : null;
		$ids       = $this->jobs->select_ids( $selection, $max_id, $cursor, $batch_size );
		if ( ! $ids ) {
			return BatchResult::finished( $cursor );
		}

		$before  = array();
		$to_move = array();
		foreach ( $this->jobs->rows_for( $ids ) as $row ) {
			$unchanged = (string) $row['status'] === $status && ( $row['status_reason'] ?? null ) === $reason;
			if ( ! $unchanged ) {
				$before[ (int) $row['job_id'] ] = $row;
				$to_move[]                      = (int) $row['job_id'];
			}
		}
		$changed = $this->jobs->update_status( $to_move, $selection, $status, $reason, gmdate( 'Y-m-d H:i:s' ) );

		if ( $changed > 0 ) {
			/**
			 * Fires before the per-job status-change actions of a batch (listeners may collect them).
			 *
			 * @param int[] $job_ids Jobs whose status this batch set.
			 */
			do_action( 'dm_jobs_before_jobs_changed', $to_move );
			foreach ( $this->jobs->rows_for( $to_move ) as $row ) {
				$job_id = (int) $row['job_id'];
				if ( (string) $row['status'] !== $status || ( $row['status_reason'] ?? null ) !== $reason ) {
					continue;
				}
				$old = StatusParser::parse( (string) $before[ $job_id ]['status'] )->base_value();
				/** This action is documented in includes/Jobs/JobService.php */
				do_action( 'dm_jobs_job_status_changed', $job_id, $status, $old, JobFormatter::summary( $row ) );
			}
			/**
			 * Fires after the per-job status-change actions of a batch.
			 *
			 * @param int[] $job_ids Jobs whose status this batch set.
			 */
			do_action( 'dm_jobs_jobs_changed', $to_move );
		}

		return new BatchResult(
			(int) end( $ids ),
			count( $ids ),
			$changed,
			count( $ids ) < $batch_size,
			array( 'skipped' => count( $ids ) - $changed )
		);
	}
}
