<?php
/**
 * "5 minutes ago" exactly as the app writes it (date-fns `formatDistance` with `addSuffix`, English), so
 * the rows PHP prints keep their text, and their width, when the app takes them over.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

defined( 'ABSPATH' ) || exit;

final class RelativeTime {

	private const MINUTES_IN_DAY   = 1440;
	private const MINUTES_IN_MONTH = 43200;

	/**
	 * @param int $timestamp When it happened (Unix seconds).
	 * @param int $now       The reference time.
	 */
	public static function format( int $timestamp, int $now ): string {
		$future  = $timestamp > $now;
		$earlier = min( $timestamp, $now );
		$later   = max( $timestamp, $now );
		$minutes = (int) round( ( $later - $earlier ) / 60 );
		$text    = self::distance( $minutes, $earlier, $later );
		return $future ? 'in ' . $text : $text . ' ago';
	}

	private static function distance( int $minutes, int $earlier, int $later ): string {
		if ( $minutes < 2 ) {
			return 0 === $minutes ? 'less than a minute' : '1 minute';
		}
		if ( $minutes < 45 ) {
			return $minutes . ' minutes';
		}
		if ( $minutes < 90 ) {
			return 'about 1 hour';
		}
		if ( $minutes < self::MINUTES_IN_DAY ) {
			return 'about ' . (int) round( $minutes / 60 ) . ' hours';
		}
		if ( $minutes < 2520 ) {
			return '1 day';
		}
		if ( $minutes < self::MINUTES_IN_MONTH ) {
			return (int) round( $minutes / self::MINUTES_IN_DAY ) . ' days';
		}
		if ( $minutes < self::MINUTES_IN_MONTH * 2 ) {
			$months = (int) round( $minutes / self::MINUTES_IN_MONTH );
			return 1 === $months ? 'about 1 month' : "about {$months} months";
		}
		$months = self::calendar_months( $earlier, $later );
		if ( $months < 12 ) {
			return (int) round( $minutes / self::MINUTES_IN_MONTH ) . ' months';
		}
		$years = intdiv( $months, 12 );
		$rest  = $months % 12;
		if ( $rest < 3 ) {
			return 1 === $years ? 'about 1 year' : "about {$years} years";
		}
		if ( $rest < 9 ) {
			return 1 === $years ? 'over 1 year' : "over {$years} years";
		}
		return 'almost ' . ( $years + 1 ) . ' years';
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
