<?php
/**
 * The date-fns locale of the site's language, as data the build wrote for PHP
 * (build/date-locales/<code>.json, from date-fns itself): month, weekday and day-period names, the
 * exact-time pattern and the relative-time texts. The rows PHP prints are written with it, so they read
 * exactly as the app, which uses the same locale, writes them.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

defined( 'ABSPATH' ) || exit;

final class DateLocale {

	public const US_ENGLISH = 'en-US';

	/**
	 * @param string               $code The date-fns locale code, e.g. `de` or `pt-BR`.
	 * @param array<string, mixed> $data The locale's data as the build wrote it.
	 */
	private function __construct(
		public readonly string $code,
		private readonly array $data,
	) {
	}

	/**
	 * The date-fns locale files to try for a WordPress locale, best first: `de_DE` → `de-DE`, `de`;
	 * `de_CH_informal` → `de-CH`, `de`; `fr` → `fr`. Empty for US English, which the app has built in.
	 *
	 * @param string $wordpress_locale e.g. `de_DE`.
	 * @return string[]
	 */
	public static function candidates( string $wordpress_locale ): array {
		$parts    = explode( '_', $wordpress_locale );
		$language = $parts[0];
		if ( 1 !== preg_match( '/^[a-z]{2,3}$/', $language ) ) {
			return array();
		}
		$regional = isset( $parts[1] ) && 1 === preg_match( '/^[A-Z]{2}$/', $parts[1] ) ? $language . '-' . $parts[1] : null;
		if ( self::US_ENGLISH === $regional ) {
			return array();
		}
		return null === $regional ? array( $language ) : array( $regional, $language );
	}

	/**
	 * The built locale of a WordPress locale, US English when date-fns has none for it.
	 *
	 * @param string $wordpress_locale e.g. `de_DE`.
	 * @param string $directory        Where the build wrote the locales.
	 * @return self|null `null` when the build has no locale data at all.
	 */
	public static function for_locale( string $wordpress_locale, string $directory = DM_JOBS_DIR . '/build/date-locales' ): ?self {
		foreach ( array_merge( self::candidates( $wordpress_locale ), array( self::US_ENGLISH ) ) as $code ) {
			$file = $directory . '/' . $code . '.json';
			if ( ! is_readable( $file ) ) {
				continue;
			}
			$data = json_decode( (string) file_get_contents( $file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			if ( is_array( $data ) ) {
				return new self( $code, $data );
			}
		}
		return null;
	}

	/**
	 * Whether the app needs this locale's script (US English is built into the app).
	 */
	public function needs_script(): bool {
		return self::US_ENGLISH !== $this->code;
	}

	/**
	 * A month's name (0 = January).
	 *
	 * @param int    $month      0–11.
	 * @param string $width      `abbreviated` or `wide`.
	 * @param bool   $standalone Standing alone (`L`) rather than in a date (`M`).
	 */
	public function month( int $month, string $width, bool $standalone = false ): string {
		return $this->name( $standalone ? 'standaloneMonths' : 'months', $width, $month );
	}

	/**
	 * A weekday's name (0 = Sunday).
	 *
	 * @param int    $weekday 0–6.
	 * @param string $width   `abbreviated` or `wide`.
	 */
	public function weekday( int $weekday, string $width ): string {
		return $this->name( 'weekdays', $width, $weekday );
	}

	/**
	 * @param bool $pm Afternoon.
	 */
	public function day_period( bool $pm ): string {
		return (string) ( $this->data['dayPeriods'][ $pm ? 'pm' : 'am' ] ?? ( $pm ? 'PM' : 'AM' ) );
	}

	/**
	 * A day of the month as an ordinal ("5." in German, "5th" in English).
	 *
	 * @param int $day 1–31.
	 */
	public function ordinal_day( int $day ): string {
		return (string) ( $this->data['ordinals'][ $day - 1 ] ?? $day );
	}

	/**
	 * date-fns' `PPpp` in this locale, e.g. `MMM d, y, h:mm:ss a`.
	 */
	public function exact_pattern(): string {
		return (string) ( $this->data['exact'] ?? 'MMM d, y, h:mm:ss a' );
	}

	/**
	 * A relative time as date-fns' `formatDistance` writes it with its suffix ("vor 5 Minuten").
	 *
	 * @param string $token  date-fns' distance token, e.g. `xMinutes`.
	 * @param int    $count  How many.
	 * @param bool   $future In the future ("in …") rather than the past ("… ago").
	 */
	public function distance( string $token, int $count, bool $future ): string {
		$ranges = $this->data['distance'][ $future ? 'future' : 'past' ][ $token ] ?? array();
		$text   = '';
		foreach ( (array) $ranges as $range ) {
			if ( is_array( $range ) && (int) $range[0] <= $count ) {
				$text = (string) $range[1];
			}
		}
		return str_replace( '{{count}}', (string) $count, $text );
	}

	private function name( string $kind, string $width, int $index ): string {
		return (string) ( $this->data[ $kind ][ $width ][ $index ] ?? '' );
	}
}
