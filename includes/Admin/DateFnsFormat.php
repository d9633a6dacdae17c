<?php
/**
 * A moment written with a date-fns `format` pattern (`MMM d, HH:mm`, `d. MMM yyyy`, a locale's `PPpp`)
 * in a DateLocale, as date-fns writes it: the tokens our patterns and date-fns' medium date and time
 * formats use (years, months, days and ordinal days, weekdays, hours, minutes, seconds, day periods)
 * and quoted literal text.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

defined( 'ABSPATH' ) || exit;

final class DateFnsFormat {

	// date-fns' own tokenizer: an ordinal (`do`), a run of one letter, an escaped quote, quoted text, any
	// other character.
	private const TOKENS = "/[yYQqMLwIdDecihHKkms]o|([a-zA-Z])\\1*|''|'(?:''|[^'])+(?:'|$)|./us";

	/**
	 * @param \DateTimeImmutable $moment  The moment, in the zone it is shown in.
	 * @param string             $pattern A date-fns pattern.
	 * @param DateLocale         $locale  Names and ordinals.
	 */
	public static function format( \DateTimeImmutable $moment, string $pattern, DateLocale $locale ): string {
		preg_match_all( self::TOKENS, $pattern, $matches );
		$out = '';
		foreach ( $matches[0] as $token ) {
			$out .= self::token( $moment, $token, $locale );
		}
		return $out;
	}

	private static function token( \DateTimeImmutable $moment, string $token, DateLocale $locale ): string {
		if ( "''" === $token ) {
			return "'";
		}
		if ( str_starts_with( $token, "'" ) ) {
			return str_replace( "''", "'", preg_replace( "/^'|'$/", '', $token ) ?? '' );
		}
		$length = strlen( $token );
		$year   = (int) $moment->format( 'Y' );
		$month  = (int) $moment->format( 'n' );
		$day    = (int) $moment->format( 'j' );
		$hour   = (int) $moment->format( 'G' );
		switch ( $token[0] ) {
			case 'y':
				return 2 === $length ? sprintf( '%02d', $year % 100 ) : self::pad( $year, $length );
			case 'M':
			case 'L':
				return self::month( $month, $length, 'L' === $token[0], $locale );
			case 'd':
				return 'do' === $token ? $locale->ordinal_day( $day ) : self::pad( $day, $length );
			case 'E':
				return $locale->weekday( (int) $moment->format( 'w' ), 4 === $length ? 'wide' : 'abbreviated' );
			case 'H':
				return self::pad( $hour, $length );
			case 'h':
				return self::pad( 0 === $hour % 12 ? 12 : $hour % 12, $length );
			case 'm':
				return self::pad( (int) $moment->format( 'i' ), $length );
			case 's':
				return self::pad( (int) $moment->format( 's' ), $length );
			case 'a':
				$period = $locale->day_period( $hour >= 12 );
				return 3 === $length ? mb_strtolower( $period ) : $period;
		}
		return $token;
	}

	private static function month( int $month, int $length, bool $standalone, DateLocale $locale ): string {
		if ( $length <= 2 ) {
			return self::pad( $month, $length );
		}
		return $locale->month( $month - 1, 3 === $length ? 'abbreviated' : 'wide', $standalone );
	}

	private static function pad( int $value, int $length ): string {
		return str_pad( (string) $value, $length, '0', STR_PAD_LEFT );
	}
}
