<?php
/**
 * Every 1,000th job ID counted from the oldest job, so that a deep page of the unfiltered list is read
 * from the nearest anchor (a short primary-key range) instead of skipping hundreds of thousands of rows
 * with OFFSET. New jobs only extend the list, also on demand: a page past the last anchor (jobs written
 * straight into the table since) extends it within the request, for a bounded time (EXTEND_BUDGET);
 * deletions (DataVersion) make WP-Cron rebuild it.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobListRepository;

defined( 'ABSPATH' ) || exit;

final class PageAnchors {

	public const OPTION = 'dm_jobs_page_anchors';
	public const STEP   = 1000;

	/**
	 * Seconds one request may spend extending the anchors it needs.
	 */
	public const EXTEND_BUDGET = 0.01;

	/**
	 * @param JobListRepository $list          Queries.
	 * @param int               $step          Rows between anchors.
	 * @param float             $extend_budget Seconds a request may spend extending them (0: never).
	 */
	/**
	 * The anchors read (null: not yet), for the data version they were read at.
	 *
	 * @var int[]|null
	 */
	private ?array $ids = null;

	private int $ids_version = -1;

	public function __construct(
		private readonly JobListRepository $list = new JobListRepository(),
		private readonly int $step = self::STEP,
		private readonly float $extend_budget = self::EXTEND_BUDGET,
	) {
	}

	/**
	 * Rows between anchors.
	 */
	public function step(): int {
		return $this->step;
	}

	/**
	 * Builds or extends the anchors, for at most $seconds.
	 *
	 * @return int How many anchors there are.
	 */
	public function refresh( float $seconds = 20.0 ): int {
		$ids = $this->ids();
		if ( ! $ids ) {
			$first = $this->list->min_id();
			if ( $first < 1 ) {
				$this->save( array() );
				return 0;
			}
			$ids[] = $first;
		}
		$deadline = microtime( true ) + $seconds;
		while ( microtime( true ) < $deadline ) {
			$next = $this->list->id_after( (int) end( $ids ), $this->step );
			if ( null === $next ) {
				break;
			}
			$ids[] = $next;
		}
		$this->save( $ids );
		return count( $ids );
	}

	/**
	 * The current anchors (ascending job IDs, one every $step rows), or an empty list when stale.
	 *
	 * @return int[]
	 */
	public function ids(): array {
		$version = DataVersion::current();
		if ( null !== $this->ids && $this->ids_version === $version ) {
			return $this->ids;
		}
		$stored            = get_option( self::OPTION );
		$this->ids_version = $version;
		if ( ! is_array( $stored ) || (int) ( $stored['version'] ?? -1 ) !== $version || $this->step !== (int) ( $stored['step'] ?? 0 ) ) {
			$this->ids = array();
		} elseif ( is_array( $stored['ids'] ?? null ) ) {
			$this->ids = array_map( 'intval', $stored['ids'] );
		} else {
			$ids       = (string) ( $stored['ids'] ?? '' );
			$this->ids = '' === $ids ? array() : array_map( 'intval', explode( ',', $ids ) );
		}
		return $this->ids;
	}

	/**
	 * Stored as one comma-separated string: 10,000 anchors (10M jobs) as a PHP array took milliseconds to
	 * unserialize on every deep-page and date-filtered request.
	 *
	 * @param int[] $ids
	 */
	private function save( array $ids ): void {
		update_option(
			self::OPTION,
			array(
				'version' => DataVersion::current(),
				'step'    => $this->step,
				'ids'     => implode( ',', $ids ),
			),
			false
		);
		$this->ids         = $ids;
		$this->ids_version = DataVersion::current();
	}

	/**
	 * Where to start reading to get the rows at ascending positions [$start, $start + $length).
	 *
	 * @return array{anchor_id: int, skip: int}|null Null when the anchors are missing, stale or too short.
	 */
	public function locate( int $start ): ?array {
		$ids   = $this->ids();
		$index = intdiv( max( 0, $start ), $this->step );
		if ( ! isset( $ids[ $index ] ) && $this->extend_budget > 0 ) {
			// Not far enough yet (rows were added, or a deletion invalidated them): build a little
			// further; the next request goes on from there.
			$this->refresh( $this->extend_budget );
			$ids = $this->ids();
		}
		if ( ! isset( $ids[ $index ] ) ) {
			return null;
		}
		return array(
			'anchor_id' => $ids[ $index ],
			'skip'      => $start - $index * $this->step,
		);
	}
}
