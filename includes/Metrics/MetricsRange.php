<?php
/**
 * A metrics time range and its buckets.
 *
 * Bucket size follows the range: hours (UTC hours, shown in site time) for ranges of up to 48
 * hours, site-local days up to 90 days, site-local weeks (starting on the site's start_of_week)
 * beyond. Presets: 24h = the last 24 hours including the current one; 7d/30d/90d = the last N
 * local days including today. Custom ranges are widened to whole buckets.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Repository\RollupRepository;

defined( 'ABSPATH' ) || exit;

final class MetricsRange {

	public const PRESETS        = array( '24h', '7d', '30d', '90d', 'custom' );
	public const MAX_HOUR_SPAN  = 48 * 3600;
	public const MAX_DAY_SPAN   = 90 * 86400;
	public const MAX_SPAN_DAYS  = 731;
	public const BUCKET_HOUR    = 'hour';
	public const BUCKET_DAY     = 'day';
	public const BUCKET_WEEK    = 'week';

	/**
	 * @param string                                                            $preset  One of PRESETS.
	 * @param string                                                            $bucket  hour, day or week.
	 * @param int                                                               $start   First UTC hour covered (inclusive).
	 * @param int                                                               $end     End of the last bucket (exclusive, UTC).
	 * @param array<int, array{key: string, start: int, end: int, date: string|null}> $buckets In order.
	 * @param string|null                                                       $first_date First local date (day/week buckets).
	 * @param string|null                                                       $end_date   Local date after the last one (day/week buckets).
	 * @param bool                                                              $fell_back  Hours were asked for but are older than the hourly rollups.
	 */
	public function __construct(
		public readonly string $preset,
		public readonly string $bucket,
		public readonly int $start,
		public readonly int $end,
		public readonly array $buckets,
		public readonly ?string $first_date,
		public readonly ?string $end_date,
		public readonly bool $fell_back = false,
	) {
	}

	/**
	 * Resolves a preset or custom bounds into buckets.
	 *
	 * @param string   $preset One of PRESETS.
	 * @param int|null $after  Custom start (Unix time).
	 * @param int|null $before Custom end (Unix time).
	 * @param int      $now    Current time.
	 */
	public static function resolve( string $preset, ?int $after, ?int $before, SiteClock $clock, int $now, int $start_of_week = 1 ): self {
		$hour = SiteClock::floor_hour( $now );
		switch ( $preset ) {
			case '24h':
				return self::hours( $preset, $hour - 23 * SiteClock::HOUR, $hour + SiteClock::HOUR );
			case '7d':
			case '30d':
			case '90d':
				$days  = (int) $preset;
				$today = $clock->today( $now );
				return self::days( $preset, SiteClock::add_days( $today, 1 - $days ), SiteClock::add_days( $today, 1 ), $clock, self::BUCKET_DAY, $start_of_week );
		}
		$after  = $after ?? $now - DAY_IN_SECONDS;
		$before = $before ?? $now;
		$span   = $before - $after;
		$first  = SiteClock::floor_hour( $after );
		if ( $span <= self::MAX_HOUR_SPAN ) {
			$oldest = SiteClock::floor_hour( $now - RollupPass::hourly_days() * DAY_IN_SECONDS );
			if ( $first >= $oldest ) {
				return self::hours( $preset, $first, max( $first + SiteClock::HOUR, SiteClock::ceil_hour( $before ) ) );
			}
		}
		$first_date = $clock->local_date( $after );
		$last_date  = $clock->local_date( max( $after, $before - 1 ) );
		$bucket     = $span <= self::MAX_DAY_SPAN ? self::BUCKET_DAY : self::BUCKET_WEEK;
		$range      = self::days( $preset, $first_date, SiteClock::add_days( $last_date, 1 ), $clock, $bucket, $start_of_week );
		if ( $span <= self::MAX_HOUR_SPAN ) {
			return new self( $range->preset, $range->bucket, $range->start, $range->end, $range->buckets, $range->first_date, $range->end_date, true );
		}
		return $range;
	}

	/**
	 * The rollup grain this range reads, and its bounds in that grain: [from, to).
	 *
	 * @return array{0: string, 1: string, 2: string}
	 */
	public function grain(): array {
		if ( self::BUCKET_HOUR === $this->bucket ) {
			return array( RollupRepository::GRAIN_HOURLY, gmdate( 'Y-m-d H:i:s', $this->start ), gmdate( 'Y-m-d H:i:s', $this->end ) );
		}
		return array( RollupRepository::GRAIN_DAILY, (string) $this->first_date, (string) $this->end_date );
	}

	/**
	 * The bucket key a rollup row's bucket value belongs to.
	 */
	public function key_of( string $bucket_value, int $start_of_week = 1 ): string {
		if ( self::BUCKET_HOUR === $this->bucket ) {
			return (string) strtotime( $bucket_value . ' UTC' );
		}
		$date = substr( $bucket_value, 0, 10 );
		return self::BUCKET_WEEK === $this->bucket ? SiteClock::week_start( $date, $start_of_week ) : $date;
	}

	private static function hours( string $preset, int $start, int $end ): self {
		$buckets = array();
		for ( $hour = $start; $hour < $end; $hour += SiteClock::HOUR ) {
			$buckets[] = array(
				'key'   => (string) $hour,
				'start' => $hour,
				'end'   => $hour + SiteClock::HOUR,
				'date'  => null,
			);
		}
		return new self( $preset, self::BUCKET_HOUR, $start, $end, $buckets, null, null );
	}

	private static function days( string $preset, string $first, string $end_date, SiteClock $clock, string $bucket, int $start_of_week ): self {
		$buckets = array();
		if ( self::BUCKET_WEEK === $bucket ) {
			$week = SiteClock::week_start( $first, $start_of_week );
			while ( $week < $end_date ) {
				$next      = SiteClock::add_days( $week, 7 );
				$from      = max( $week, $first );
				$to        = min( $next, $end_date );
				$buckets[] = array(
					'key'   => $week,
					'start' => $clock->day_start( $from ),
					'end'   => $clock->day_start( $to ),
					'date'  => $week,
				);
				$week      = $next;
			}
		} else {
			for ( $date = $first; $date < $end_date; $date = SiteClock::add_days( $date, 1 ) ) {
				[ $start, $end ] = $clock->day_hours( $date );
				$buckets[]       = array(
					'key'   => $date,
					'start' => $start,
					'end'   => $end,
					'date'  => $date,
				);
			}
		}
		return new self( $preset, $bucket, $clock->day_start( $first ), $clock->day_start( $end_date ), $buckets, $first, $end_date );
	}
}
