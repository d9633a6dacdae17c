<?php
/**
 * A degradation trigger as a sentence that says what was compared: the recent window against the
 * baseline, with the numbers the rule used and the jobs behind them (alert messages and emails;
 * the Insights panel words it the same way).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Admin\FirstRowsMarkup;

defined( 'ABSPATH' ) || exit;

final class DegradationText {

	/**
	 * @param array{metric: string, recent: float|int|null, baseline: float|int|null, change: float|int, threshold: float|int} $trigger
	 * @param array<string, mixed>                                                                                             $recent        The pipeline's recent window stats.
	 * @param array<string, mixed>                                                                                             $baseline      Its baseline stats.
	 * @param int                                                                                                              $recent_hours  Length of the recent window.
	 * @param int                                                                                                              $baseline_days Days of baseline.
	 */
	public static function describe( array $trigger, array $recent, array $baseline, int $recent_hours, int $baseline_days ): string {
		if ( 'failure_rate' === $trigger['metric'] ) {
			return sprintf(
				/* translators: 1: recent failure rate, 2: hours of the recent window, 3: failed jobs, 4: finished jobs, 5: baseline failure rate, 6: days of baseline, 7: baseline failed jobs, 8: baseline finished jobs, 9: increase in percentage points, 10: threshold in points. */
				__( 'Failure rate %1$s%% in the last %2$d h (%3$s of %4$s failed) vs %5$s%% baseline over the previous %6$d days (%7$s of %8$s): +%9$s points, flagged from +%10$s.', 'dm-jobs' ),
				number_format_i18n( 100 * (float) $trigger['recent'], 0 ),
				$recent_hours,
				number_format_i18n( (int) ( $recent['failed'] ?? 0 ) ),
				number_format_i18n( (int) ( $recent['finished'] ?? 0 ) ),
				number_format_i18n( 100 * (float) $trigger['baseline'], 0 ),
				$baseline_days,
				number_format_i18n( (int) ( $baseline['failed'] ?? 0 ) ),
				number_format_i18n( (int) ( $baseline['finished'] ?? 0 ) ),
				self::number( 100 * (float) $trigger['change'], 1 ),
				self::number( 100 * (float) $trigger['threshold'], 1 )
			);
		}
		return sprintf(
			/* translators: 1: "p95 duration" or "Average duration", 2: recent value, 3: hours of the recent window, 4: baseline value, 5: days of baseline, 6: ratio, 7: threshold ratio, 8: recent timed jobs, 9: baseline timed jobs. */
			__( '%1$s %2$s in the last %3$d h vs %4$s baseline over the previous %5$d days: ×%6$s, flagged from ×%7$s (%8$s and %9$s timed jobs).', 'dm-jobs' ),
			'p95_duration' === $trigger['metric'] ? __( 'p95 duration', 'dm-jobs' ) : __( 'Average duration', 'dm-jobs' ),
			FirstRowsMarkup::duration( (int) round( (float) $trigger['recent'] ) ),
			$recent_hours,
			FirstRowsMarkup::duration( (int) round( (float) $trigger['baseline'] ) ),
			$baseline_days,
			self::number( (float) $trigger['change'], 2 ),
			self::number( (float) $trigger['threshold'], 2 ),
			number_format_i18n( (int) ( $recent['timed_jobs'] ?? 0 ) ),
			number_format_i18n( (int) ( $baseline['timed_jobs'] ?? 0 ) )
		);
	}

	/**
	 * A number with at most $decimals decimals and none it does not need ("4", "4.03", "1.5").
	 */
	private static function number( float $value, int $decimals ): string {
		$rounded = round( $value, $decimals );
		$needed  = 0;
		while ( $needed < $decimals && abs( round( $rounded, $needed ) - $rounded ) > 1e-9 ) {
			++$needed;
		}
		return number_format_i18n( $rounded, $needed );
	}
}
