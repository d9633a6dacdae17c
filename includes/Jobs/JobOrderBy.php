<?php
/**
 * The columns the jobs list can be sorted by, and the SQL each one maps to.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

defined( 'ABSPATH' ) || exit;

enum JobOrderBy: string {
	case JobId       = 'job_id';
	case CreatedAt   = 'created_at';
	case CompletedAt = 'completed_at';
	case Status      = 'status';
	case Pipeline    = 'pipeline';
	case Flow        = 'flow';
	case Duration    = 'duration';

	/**
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn ( self $order_by ): string => $order_by->value, self::cases() );
	}

	/**
	 * Whether sorting needs the pipeline and flow names joined in.
	 */
	public function needs_names(): bool {
		return self::Pipeline === $this || self::Flow === $this;
	}
}
