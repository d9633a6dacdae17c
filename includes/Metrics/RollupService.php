<?php
/**
 * Keeps the metrics rollups up to date, incrementally, without ever scanning dm_jobs.
 *
 * How a job gets counted (exactly once, when it is final):
 * - New rows are read in ID order above a watermark (so rows Data Machine writes straight into
 *   dm_jobs are seen too). Final ones are added to the rollups; open ones (pending/processing)
 *   go into a small "open" set.
 * - Every pass re-checks the open set by ID; an entry that became final is counted and removed.
 * - ID gaps next to very recent rows (an insert that committed after a later one) are kept in the
 *   open set as "gap" for ten minutes, so such late rows are not skipped.
 * - `dm_jobs_job_status_changed` settles an open job at once; `dm_jobs_before_delete_jobs` counts
 *   the jobs about to be deleted first (above the watermark they are marked "counted", so the
 *   watermark pass skips them). History therefore survives cleanup and retention.
 * A job counts under the first final status the rollups see; if it is later moved to another
 * status (a retry that reuses the row), it is not counted again. Jobs deleted while still open
 * never count. Each batch (rollup deltas + open set + watermark) is written atomically. One pass runs at a time
 * (a lock row, RollupLock). Passes (RollupPass) run on WP-Cron every five minutes (RollupHooks; back to
 * back while backfilling), and briefly before metrics reads when the last pass is over a minute old.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupSourceRepository;

defined( 'ABSPATH' ) || exit;

final class RollupService {

	/**
	 * A metrics read runs a short pass when the last one is older than this (seconds).
	 */
	public const READ_THROTTLE = 60;

	private \Closure $now;

	private readonly RollupPass $pass;

	private readonly RollupLock $lock;

	private readonly RollupJobEvents $events;

	/**
	 * @param RollupRepository       $rollups The rollup tables.
	 * @param RollupSourceRepository $source  dm_jobs, read by ID only.
	 * @param \Closure|null          $now     Returns the current Unix time (tests pass their own).
	 * @param int                    $delete_catch_up Before deleting jobs at most this many IDs above the watermark, read up to them in order (this many rows at most).
	 */
	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		RollupSourceRepository $source = new RollupSourceRepository(),
		?\Closure $now = null,
		int $delete_catch_up = 2000,
	) {
		$this->now    = $now ?? static fn (): int => time();
		$this->pass   = new RollupPass( $rollups, $source, $this->now );
		$this->lock   = new RollupLock( $rollups, $this->now );
		$this->events = new RollupJobEvents( $rollups, $source, $this->pass, $this->lock, $this->now, $delete_catch_up );
	}

	/**
	 * Runs one bounded pass: re-check open jobs, read new rows, take snapshots.
	 *
	 * @param float $max_seconds   Stop starting new batches after this long.
	 * @param int   $max_rows      Read at most this many new rows.
	 * @param bool  $measure_size  Whether this pass may measure the jobs table (hourly; COUNT(*)).
	 * @param float $wait_for_lock Seconds to wait when another pass holds the lock.
	 * @return array<string, mixed> Progress, as progress() returns it, plus "busy" when the lock was held.
	 */
	public function run( float $max_seconds = 5.0, int $max_rows = PHP_INT_MAX, bool $measure_size = true, float $wait_for_lock = 0.0 ): array {
		$token = $this->lock->take( $wait_for_lock );
		if ( null === $token ) {
			return array_merge( $this->progress(), array( 'busy' => true ) );
		}
		try {
			$this->pass->pass( microtime( true ) + $max_seconds, $max_rows, $measure_size );
		} finally {
			$this->lock->release( $token );
		}
		return array_merge( $this->progress(), array( 'busy' => false ) );
	}

	/**
	 * Before a metrics read: a short pass when the rollups may be behind (bounded work).
	 */
	public function catch_up_before_read(): void {
		$meta    = $this->rollups->meta();
		$now     = $this->now();
		$settled = isset( $meta['watermark'] ) && '' === ( $meta['rebuild_next'] ?? '' ) && '' !== ( $meta['finished_at'] ?? '' );
		if ( $settled && '1' !== ( $meta['dirty'] ?? '0' ) && $now - (int) ( $meta['last_run_at'] ?? 0 ) < self::READ_THROTTLE ) {
			return;
		}
		$this->run( 0.3, 5 * RollupPass::BATCH, false );
	}

	/**
	 * Runs passes until every row present now is counted (for the CLI, benchmarks and tests).
	 *
	 * @return array<string, mixed> Progress.
	 */
	public function catch_up( float $max_seconds = 3600.0 ): array {
		$deadline = microtime( true ) + $max_seconds;
		do {
			$before   = $this->rollups->meta()['watermark'] ?? '';
			$progress = $this->run( max( 0.1, $deadline - microtime( true ) ), PHP_INT_MAX, true, 30.0 );
			$after    = $this->rollups->meta()['watermark'] ?? '';
		} while ( ( 'ready' !== $progress['state'] || $before !== $after ) && microtime( true ) < $deadline );
		return $progress;
	}

	/**
	 * Empties the rollups; the next pass backfills from the first job. History of jobs that no
	 * longer exist is lost.
	 */
	public function reset(): void {
		$token = $this->lock->take( 30.0 );
		if ( null === $token ) {
			throw new \RuntimeException( 'The metrics rollups are busy; try again in a minute.' );
		}
		try {
			$this->rollups->atomically( fn () => $this->rollups->delete_all() );
		} finally {
			$this->lock->release( $token );
		}
	}

	/**
	 * Where the rollups are (see RollupProgress).
	 *
	 * @return array<string, mixed>
	 */
	public function progress(): array {
		return ( new RollupProgress( $this->rollups ) )->read();
	}

	/**
	 * `dm_jobs_job_status_changed` (see RollupJobEvents).
	 *
	 * @param int|string $job_id     The job.
	 * @param string     $new_status Its new base status.
	 */
	public function on_status_changed( $job_id, $new_status = '' ): void {
		$this->events->on_status_changed( $job_id, $new_status );
	}

	/**
	 * `dm_jobs_before_delete_jobs` (see RollupJobEvents).
	 *
	 * @param int[]|mixed $job_ids The jobs about to be deleted.
	 */
	public function before_delete( $job_ids ): void {
		$this->events->before_delete( $job_ids );
	}

	private function now(): int {
		return ( $this->now )();
	}
}
