<?php
/**
 * Maps the UTC hours that rollups are kept in onto the site's calendar.
 *
 * Rule (used everywhere: daily rollups, day/week buckets, the heatmap): a UTC hour belongs to the
 * local date, weekday and hour in which it STARTS. With whole-hour offsets (and across DST
 * changes) this is exact: a local day is exactly the UTC hours inside it, 23 or 25 of them on
 * DST-change days. With offsets such as +05:30 or +05:45 a local day boundary falls inside a UTC
 * hour, so a job can be placed up to 59 minutes (30 for +05:30) earlier than its local time.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

defined( 'ABSPATH' ) || exit;

final class SiteClock {

	public const HOUR = 3600;

	/**
	 * @var array<int, array{date: string, hour: int, weekday: int}>
	 */
	private array $hour_cache = array();

	/**
	 * @var array<string, int>
	 */
	private array $day_start_cache = array();

	public function __construct( private readonly \DateTimeZone $zone ) {
	}

	public static function site(): self {
		return new self( wp_timezone() );
	}

	public function zone(): \DateTimeZone {
		return $this->zone;
	}

	/**
	 * A stable name of the zone: an IANA name, or an offset such as "+05:30".
	 */
	public function identity(): string {
		return $this->zone->getName();
	}

	public static function floor_hour( int $timestamp ): int {
		return $timestamp - ( ( $timestamp % self::HOUR ) + self::HOUR ) % self::HOUR;
	}

	public static function ceil_hour( int $timestamp ): int {
		$floor = self::floor_hour( $timestamp );
		return $floor === $timestamp ? $floor : $floor + self::HOUR;
	}

	/**
	 * The local date, hour (0–23) and ISO weekday (1 = Monday … 7 = Sunday) in which a UTC hour starts.
	 *
	 * @return array{date: string, hour: int, weekday: int}
	 */
	public function local_hour( int $hour_start ): array {
		if ( isset( $this->hour_cache[ $hour_start ] ) ) {
			return $this->hour_cache[ $hour_start ];
		}
		$local = ( new \DateTimeImmutable( '@' . $hour_start ) )->setTimezone( $this->zone );
		$value = array(
			'date'    => $local->format( 'Y-m-d' ),
			'hour'    => (int) $local->format( 'G' ),
			'weekday' => (int) $local->format( 'N' ),
		);
		if ( count( $this->hour_cache ) > 50000 ) {
			$this->hour_cache = array();
		}
		$this->hour_cache[ $hour_start ] = $value;
		return $value;
	}

	/**
	 * The local date a moment falls on (by the hour it is in, see the class comment).
	 */
	public function local_date( int $timestamp ): string {
		return $this->local_hour( self::floor_hour( $timestamp ) )['date'];
	}

	/**
	 * The first UTC hour that belongs to a local date.
	 */
	public function day_start( string $date ): int {
		if ( isset( $this->day_start_cache[ $date ] ) ) {
			return $this->day_start_cache[ $date ];
		}
		$midnight = new \DateTimeImmutable( $date . ' 00:00:00', $this->zone );
		$start    = self::ceil_hour( $midnight->getTimestamp() );
		// Zones that skip midnight itself: make sure the hour really belongs to this date.
		while ( $this->local_hour( $start )['date'] < $date ) {
			$start += self::HOUR;
		}
		$this->day_start_cache[ $date ] = $start;
		return $start;
	}

	/**
	 * The UTC hours of a local date: [start, end).
	 *
	 * @return array{0: int, 1: int}
	 */
	public function day_hours( string $date ): array {
		return array( $this->day_start( $date ), $this->day_start( self::add_days( $date, 1 ) ) );
	}

	public function today( ?int $now = null ): string {
		return $this->local_date( $now ?? time() );
	}

	public static function add_days( string $date, int $days ): string {
		return ( new \DateTimeImmutable( $date . ' 12:00:00', new \DateTimeZone( 'UTC' ) ) )->modify( sprintf( '%+d days', $days ) )->format( 'Y-m-d' );
	}

	/**
	 * Whole days from one date to another (positive when $to is later).
	 */
	public static function days_between( string $from, string $to ): int {
		$utc = new \DateTimeZone( 'UTC' );
		return (int) round( ( ( new \DateTimeImmutable( $to, $utc ) )->getTimestamp() - ( new \DateTimeImmutable( $from, $utc ) )->getTimestamp() ) / 86400 );
	}

	/**
	 * ISO weekday of a date: 1 = Monday … 7 = Sunday.
	 */
	public static function weekday( string $date ): int {
		return (int) ( new \DateTimeImmutable( $date, new \DateTimeZone( 'UTC' ) ) )->format( 'N' );
	}

	/**
	 * The first date of the week a date is in.
	 *
	 * @param string $date          Y-m-d.
	 * @param int    $start_of_week 0 = Sunday … 6 = Saturday (WordPress's start_of_week option).
	 */
	public static function week_start( string $date, int $start_of_week ): string {
		$weekday = self::weekday( $date ) % 7; // 0 = Sunday.
		$back    = ( $weekday - $start_of_week + 7 ) % 7;
		return self::add_days( $date, -$back );
	}

	/**
	 * The site's first day of the week (0 = Sunday … 6 = Saturday; Monday when the option is invalid).
	 */
	public static function start_of_week(): int {
		$value = (int) get_option( 'start_of_week', 1 );
		return $value >= 0 && $value <= 6 ? $value : 1;
	}
}
