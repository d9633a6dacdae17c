<?php
/**
 * Job counts per base status, pipeline and flow without counting millions of rows per request.
 *
 * A snapshot (grouped counts up to a job ID, refreshed by WP-Cron) is kept exact cheaply: jobs added
 * since are counted by a short primary-key range, and jobs that were still open when it was taken are
 * re-read by ID. When many jobs arrived at once (written straight into the table, no WP-Cron) each
 * request first folds a bounded slice of them into the snapshot, and says its counts are estimates
 * until the rest is folded. Deletions and changes to finished jobs bump DataVersion; until the next
 * refresh the counts are then reported as approximate.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\JobListRepository;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class JobCounts {

	public const OPTION          = 'dm_jobs_count_snapshot';
	public const LOCK_OPTION     = 'dm_jobs_count_snapshot_lock';
	public const MAX_OPEN_IDS    = 5000;
	public const INLINE_MAX_ROWS = 200000;

	/**
	 * Jobs above the snapshot (rows written since, e.g. straight into the table by Data Machine) counted
	 * within each request; past this many the snapshot is first brought forward.
	 */
	public const TAIL_COUNTED_INLINE = 5000;

	/**
	 * Job IDs folded into the snapshot per step, and how long one request may spend folding. A request
	 * that finds more than FOLD_TRIGGER jobs above the snapshot folds them (down to none, or until the
	 * budget is spent), so the rows counted inline stay few.
	 */
	public const FOLD_SLICE   = 5000;
	public const FOLD_BUDGET  = 0.012;
	public const FOLD_TRIGGER = 500;

	/**
	 * @var array{total: int, by_status: array<string, int>, by_pipeline: array<string, int>, by_flow: array<string, int>, exact: bool, as_of: int}|null
	 */
	private ?array $current = null;

	/**
	 * @param JobListRepository $list            Queries.
	 * @param int               $inline_max_rows Up to this many rows (estimated) a missing or stale snapshot
	 *                                           is recounted within the request.
	 * @param int               $tail_inline     See TAIL_COUNTED_INLINE.
	 * @param int               $fold_slice      See FOLD_SLICE.
	 * @param float             $fold_budget     See FOLD_BUDGET (seconds; at least one slice is folded).
	 */
	public function __construct(
		private readonly JobListRepository $list = new JobListRepository(),
		private readonly int $inline_max_rows = self::INLINE_MAX_ROWS,
		private readonly int $tail_inline = self::TAIL_COUNTED_INLINE,
		private readonly int $fold_slice = self::FOLD_SLICE,
		private readonly float $fold_budget = self::FOLD_BUDGET,
	) {
	}

	/**
	 * Counts as of now.
	 *
	 * Jobs written since the snapshot are counted within the request while they are few; when many
	 * arrived at once (a direct import, no WP-Cron) the request first folds a bounded slice of them into
	 * the snapshot (FOLD_BUDGET), so each request does a little of the catching up and none pays for all
	 * of it. Until the rest is folded the counts say they are estimates (exact: false).
	 *
	 * @return array{total: int, by_status: array<string, int>, by_pipeline: array<string, int>, by_flow: array<string, int>, exact: bool, as_of: int}
	 */
	public function current(): array {
		if ( null !== $this->current ) {
			return $this->current;
		}
		$snapshot = get_option( self::OPTION );
		$missing  = ! is_array( $snapshot ) || ! isset( $snapshot['max_id'] );
		if ( $missing || DataVersion::current() !== (int) $snapshot['version'] ) {
			// Missing, or stale after a deletion: recount now when that is cheap, else in WP-Cron.
			$fresh = $this->snapshot_or_null_when_too_big();
			if ( null !== $fresh ) {
				$snapshot = $fresh;
			} elseif ( $missing ) {
				// Nothing to start from: count the table from its first job on, slice by slice.
				$snapshot = $this->empty_snapshot();
			}
		}

		// Rows above the snapshot, not the distance between IDs: auto-increment leaves gaps (rolled-back
		// inserts, the newest jobs deleted), and a gap is nothing to fold or to estimate.
		$tail_exact = true;
		$max_id     = 0;
		if ( null !== $this->list->id_after( (int) $snapshot['max_id'], min( $this->tail_inline, self::FOLD_TRIGGER ) + 1 ) ) {
			$max_id     = $this->list->max_id();
			$snapshot   = $this->fold( $snapshot, $max_id );
			$tail_exact = null === $this->list->id_after( (int) $snapshot['max_id'], $this->tail_inline + 1 );
		}

		$by_status   = $snapshot['by_status'];
		$by_pipeline = $snapshot['by_pipeline'];
		$by_flow     = $snapshot['by_flow'];
		// Jobs open at snapshot time: take out what they were, add what they are now.
		foreach ( $snapshot['open_by_status'] as $status => $count ) {
			$by_status[ $status ] = ( $by_status[ $status ] ?? 0 ) - $count;
		}
		if ( $snapshot['open_ids'] ) {
			$by_status = self::add( $by_status, $this->list->count_groups( null, $snapshot['open_ids'] )['status'] );
		}
		if ( $tail_exact ) {
			$tail        = $this->list->count_groups( (int) $snapshot['max_id'] );
			$by_status   = self::add( $by_status, $tail['status'] );
			$by_pipeline = self::add( $by_pipeline, $tail['pipeline_id'] );
			$by_flow     = self::add( $by_flow, $tail['flow_id'] );
		} else {
			// Still catching up: the jobs above the snapshot (at most one per ID) in the proportions
			// of the jobs counted so far.
			$by_status = self::add( $by_status, self::spread( $max_id - (int) $snapshot['max_id'], $by_status ) );
		}

		$by_status = array_filter( $by_status, static fn ( int $count ): bool => $count > 0 );
		return $this->current = array(
			'total'       => array_sum( $by_status ),
			'by_status'   => $by_status,
			'by_pipeline' => $by_pipeline,
			'by_flow'     => $by_flow,
			'exact'       => $tail_exact && DataVersion::current() === (int) $snapshot['version'],
			'as_of'       => (int) $snapshot['computed_at'],
		);
	}

	/**
	 * Brings the snapshot forward over the jobs above it, a slice of IDs at a time, for at most the fold
	 * budget (at least one slice), and stores it. Only one request folds at a time; the others answer
	 * from the snapshot as it is.
	 *
	 * @param array<string, mixed> $snapshot The snapshot as read.
	 * @param int                  $max_id   The newest job now.
	 * @return array<string, mixed> The snapshot to answer from.
	 */
	private function fold( array $snapshot, int $max_id ): array {
		if ( ! $this->lock() ) {
			return $snapshot;
		}
		try {
			// Another request may have folded since we read it.
			wp_cache_delete( self::OPTION, 'options' );
			$stored = get_option( self::OPTION );
			if ( is_array( $stored ) && isset( $stored['max_id'] ) && (int) $stored['version'] === (int) $snapshot['version'] && (int) $stored['max_id'] >= (int) $snapshot['max_id'] ) {
				$snapshot = $stored;
			}
			$deadline = microtime( true ) + $this->fold_budget;
			do {
				$from  = (int) $snapshot['max_id'];
				$up_to = $this->list->id_after( $from, $this->fold_slice ) ?? $max_id;
				$open  = $this->list->open_job_ids( self::MAX_OPEN_IDS, $from, $up_to );

				$slice                   = $this->list->count_groups( $from, array(), $up_to );
				$snapshot['by_status']   = self::add( $snapshot['by_status'], $slice['status'] );
				$snapshot['by_pipeline'] = self::add( $snapshot['by_pipeline'], $slice['pipeline_id'] );
				$snapshot['by_flow']     = self::add( $snapshot['by_flow'], $slice['flow_id'] );
				if ( $open && count( $snapshot['open_ids'] ) + count( $open ) <= self::MAX_OPEN_IDS ) {
					$snapshot['open_ids']       = array_merge( $snapshot['open_ids'], $open );
					$snapshot['open_by_status'] = self::add( $snapshot['open_by_status'], $this->list->count_groups( null, $open )['status'] );
				}
				$snapshot['max_id'] = $up_to;
			} while ( $up_to < $max_id && microtime( true ) < $deadline );
			update_option( self::OPTION, $snapshot, false );
			return $snapshot;
		} finally {
			delete_option( self::LOCK_OPTION );
		}
	}

	/**
	 * One folder at a time: add_option() is an INSERT that fails while the lock row exists. A lock older
	 * than a minute belongs to a request that died and is taken over.
	 */
	private function lock(): bool {
		if ( add_option( self::LOCK_OPTION, time(), '', false ) ) {
			return true;
		}
		wp_cache_delete( self::LOCK_OPTION, 'options' );
		$since = (int) get_option( self::LOCK_OPTION, 0 );
		if ( $since > 0 && $since < time() - MINUTE_IN_SECONDS ) {
			delete_option( self::LOCK_OPTION );
			return add_option( self::LOCK_OPTION, time(), '', false );
		}
		return false;
	}

	/**
	 * @return array<string, mixed> A snapshot of nothing, below the first job.
	 */
	private function empty_snapshot(): array {
		return array(
			'version'        => DataVersion::current(),
			'computed_at'    => time(),
			'max_id'         => max( 0, $this->list->min_id() - 1 ),
			'by_status'      => array(),
			'by_pipeline'    => array(),
			'by_flow'        => array(),
			'open_ids'       => array(),
			'open_by_status' => array(),
		);
	}

	/**
	 * $count jobs shared out in the proportions of $counts (all as one unknown status when empty).
	 *
	 * @param array<string, int> $counts
	 * @return array<string, int>
	 */
	private static function spread( int $count, array $counts ): array {
		$known = array_sum( array_filter( $counts, static fn ( int $value ): bool => $value > 0 ) );
		if ( $known < 1 ) {
			return array( BaseStatus::Completed->value => $count );
		}
		$shares = array();
		foreach ( $counts as $key => $value ) {
			if ( $value > 0 ) {
				$shares[ $key ] = (int) round( $count * $value / $known );
			}
		}
		return $shares;
	}

	public function total(): int {
		return $this->current()['total'];
	}

	/**
	 * Counts every job in the table by status, pipeline and flow and stores the result.
	 *
	 * @return array<string, mixed> The stored snapshot.
	 */
	public function refresh(): array {
		$version  = DataVersion::current();
		$max_id   = $this->list->max_id();
		$open_ids = $this->list->open_job_ids( self::MAX_OPEN_IDS );
		$all      = $this->list->count_groups( null, array(), $max_id );
		$snapshot = array(
			'version'        => $version,
			'computed_at'    => time(),
			'max_id'         => $max_id,
			'by_status'      => $all['status'],
			'by_pipeline'    => $all['pipeline_id'],
			'by_flow'        => $all['flow_id'],
			'open_ids'       => $open_ids,
			'open_by_status' => $open_ids ? $this->list->count_groups( null, $open_ids )['status'] : array(),
		);
		update_option( self::OPTION, $snapshot, false );
		$this->current = null;
		return $snapshot;
	}

	/**
	 * On a small table (or SQLite) the first snapshot is taken right away; on a big one it is left
	 * to WP-Cron and the request gets estimates meanwhile.
	 *
	 * @return array<string, mixed>|null
	 */
	private function snapshot_or_null_when_too_big(): ?array {
		$estimate = $this->list->estimate_total_rows();
		if ( JobColumns::uses_sqlite() || ( null !== $estimate && $estimate <= $this->inline_max_rows ) ) {
			return $this->refresh();
		}
		CountRefresher::schedule_soon();
		return null;
	}

	/**
	 * @param array<string, int> $counts
	 * @param array<string, int> $more
	 * @return array<string, int>
	 */
	private static function add( array $counts, array $more ): array {
		foreach ( $more as $key => $count ) {
			$counts[ $key ] = ( $counts[ $key ] ?? 0 ) + $count;
		}
		return $counts;
	}
}
