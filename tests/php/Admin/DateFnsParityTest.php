<?php
/**
 * The first-paint printer writes dates as the app does, in every language date-fns has: month and
 * weekday names, ordinals, day periods, the exact-time pattern (`PPpp`) and relative times, compared with
 * what date-fns itself writes for the same moments (tests/php/Admin/bin/date-fns-texts.mjs, run in Node).
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Admin;

use DMJobs\Admin\DateFnsFormat;
use DMJobs\Admin\DateLocale;
use DMJobs\Admin\RelativeTime;
use PHPUnit\Framework\TestCase;

PHP_SAPI === 'cli' || exit;

final class DateFnsParityTest extends TestCase {

	private const ZONES    = array( 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata' );
	private const PATTERNS = array(
		'MMM d, HH:mm',
		'MMM d yyyy, HH:mm',
		'EEE, MMM d, HH:mm',
		'EEEE, MMMM d, yyyy',
		"d. MMM, HH:mm 'Uhr' (h:mm a, LLL, MM/dd/yy)",
		'PPpp',
	);
	// Seconds from "now": every threshold of date-fns' formatDistance, before and after.
	private const DISTANCES = array( 10, 70, 150, 2640, 2760, 5340, 10800, 82800, 88200, 169200, 432000, 2505600, 3456000, 6048000, 12960000, 28512000, 34560000, 43200000, 60480000, 157680000, 788400000 );

	public function test_dates_and_relative_times_read_as_date_fns_writes_them_in_every_locale(): void {
		$files = glob( DM_JOBS_DIR . '/build/date-locales/*.json' );
		$this->assertNotEmpty( $files, 'the build wrote date-fns locales (npm run build)' );
		$this->assertGreaterThan( 90, count( $files ) );

		$now      = gmmktime( 12, 0, 0, 6, 15, 2025 );
		$cases    = array();
		$printed  = array();
		$moments  = array();
		$hours    = array( 0, 9, 12, 13, 23 );
		for ( $month = 1; $month <= 12; $month++ ) {
			$moments[] = gmmktime( $hours[ $month % 5 ], 3, 4, $month, 1 + ( $month * 3 ) % 28, 2025 );
		}
		foreach ( $files as $file ) {
			$locale = DateLocale::for_locale( str_replace( '-', '_', basename( $file, '.json' ) ) );
			$this->assertNotNull( $locale );
			foreach ( $moments as $moment ) {
				foreach ( self::ZONES as $zone ) {
					$zoned = ( new \DateTimeImmutable( '@' . $moment ) )->setTimezone( new \DateTimeZone( $zone ) );
					foreach ( self::PATTERNS as $pattern ) {
						$cases[]   = array(
							'locale'  => $locale->code,
							'time'    => $moment * 1000,
							'zone'    => $zone,
							'pattern' => $pattern,
						);
						$printed[] = DateFnsFormat::format( $zoned, 'PPpp' === $pattern ? $locale->exact_pattern() : $pattern, $locale );
					}
				}
			}
			foreach ( self::DISTANCES as $seconds ) {
				foreach ( array( $now - $seconds, $now + $seconds ) as $time ) {
					$cases[]   = array(
						'locale' => $locale->code,
						'time'   => $time * 1000,
						'now'    => $now * 1000,
					);
					$printed[] = RelativeTime::format( $time, $now, $locale );
				}
			}
		}

		$expected   = $this->date_fns_texts( $cases );
		$mismatches = array();
		foreach ( $cases as $index => $case ) {
			if ( $expected[ $index ] !== $printed[ $index ] ) {
				$mismatches[] = sprintf( '%s %s: date-fns "%s", printed "%s"', $case['locale'], $case['pattern'] ?? 'relative', $expected[ $index ], $printed[ $index ] );
			}
		}
		$this->assertSame( array(), array_slice( $mismatches, 0, 20 ), count( $mismatches ) . ' of ' . count( $cases ) . ' texts differ' );
	}

	public function test_a_german_site_reads_german(): void {
		$locale = DateLocale::for_locale( 'de_DE' );
		$this->assertSame( 'de', $locale?->code );
		$this->assertTrue( $locale->needs_script() );
		$moment = ( new \DateTimeImmutable( '@' . gmmktime( 14, 3, 4, 3, 5, 2025 ) ) )->setTimezone( new \DateTimeZone( 'Europe/Berlin' ) );
		$this->assertSame( '5. März 2025 15:03:04', DateFnsFormat::format( $moment, $locale->exact_pattern(), $locale ) );
		$this->assertSame( 'vor 5 Minuten', RelativeTime::format( 1000, 1300, $locale ) );
		$this->assertSame( 'in 3 Tagen', RelativeTime::format( 1000 + 3 * 86400, 1000, $locale ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function locales(): array {
		return array(
			'German (Germany)'      => array( 'de_DE', 'de' ),
			'German, formal'        => array( 'de_DE_formal', 'de' ),
			'German (Switzerland)'  => array( 'de_CH_informal', 'de' ),
			'German (Austria)'      => array( 'de_AT', 'de-AT' ),
			'Portuguese (Brazil)'   => array( 'pt_BR', 'pt-BR' ),
			'Norwegian Bokmål'      => array( 'nb_NO', 'nb' ),
			'French'                => array( 'fr_FR', 'fr' ),
			'English (UK)'          => array( 'en_GB', 'en-GB' ),
			'US English'            => array( 'en_US', 'en-US' ),
			'unknown language'      => array( 'xx_YY', 'en-US' ),
			'not a locale'          => array( '', 'en-US' ),
		);
	}

	/**
	 * @dataProvider locales
	 */
	public function test_the_locale_of_a_wordpress_locale( string $wordpress_locale, string $code ): void {
		$locale = DateLocale::for_locale( $wordpress_locale );
		$this->assertSame( $code, $locale?->code );
		$this->assertSame( 'en-US' !== $code, $locale->needs_script() );
		if ( $locale->needs_script() ) {
			$this->assertFileExists( DM_JOBS_DIR . '/build/date-locales/' . $code . '.js', 'the script PHP enqueues exists' );
		}
	}

	/**
	 * @param array<int, array<string, mixed>> $cases
	 * @return string[]
	 */
	private function date_fns_texts( array $cases ): array {
		$process = proc_open(
			array( 'node', __DIR__ . '/bin/date-fns-texts.mjs' ),
			array(
				0 => array( 'pipe', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes,
			DM_JOBS_DIR,
			array(
				'TZ'   => 'UTC',
				'PATH' => (string) getenv( 'PATH' ),
			)
		);
		$this->assertIsResource( $process, 'node runs' );
		fwrite( $pipes[0], (string) wp_json_encode( $cases ) );
		fclose( $pipes[0] );
		$out = stream_get_contents( $pipes[1] );
		$err = stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		$this->assertSame( 0, proc_close( $process ), 'date-fns-texts.mjs: ' . $err );
		$texts = json_decode( (string) $out, true );
		$this->assertIsArray( $texts );
		$this->assertCount( count( $cases ), $texts );
		return $texts;
	}
}
