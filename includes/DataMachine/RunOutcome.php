<?php
/**
 * What Data Machine answered when asked to run a flow: the job it created, or that it chose to skip
 * the run (today's Data Machine skips a flow whose drain queue is empty), with its message.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class RunOutcome {

	/**
	 * @param int|null $job_id  The job Data Machine created (null when it skipped the run).
	 * @param bool     $skipped Whether Data Machine decided not to run (not an error).
	 * @param string   $message Data Machine's words, e.g. "Flow execution started successfully".
	 */
	public function __construct(
		public readonly ?int $job_id,
		public readonly bool $skipped = false,
		public readonly string $message = '',
	) {
	}
}
