<?php
/**
 * Deletes selected jobs in batches, with their log lines and their uploads folders.
 * Used by bulk delete, "cleanup jobs" (status family + age) and "orphan jobs".
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Jobs\JobFiles;
use DMJobs\Jobs\JobFormatter;
use DMJobs\Logs\LogHooks;
use DMJobs\Logs\Repository\JobLogCleanupRepository;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\JobSelection;
use DMJobs\Operations\OperationHandler;
use DMJobs\Operations\Repository\JobBulkRepository;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class JobDeleteHandler implements OperationHandler {

	public const SAMPLE_SIZE = 10;

	/**
	 * How far ahead of its cursor (in job IDs) one batch looks for rows to delete.
	 */
	public const WINDOW_IDS = 50000;

	public function __construct(
		private readonly JobBulkRepository $jobs = new JobBulkRepository(),
		private readonly JobLogCleanupRepository $logs = new JobLogCleanupRepository(),
		private readonly JobFiles $files = new JobFiles(),
	) {
	}

	public function default_batch_size(): int {
		return 1000;
	}

	public function snapshot( array $params ): int {
		return $this->jobs->max_id();
	}

	public function count( array $params, int $max_id ): int {
		return $this->jobs->count( self::selection( $params ), $max_id );
	}

	public function preview( array $params, int $max_id ): array {
		$selection = self::selection( $params );
		return array(
			'count'       => $this->jobs->count( $selection, $max_id ),
			'sample_kind' => 'jobs',
			'sample'      => array_map( array( JobFormatter::class, 'summary' ), $this->jobs->sample( $selection, $max_id, self::SAMPLE_SIZE ) ),
			'details'     => array(
				'by_status'          => self::by_base_status( $this->jobs->count_by_raw_status( $selection, $max_id ) ),
				'active_left_out'    => $this->jobs->count_active_left_out( $selection, $max_id ),
				'logs_table_present' => $this->logs->table_exists(),
				'files_dir'          => $this->files->root(),
			),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		$selection = self::selection( $params );
		$window    = $this->jobs->select_ids_window( $selection, $max_id, $cursor, $batch_size, self::WINDOW_IDS );
		$ids       = $window['ids'];
		if ( ! $ids ) {
			// Nothing in this stretch of IDs: go on after it, or end at the snapshot.
			return $window['scanned_to'] >= $max_id
				? BatchResult::finished( max( $cursor, $window['scanned_to'] ) )
				: new BatchResult( $window['scanned_to'], 0, 0, false );
		}

		/**
		 * Fires before a batch of jobs is deleted (bulk delete, cleanup, retention, DELETE /jobs/{id}).
		 * Some of these IDs may survive: a job that changed status in between is left alone.
		 *
		 * @param int[]                            $job_ids IDs about to be deleted.
		 * @param array<int, array<string, mixed>> $facts   job_id => pipeline_id, flow_id, status as stored
		 *                                                  (read with the IDs; not passed by every caller).
		 */
		do_action( 'dm_jobs_before_delete_jobs', $ids, $window['facts'] );

		$deleted = $this->jobs->delete( $ids, $selection );
		// All of them deleted (the usual case): no need to ask which still exist.
		$gone  = count( $ids ) === $deleted ? $ids : array_values( array_diff( $ids, $this->jobs->existing_ids( $ids ) ) );
		$files = $this->files->delete_for( $gone );

		LogHooks::$last_deleted = 0;
		/**
		 * Fires after a batch of jobs was deleted. DM Jobs' own log lines of these jobs are deleted
		 * here (LogHooks), once per batch.
		 *
		 * @param int[] $job_ids IDs that no longer exist (deleted by this batch, or by an overlapping run).
		 */
		do_action( 'dm_jobs_jobs_deleted', $gone );
		$logs = LogHooks::$last_deleted;

		return new BatchResult(
			$window['scanned_to'],
			count( $ids ),
			$deleted,
			count( $ids ) < $batch_size && $window['scanned_to'] >= $max_id,
			array(
				'logs_removed'    => $logs,
				'folders_removed' => $files['folders'],
				'bytes_removed'   => $files['bytes'],
				// Selected but not deleted by this run: changed status meanwhile, or removed by an overlapping run.
				'skipped'         => count( $ids ) - $deleted,
			)
		);
	}

	/**
	 * @param array<string, mixed> $params
	 */
	public static function selection( array $params ): JobSelection {
		return JobSelection::from_array( is_array( $params['selection'] ?? null ) ? $params['selection'] : array() );
	}

	/**
	 * Sums stored status strings into base statuses (unknown values under their raw text).
	 *
	 * @param array<string, int> $raw_counts
	 * @return array<string, int>
	 */
	public static function by_base_status( array $raw_counts ): array {
		$by_base = array();
		foreach ( $raw_counts as $raw => $count ) {
			$key             = StatusParser::parse( (string) $raw )->base_value();
			$by_base[ $key ] = ( $by_base[ $key ] ?? 0 ) + $count;
		}
		arsort( $by_base );
		return $by_base;
	}
}
