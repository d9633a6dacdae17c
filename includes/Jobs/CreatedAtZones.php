<?php
/**
 * A zone map of dm_jobs: for each run of 1,000 job IDs (between two page anchors), the earliest and
 * latest created_at in it.
 *
 * A date filter on a list ordered by job ID then reads only the ID ranges that can hold matching rows
 * (MySQL would otherwise walk the primary key through every newer row, or sort millions of rows).
 * Exact, not a guess: a zone is skipped only when none of its rows can match. The rows above the last
 * full zone form a partial zone measured at refresh time (when they are few); rows added since are
 * always read. When many rows arrived since (written straight into the table, no WP-Cron), a date
 * filter first extends the map within the request for a bounded time (EXTEND_BUDGET), so the rows it
 * must always read shrink request by request. Deletions (DataVersion) invalidate the map; it is then
 * rebuilt the same way, a bounded slice per request, and by WP-Cron.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobListRepository;

defined( 'ABSPATH' ) || exit;

final class CreatedAtZones {

	public const OPTION       = 'dm_jobs_created_zones';
	public const ANCHORS_EACH = 1;

	/**
	 * Seconds a date-filtered request may spend extending the map (and the anchors it is built on).
	 */
	public const EXTEND_BUDGET = 0.012;

	/**
	 * Rows above the map (in anchor steps) that a request reads anyway before it extends the map.
	 */
	public const UNMAPPED_STEPS = 2;

	/**
	 * The map read from the option (false: not read yet; null: none usable).
	 *
	 * @var array{starts: array<int, int|string>, ends: array<int, int|string>, mins: array<int, string>, maxs: array<int, string>, tail: array{0: int, 1: int, 2: string|null, 3: string|null}|null}|null|false
	 */
	private array|null|false $map = false;

	private int $map_version = -1;

	/**
	 * @param PageAnchors       $anchors      Where zones start and end.
	 * @param JobListRepository $list         Queries.
	 * @param int               $anchors_each Anchors per zone.
	 * @param float             $extend_budget Seconds a request may spend extending the map (0: never).
	 */
	public function __construct(
		private readonly PageAnchors $anchors = new PageAnchors(),
		private readonly JobListRepository $list = new JobListRepository(),
		private readonly int $anchors_each = self::ANCHORS_EACH,
		private readonly float $extend_budget = self::EXTEND_BUDGET,
	) {
	}

	/**
	 * Adds zones for complete runs of anchors not yet mapped, for at most $seconds.
	 *
	 * @return int How many zones there are.
	 */
	public function refresh( float $seconds = 20.0 ): int {
		$anchors = $this->anchors->ids();
		$map     = $this->stored() ?? self::empty_map();
		if ( ! $anchors ) {
			$this->save( self::empty_map() );
			return 0;
		}
		$deadline = microtime( true ) + $seconds;
		for ( $index = count( $map['starts'] ) * $this->anchors_each; isset( $anchors[ $index + $this->anchors_each ] ) && microtime( true ) < $deadline; $index += $this->anchors_each ) {
			$from             = $anchors[ $index ];
			$until            = $anchors[ $index + $this->anchors_each ];
			$range            = $this->list->created_at_range( $from, $until );
			$map['starts'][]  = $from;
			$map['ends'][]    = $until;
			$map['mins'][]    = $range['min'] ?? '';
			$map['maxs'][]    = $range['max'] ?? '';
		}
		// The rows above the last full zone, up to the newest job now, form a last (partial) zone.
		$map['tail'] = null;
		$start       = $map['ends'] ? (int) end( $map['ends'] ) : $anchors[0];
		$until       = $this->list->max_id() + 1;
		// Measured only when small: above it, rows are read anyway and extending is cheaper.
		if ( $until > $start && $until - $start <= $this->unmapped_read() ) {
			$range       = $this->list->created_at_range( $start, $until );
			$map['tail'] = array( $start, $until, $range['min'], $range['max'] );
		}
		$this->save( $map );
		return count( $map['starts'] );
	}

	/**
	 * The first job ID above the map: rows from there on are always read.
	 */
	public function mapped_up_to(): int {
		$map = $this->stored();
		if ( null === $map ) {
			return 0;
		}
		if ( is_array( $map['tail'] ) ) {
			return (int) $map['tail'][1];
		}
		return $map['ends'] ? (int) end( $map['ends'] ) : 0;
	}

	/**
	 * The job-ID ranges that can hold rows created within [$after, $before] (UTC "Y-m-d H:i:s").
	 *
	 * @return array{from: int, to: int, above: int}|null Rows with from <= job_id <= to, or job_id >= above;
	 *                                                   null when there is no usable map.
	 */
	public function id_ranges( ?string $after, ?string $before ): ?array {
		$this->extend_when_behind();
		$map = $this->stored();
		if ( null === $map || ! $map['starts'] ) {
			return null;
		}
		$from = null;
		$to   = null;
		foreach ( $map['starts'] as $index => $start ) {
			if ( self::can_match( $map['mins'][ $index ], $map['maxs'][ $index ], $after, $before ) ) {
				$from = $from ?? (int) $start;
				$to   = (int) $map['ends'][ $index ] - 1;
			}
		}
		$above = (int) end( $map['ends'] );
		if ( is_array( $map['tail'] ) ) {
			[ $start, $end, $min, $max ] = $map['tail'];
			if ( self::can_match( (string) $min, (string) $max, $after, $before ) ) {
				$from = $from ?? (int) $start;
				$to   = (int) $end - 1;
			}
			$above = (int) $end;
		}
		return array(
			'from'  => $from ?? $above,
			'to'    => $to ?? $above - 1,
			'above' => $above,
		);
	}

	/**
	 * Whether a zone whose rows were created between $min and $max ('' when it has none) can hold a row
	 * created within [$after, $before].
	 */
	private static function can_match( string $min, string $max, ?string $after, ?string $before ): bool {
		return ( null === $before || ( '' !== $min && $min <= $before ) ) && ( null === $after || ( '' !== $max && $max >= $after ) );
	}

	/**
	 * Many rows above the map (or no usable map): extend the anchors and the map for a bounded time.
	 */
	private function extend_when_behind(): void {
		if ( $this->extend_budget <= 0 ) {
			return;
		}
		if ( null !== $this->stored() && $this->list->max_id() + 1 - $this->mapped_up_to() <= $this->unmapped_read() ) {
			return;
		}
		$this->anchors->refresh( $this->extend_budget / 2 );
		$this->refresh( $this->extend_budget / 2 );
	}

	private function unmapped_read(): int {
		return self::UNMAPPED_STEPS * $this->anchors->step() * $this->anchors_each;
	}

	/**
	 * The map as columns (a list of 10,000 zones is read on every date-filtered request: one PHP array
	 * per zone took 17 ms to unserialize at 10M jobs, a comma-separated string per column takes 1 ms).
	 * Read once per instance.
	 *
	 * @return array{starts: array<int, int|string>, ends: array<int, int|string>, mins: array<int, string>, maxs: array<int, string>, tail: array{0: int, 1: int, 2: string|null, 3: string|null}|null}|null IDs as read (numeric strings); a zone whose rows were all deleted has no dates ('').
	 */
	private function stored(): ?array {
		$version = DataVersion::current();
		if ( false !== $this->map && $this->map_version === $version ) {
			return $this->map;
		}
		$this->map_version = $version;
		$stored            = get_option( self::OPTION );
		if ( ! is_array( $stored ) || (int) ( $stored['version'] ?? -1 ) !== $version ) {
			$this->map = null;
		} elseif ( isset( $stored['zones'] ) && is_array( $stored['zones'] ) ) {
			$this->map = self::from_rows( $stored['zones'], $stored['tail'] ?? null );
		} else {
			$this->map = array(
				'starts' => self::split( (string) ( $stored['starts'] ?? '' ) ),
				'ends'   => self::split( (string) ( $stored['ends'] ?? '' ) ),
				'mins'   => self::split( (string) ( $stored['mins'] ?? '' ) ),
				'maxs'   => self::split( (string) ( $stored['maxs'] ?? '' ) ),
				'tail'   => is_array( $stored['tail'] ?? null ) ? $stored['tail'] : null,
			);
		}
		return $this->map;
	}

	/**
	 * @param array{starts: array<int, int|string>, ends: array<int, int|string>, mins: array<int, string>, maxs: array<int, string>, tail: array{0: int, 1: int, 2: string|null, 3: string|null}|null} $map
	 */
	private function save( array $map ): void {
		update_option(
			self::OPTION,
			array(
				'version' => DataVersion::current(),
				'starts'  => implode( ',', $map['starts'] ),
				'ends'    => implode( ',', $map['ends'] ),
				'mins'    => implode( ',', $map['mins'] ),
				'maxs'    => implode( ',', $map['maxs'] ),
				'tail'    => $map['tail'],
			),
			false
		);
		$this->map         = $map;
		$this->map_version = DataVersion::current();
	}

	/**
	 * @return array{starts: array<int, int|string>, ends: array<int, int|string>, mins: array<int, string>, maxs: array<int, string>, tail: null}
	 */
	private static function empty_map(): array {
		return array(
			'starts' => array(),
			'ends'   => array(),
			'mins'   => array(),
			'maxs'   => array(),
			'tail'   => null,
		);
	}

	/**
	 * The map as stored before it was kept as columns (one array per zone).
	 *
	 * @param array<int, array{0: int, 1: int, 2: string|null, 3: string|null}> $zones
	 * @param mixed                                                                $tail
	 * @return array{starts: array<int, int|string>, ends: array<int, int|string>, mins: array<int, string>, maxs: array<int, string>, tail: array{0: int, 1: int, 2: string|null, 3: string|null}|null}
	 */
	private static function from_rows( array $zones, $tail ): array {
		$map         = self::empty_map();
		$map['tail'] = is_array( $tail ) ? $tail : null;
		foreach ( $zones as [ $start, $end, $min, $max ] ) {
			$map['starts'][] = (int) $start;
			$map['ends'][]   = (int) $end;
			$map['mins'][]   = $min ?? '';
			$map['maxs'][]   = $max ?? '';
		}
		return $map;
	}

	/**
	 * @return string[]
	 */
	private static function split( string $column ): array {
		return '' === $column ? array() : explode( ',', $column );
	}
}
