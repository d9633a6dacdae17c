<?php
/**
 * Day buckets and the heatmap in the site's time zone, across DST changes (Europe/Berlin: the
 * last Sundays of March and October 2026) and with a +05:30 offset.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Metrics;

use DMJobs\Metrics\MetricsRange;
use DMJobs\Metrics\SiteClock;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/MetricsTestCase.php';

final class SiteTimeTest extends MetricsTestCase {

	private int $pipeline;
	private int $flow;

	protected function setUp(): void {
		parent::setUp();
		[ $this->pipeline, $this->flow ] = $this->make_one_flow();
	}

	private function zone( string $name ): void {
		update_option( 'timezone_string', $name );
	}

	/**
	 * Jobs every 20 minutes (or $step seconds) between two UTC moments.
	 *
	 * @return string[] created_at values
	 */
	private function jobs_every_20_minutes( string $from, string $to, int $step = 20 * MINUTE_IN_SECONDS ): array {
		$created = array();
		for ( $at = strtotime( $from . ' UTC' ); $at < strtotime( $to . ' UTC' ); $at += $step ) {
			$stamp     = gmdate( 'Y-m-d H:i:s', $at );
			$created[] = $stamp;
			Fixtures::job( $this->pipeline, $this->flow, 'completed', $stamp, gmdate( 'Y-m-d H:i:s', $at + 5 ) );
		}
		return $created;
	}

	/**
	 * Brute force: jobs per local date, converting each created_at with PHP's own time zone rules.
	 *
	 * @param string[] $created
	 * @return array<string, int>
	 */
	private function per_local_day( array $created, string $zone ): array {
		$days = array();
		foreach ( $created as $stamp ) {
			$local          = ( new \DateTimeImmutable( $stamp, new \DateTimeZone( 'UTC' ) ) )->setTimezone( new \DateTimeZone( $zone ) )->format( 'Y-m-d' );
			$days[ $local ] = ( $days[ $local ] ?? 0 ) + 1;
		}
		return $days;
	}

	/**
	 * @return array<string, int> date => jobs from GET /metrics
	 */
	private function volume( string $after, string $before ): array {
		$data = $this->admin_request( 'GET', '/metrics', array( 'after' => $after, 'before' => $before ) )->get_data();
		$this->assertSame( 'day', $data['range']['bucket'], (string) wp_json_encode( $data['range'] ) );
		return array_combine( array_column( $data['volume'], 'date' ), array_column( $data['volume'], 'total' ) );
	}

	public function test_spring_forward_day_has_23_hours(): void {
		$this->zone( 'Europe/Berlin' );
		$created = $this->jobs_every_20_minutes( '2026-03-27 20:00:00', '2026-03-31 04:00:00' );
		$this->catch_up();

		$volume   = $this->volume( '2026-03-28T00:00:00+01:00', '2026-03-30T23:59:59+02:00' );
		$expected = $this->per_local_day( $created, 'Europe/Berlin' );
		$this->assertSame( array( '2026-03-28', '2026-03-29', '2026-03-30' ), array_keys( $volume ) );
		foreach ( $volume as $date => $jobs ) {
			$this->assertSame( $expected[ $date ], $jobs, $date );
		}
		$this->assertSame( 23 * 3, $volume['2026-03-29'] );
		$this->assertSame( 24 * 3, $volume['2026-03-30'] );

		$clock = SiteClock::site();
		$this->assertSame( array( strtotime( '2026-03-28 23:00:00 UTC' ), strtotime( '2026-03-29 22:00:00 UTC' ) ), $clock->day_hours( '2026-03-29' ) );
	}

	public function test_fall_back_day_has_25_hours_and_the_heatmap_doubles_2am(): void {
		$this->zone( 'Europe/Berlin' );
		$created = $this->jobs_every_20_minutes( '2026-10-23 00:00:00', '2026-10-27 00:00:00' );
		$this->catch_up();

		$volume   = $this->volume( '2026-10-24T00:00:00+02:00', '2026-10-26T23:59:59+01:00' );
		$expected = $this->per_local_day( $created, 'Europe/Berlin' );
		foreach ( $volume as $date => $jobs ) {
			$this->assertSame( $expected[ $date ], $jobs, $date );
		}
		$this->assertSame( 25 * 3, $volume['2026-10-25'] );

		// Heatmap over the Sunday only: local 02:00–03:00 happened twice.
		$data  = $this->admin_request( 'GET', '/metrics', array( 'after' => '2026-10-25T00:00:00+02:00', 'before' => '2026-10-25T23:59:59+01:00' ) )->get_data();
		$cells = array();
		foreach ( $data['heatmap']['cells'] as $cell ) {
			if ( $cell['count'] > 0 ) {
				$cells[ $cell['weekday'] . '@' . $cell['hour'] ] = $cell['count'];
			}
		}
		$this->assertSame( 6, $cells['7@2'], 'Two hours of jobs at local 02:xx on Sunday.' );
		$this->assertSame( 3, $cells['7@1'] );
		$this->assertSame( 3, $cells['7@3'] );
	}

	public function test_heatmap_from_daily_rollups_matches_local_brute_force_across_dst(): void {
		$this->zone( 'Europe/Berlin' );
		$created = $this->jobs_every_20_minutes( '2026-03-26 00:00:00', '2026-04-02 00:00:00' );
		$this->catch_up();
		$data = $this->admin_request( 'GET', '/metrics', array( 'after' => '2026-03-26T00:00:00+01:00', 'before' => '2026-04-01T23:59:59+02:00' ) )->get_data();
		$this->assertSame( 'day', $data['range']['bucket'] );

		$expected = array();
		foreach ( $created as $stamp ) {
			$local = ( new \DateTimeImmutable( $stamp, new \DateTimeZone( 'UTC' ) ) )->setTimezone( new \DateTimeZone( 'Europe/Berlin' ) );
			if ( $local->format( 'Y-m-d' ) < '2026-03-26' || $local->format( 'Y-m-d' ) > '2026-04-01' ) {
				continue;
			}
			$key              = $local->format( 'N' ) . '@' . (int) $local->format( 'G' );
			$expected[ $key ] = ( $expected[ $key ] ?? 0 ) + 1;
		}
		$actual = array();
		foreach ( $data['heatmap']['cells'] as $cell ) {
			if ( $cell['count'] > 0 ) {
				$actual[ $cell['weekday'] . '@' . $cell['hour'] ] = $cell['count'];
			}
		}
		ksort( $expected );
		ksort( $actual );
		$this->assertSame( $expected, $actual );
	}

	public function test_half_hour_offset_places_each_hour_by_its_start(): void {
		update_option( 'timezone_string', '' );
		update_option( 'gmt_offset', 5.5 );
		$created = $this->jobs_every_20_minutes( '2026-06-01 12:00:00', '2026-06-03 12:00:00' );
		$this->catch_up();
		$volume = $this->volume( '2026-06-01T00:00:00+05:30', '2026-06-03T23:59:59+05:30' );

		// Documented precision: the UTC hour 18:00–19:00 is local 23:30–00:30 and counts on the
		// earlier date, so jobs up to 30 minutes after local midnight land on the previous day.
		$by_start = array();
		$exact    = array();
		foreach ( $created as $stamp ) {
			$at                    = strtotime( $stamp . ' UTC' );
			$start                 = ( new \DateTimeImmutable( '@' . SiteClock::floor_hour( $at ) ) )->setTimezone( new \DateTimeZone( '+05:30' ) )->format( 'Y-m-d' );
			$real                  = ( new \DateTimeImmutable( '@' . $at ) )->setTimezone( new \DateTimeZone( '+05:30' ) );
			$by_start[ $start ]    = ( $by_start[ $start ] ?? 0 ) + 1;
			$exact[ $real->format( 'Y-m-d' ) ] = ( $exact[ $real->format( 'Y-m-d' ) ] ?? 0 ) + 1;
			if ( $start !== $real->format( 'Y-m-d' ) ) {
				$this->assertLessThan( 30, (int) $real->format( 'i' ) + 60 * (int) $real->format( 'G' ), 'Only jobs in the first 30 minutes of a day move.' );
			}
		}
		$this->assertSame( $by_start['2026-06-02'], $volume['2026-06-02'] );
		$this->assertLessThanOrEqual( 2, abs( $exact['2026-06-02'] - $volume['2026-06-02'] ) );
		$this->assertSame( '+05:30', SiteClock::site()->identity() );
	}

	public function test_a_time_zone_change_rebuckets_the_daily_rollups(): void {
		$created = $this->jobs_every_20_minutes( '2026-10-20 00:00:00', '2026-10-28 00:00:00' );
		$this->catch_up();
		$this->assertSame( 'UTC', $this->admin_request( 'GET', '/metrics/rollup' )->get_data()['time_zone'] );

		$this->zone( 'America/New_York' );
		$progress = $this->catch_up();
		$this->assertSame( 'ready', $progress['state'] );
		$this->assertSame( 'America/New_York', $progress['time_zone'] );

		$volume   = $this->volume( '2026-10-21T00:00:00-04:00', '2026-10-26T23:59:59-04:00' );
		$expected = $this->per_local_day( $created, 'America/New_York' );
		foreach ( $volume as $date => $jobs ) {
			$this->assertSame( $expected[ $date ], $jobs, $date );
		}
	}

	public function test_presets_and_bucket_sizes(): void {
		$this->zone( 'Europe/Berlin' );
		$clock = SiteClock::site();
		$now   = (int) strtotime( '2026-03-29 12:34:00 UTC' );

		$day = MetricsRange::resolve( '24h', null, null, $clock, $now );
		$this->assertSame( 'hour', $day->bucket );
		$this->assertCount( 24, $day->buckets );
		$this->assertSame( strtotime( '2026-03-29 12:00:00 UTC' ), $day->buckets[23]['start'] );

		$week = MetricsRange::resolve( '7d', null, null, $clock, $now );
		$this->assertSame( 'day', $week->bucket );
		$this->assertSame( array( '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29' ), array_column( $week->buckets, 'key' ) );

		$this->assertCount( 90, MetricsRange::resolve( '90d', null, null, $clock, $now )->buckets );

		$long = MetricsRange::resolve( 'custom', strtotime( '2026-01-01 00:00:00 UTC' ), strtotime( '2026-06-30 00:00:00 UTC' ), $clock, $now, 1 );
		$this->assertSame( 'week', $long->bucket );
		$this->assertSame( '2025-12-29', $long->buckets[0]['key'], 'Weeks start on the site\'s start_of_week (Monday).' );
		$this->assertSame( strtotime( '2025-12-31 23:00:00 UTC' ), $long->buckets[0]['start'], 'The first week is clipped to the range.' );
	}

	public function test_week_buckets_sum_the_days(): void {
		update_option( 'start_of_week', 0 );
		$created = $this->jobs_every_20_minutes( '2026-01-01 00:00:00', '2026-05-01 00:00:00', 3 * HOUR_IN_SECONDS );
		$this->catch_up();
		$data = $this->admin_request( 'GET', '/metrics', array( 'after' => '2026-01-01T00:00:00Z', 'before' => '2026-04-30T23:59:59Z' ) )->get_data();
		$this->assertSame( 'week', $data['range']['bucket'] );
		$this->assertSame( 0, $data['range']['start_of_week'] );
		$this->assertSame( count( $created ), $data['totals']['jobs'] );
		$this->assertSame( '2025-12-28', $data['volume'][0]['date'], 'Weeks start on Sunday.' );
		$this->assertSame( 3 * 8, $data['volume'][0]['total'], 'The first week holds Thursday to Saturday only.' );
		$this->assertSame( 7 * 8, $data['volume'][1]['total'] );
	}
}
