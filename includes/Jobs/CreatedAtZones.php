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
		$zones   = $this->zones();
		if ( ! $anchors ) {
			update_option( self::OPTION, array( 'version' => DataVersion::current(), 'zones' => array() ), false );
			return 0;
		}
		$deadline = microtime( true ) + $seconds;
		for ( $index = count( $zones ) * $this->anchors_each; isset( $anchors[ $index + $this->anchors_each ] ) && microtime( true ) < $deadline; $index += $this->anchors_each ) {
			$from    = $anchors[ $index ];
			$until   = $anchors[ $index + $this->anchors_each ];
			$range   = $this->list->created_at_range( $from, $until );
			$zones[] = array( $from, $until, $range['min'], $range['max'] );
		}
		// The rows above the last full zone, up to the newest job now, form a last (partial) zone.
		$tail  = null;
		$start = $zones ? (int) end( $zones )[1] : $anchors[0];
		$until = $this->list->max_id() + 1;
		// Measured only when small: above it, rows are read anyway and extending is cheaper.
		if ( $until > $start && $until - $start <= $this->unmapped_read() ) {
			$range = $this->list->created_at_range( $start, $until );
			$tail  = array( $start, $until, $range['min'], $range['max'] );
		}
		update_option(
			self::OPTION,
			array(
				'version' => DataVersion::current(),
				'zones'   => $zones,
				'tail'    => $tail,
			),
			false
		);
		return count( $zones );
	}

	/**
	 * The job-ID ranges that can hold rows created within [$after, $before] (UTC "Y-m-d H:i:s").
	 *
	 * @return array{from: int, to: int, above: int}|null Rows with from <= job_id <= to, or job_id >= above;
	 *                                                   null when there is no usable map.
	 */
	public function id_ranges( ?string $after, ?string $before ): ?array {
		$this->extend_when_behind();
		$stored = $this->stored();
		if ( null === $stored || ! $stored['zones'] ) {
			return null;
		}
		$zones = $stored['zones'];
		if ( is_array( $stored['tail'] ?? null ) ) {
			$zones[] = $stored['tail'];
		}
		$from = null;
		$to   = null;
		foreach ( $zones as [ $start, $end, $min, $max ] ) {
			$can_match = ( null === $before || ( null !== $min && $min <= $before ) ) && ( null === $after || ( null !== $max && $max >= $after ) );
			if ( $can_match ) {
				$from = $from ?? (int) $start;
				$to   = (int) $end - 1;
			}
		}
		$above = (int) end( $zones )[1];
		return array(
			'from'  => $from ?? $above,
			'to'    => $to ?? $above - 1,
			'above' => $above,
		);
	}

	/**
	 * Many rows above the map (or no usable map): extend the anchors and the map for a bounded time.
	 */
	private function extend_when_behind(): void {
		if ( $this->extend_budget <= 0 ) {
			return;
		}
		$stored = $this->stored();
		if ( null !== $stored ) {
			$last   = is_array( $stored['tail'] ?? null ) ? $stored['tail'] : ( $stored['zones'] ? end( $stored['zones'] ) : null );
			$mapped = null === $last ? 0 : (int) $last[1];
			if ( $this->list->max_id() + 1 - $mapped <= $this->unmapped_read() ) {
				return;
			}
		}
		$this->anchors->refresh( $this->extend_budget / 2 );
		$this->refresh( $this->extend_budget / 2 );
	}

	private function unmapped_read(): int {
		return self::UNMAPPED_STEPS * $this->anchors->step() * $this->anchors_each;
	}

	/**
	 * @return array<int, array{0: int, 1: int, 2: string|null, 3: string|null}>
	 */
	private function zones(): array {
		return $this->stored()['zones'] ?? array();
	}

	/**
	 * @return array{zones: array<int, array{0: int, 1: int, 2: string|null, 3: string|null}>, tail?: array{0: int, 1: int, 2: string|null, 3: string|null}|null}|null
	 */
	private function stored(): ?array {
		$stored = get_option( self::OPTION );
		if ( ! is_array( $stored ) || (int) $stored['version'] !== DataVersion::current() ) {
			return null;
		}
		return $stored;
	}
}
