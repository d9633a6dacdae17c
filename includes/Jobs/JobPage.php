<?php
/**
 * One page of the jobs list and how many jobs match in all.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

defined( 'ABSPATH' ) || exit;

final class JobPage {

	/**
	 * @param array<int, array<string, string|null>> $rows        Job rows (list shape, no engine_data).
	 * @param int                                   $total       Matching jobs.
	 * @param bool                                  $total_exact False when $total is an estimate.
	 */
	public function __construct(
		public readonly array $rows,
		public readonly int $total,
		public readonly bool $total_exact,
	) {
	}
}
