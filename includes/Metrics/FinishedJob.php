<?php
/**
 * A job that has reached a final status, as the rollups count it.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

defined( 'ABSPATH' ) || exit;

final class FinishedJob {

	/**
	 * @param int      $job_id      The job.
	 * @param int      $pipeline_id Its pipeline.
	 * @param int      $flow_id     Its flow.
	 * @param string   $status      Final base status, or "other" for a finished job with an unknown status.
	 * @param int      $created_at  Unix time the job was created (rollup buckets use this).
	 * @param int|null $duration    Seconds from creation to completion; null without a valid completed_at.
	 */
	public function __construct(
		public readonly int $job_id,
		public readonly int $pipeline_id,
		public readonly int $flow_id,
		public readonly string $status,
		public readonly int $created_at,
		public readonly ?int $duration,
	) {
	}
}
