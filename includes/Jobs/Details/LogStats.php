<?php
/**
 * Per-level and per-step line counts of a job's log, for the detail view.
 *
 * Both are index-only scans of the job's lines, so they cost in proportion to the job's log. For
 * logs of 20,000 lines or more the result is kept in a transient and reused while the job's newest
 * log_id is unchanged (one index lookup tells), so reopening a huge finished job stays fast.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

use DMJobs\Logs\Repository\LogRepository;

defined( 'ABSPATH' ) || exit;

final class LogStats {

	public const CACHE_FROM_LINES = 20000;

	private const TRANSIENT_PREFIX = 'dm_jobs_log_stats_';

	/**
	 * @param LogRepository $logs       Log lines.
	 * @param int           $cache_from Logs with at least this many lines are cached.
	 */
	public function __construct(
		private readonly LogRepository $logs = new LogRepository(),
		private readonly int $cache_from = self::CACHE_FROM_LINES,
	) {
	}

	/**
	 * @return array{by_level: array<string, int>, steps: array<int, array{step: string|null, lines: int, first_id: int, last_id: int}>}
	 */
	public function for_job( int $job_id ): array {
		$max_id = $this->logs->max_id_for_job( $job_id );
		if ( 0 === $max_id ) {
			return array(
				'by_level' => array(),
				'steps'    => array(),
			);
		}
		$cached = get_transient( self::TRANSIENT_PREFIX . $job_id );
		if ( is_array( $cached ) && ( $cached['max_id'] ?? null ) === $max_id && isset( $cached['stats'] ) && is_array( $cached['stats'] ) ) {
			return $cached['stats'];
		}
		$stats = array(
			'by_level' => $this->logs->count_by_level( $job_id ),
			'steps'    => $this->logs->step_summary( $job_id ),
		);
		if ( array_sum( $stats['by_level'] ) >= $this->cache_from ) {
			set_transient(
				self::TRANSIENT_PREFIX . $job_id,
				array(
					'max_id' => $max_id,
					'stats'  => $stats,
				),
				DAY_IN_SECONDS
			);
		}
		return $stats;
	}
}
