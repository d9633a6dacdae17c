<?php
/**
 * The moment before which a pending or processing job counts as stuck (the stuck rule's minutes,
 * also when the rule is off), worked out once per request so the list flags rows without any query.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Status\BaseStatus;
use DMJobs\Status\ParsedStatus;

defined( 'ABSPATH' ) || exit;

final class StuckCutoff {

	private static ?int $minutes = null;

	/**
	 * Whether a job in this status, created at this Unix time, is stuck now.
	 */
	public static function is_stuck( ParsedStatus $status, ?int $created_at, ?int $now = null ): bool {
		if ( null === $created_at || ! in_array( $status->base, array( BaseStatus::Pending, BaseStatus::Processing ), true ) ) {
			return false;
		}
		self::$minutes ??= ( new AlertSettings() )->stuck_minutes();
		return $created_at < ( $now ?? time() ) - self::$minutes * MINUTE_IN_SECONDS;
	}

	/**
	 * Forget the threshold (after the settings changed).
	 */
	public static function forget(): void {
		self::$minutes = null;
	}
}
