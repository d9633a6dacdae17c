<?php
/**
 * What one Data Machine generation caches about its jobs and keeps pointing at them, and how to leave
 * it consistent when DM Jobs deletes or changes jobs or processed items: the way Data Machine's own
 * delete, clear and fail code does. Also where it keeps per-job files.
 *
 * Job facts are arrays keyed by job ID: pipeline_id and flow_id (strings or null, as stored), status
 * (as stored), and whatever before_jobs_deleted() added while the rows still existed.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

interface Housekeeping {

	/**
	 * Facts about jobs that are about to be deleted, read while their rows still exist.
	 *
	 * @param int[]                                                                                $job_ids
	 * @param array<int, array{pipeline_id: string|null, flow_id: string|null, status: string}>|null $known Pipeline, flow and
	 *        status of every one of them, when the caller read them already (else they are read here).
	 * @return array<int, array<string, mixed>> job_id => facts
	 */
	public function before_jobs_deleted( array $job_ids, ?array $known = null ): array;

	/**
	 * After jobs were deleted: clear what Data Machine caches about them and handle the rows and
	 * scheduled actions that point at them.
	 *
	 * @param array<int, array<string, mixed>> $jobs job_id => facts, only jobs that are gone.
	 * @return array<string, int> What was cleared, by kind.
	 */
	public function after_jobs_deleted( array $jobs ): array;

	/**
	 * After the status or engine_data of jobs was changed: clear what Data Machine caches about them.
	 *
	 * @param array<int, array<string, mixed>> $jobs job_id => facts.
	 */
	public function after_jobs_changed( array $jobs ): void;

	/**
	 * After processed-item rows were deleted: clear Data Machine's caches of those items.
	 *
	 * @param array<int, array{flow_step_id: string, source_type: string, item_identifier: string}> $items
	 */
	public function after_processed_items_deleted( array $items ): void;

	/**
	 * The folders that hold one folder per job: dir (a glob pattern where the layout nests by pipeline
	 * and flow) and the sprintf() format of a job's folder name in it (one %d).
	 *
	 * @return array<int, array{dir: string, format: string}>
	 */
	public function job_folders(): array;
}
