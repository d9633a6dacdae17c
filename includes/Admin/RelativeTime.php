<?php
/**
 * "5 minutes ago" ("vor 5 Minuten") exactly as the app writes it: date-fns' `formatDistance` with
 * `addSuffix`, its thresholds here and its texts from the site's DateLocale, so the rows PHP prints keep
 * their text, and their width, when the app takes them over.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

defined( 'ABSPATH' ) || exit;

final class RelativeTime {

	private const MINUTES_IN_DAY   = 1440;
	private const MINUTES_IN_MONTH = 43200;

	/**
	 * @param int        $timestamp When it happened (Unix seconds).
	 * @param int        $now       The reference time.
	 * @param DateLocale $locale    The site's date-fns locale.
	 */
	public static function format( int $timestamp, int $now, DateLocale $locale ): string {
		$earlier            = min( $timestamp, $now );
		$later              = max( $timestamp, $now );
		$minutes            = (int) round( ( $later - $earlier ) / 60 );
		list( $token, $count ) = self::distance( $minutes, $earlier, $later );
		return $locale->distance( $token, $count, $timestamp > $now );
	}

	/**
	 * @return array{0: string, 1: int} date-fns' distance token and its count.
	 */
	private static function distance( int $minutes, int $earlier, int $later ): array {
		if ( $minutes < 2 ) {
			return 0 === $minutes ? array( 'lessThanXMinutes', 1 ) : array( 'xMinutes', 1 );
		}
		if ( $minutes < 45 ) {
			return array( 'xMinutes', $minutes );
		}
		if ( $minutes < 90 ) {
			return array( 'aboutXHours', 1 );
		}
		if ( $minutes < self::MINUTES_IN_DAY ) {
			return array( 'aboutXHours', (int) round( $minutes / 60 ) );
		}
		if ( $minutes < 2520 ) {
			return array( 'xDays', 1 );
		}
		if ( $minutes < self::MINUTES_IN_MONTH ) {
			return array( 'xDays', (int) round( $minutes / self::MINUTES_IN_DAY ) );
		}
		if ( $minutes < self::MINUTES_IN_MONTH * 2 ) {
			return array( 'aboutXMonths', (int) round( $minutes / self::MINUTES_IN_MONTH ) );
		}
		$months = self::calendar_months( $earlier, $later );
		if ( $months < 12 ) {
			return array( 'xMonths', (int) round( $minutes / self::MINUTES_IN_MONTH ) );
		}
		$years = intdiv( $months, 12 );
		$rest  = $months % 12;
		if ( $rest < 3 ) {
			return array( 'aboutXYears', $years );
		}
		if ( $rest < 9 ) {
			return array( 'overXYears', $years );
		}
		return array( 'almostXYears', $years + 1 );
	}

	/**
	 * Whole calendar months from $earlier to $later (UTC), like date-fns `differenceInMonths`.
	 */
	private static function calendar_months( int $earlier, int $later ): int {
		$from   = new \DateTimeImmutable( '@' . $earlier );
		$to     = new \DateTimeImmutable( '@' . $later );
		$months = ( (int) $to->format( 'Y' ) - (int) $from->format( 'Y' ) ) * 12 + (int) $to->format( 'n' ) - (int) $from->format( 'n' );
		if ( $months > 0 && $from->modify( "+{$months} months" ) > $to ) {
			--$months;
		}
		return max( 0, $months );
	}
}
