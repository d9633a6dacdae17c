<?php
/**
 * Keeps the rollups exact when DM Jobs changes or deletes jobs: `dm_jobs_job_status_changed`
 * settles an open job at once, and `dm_jobs_before_delete_jobs` counts jobs about to be deleted
 * first (above the watermark they are marked "counted", so the watermark pass skips them), so
 * history survives cleanup and retention.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\DataMachine\Adapters;
use DMJobs\Metrics\Repository\RollupOpenSetRepository;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupSourceRepository;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class RollupJobEvents {

	/**
	 * @param \Closure $now             Returns the current Unix time.
	 * @param int      $delete_catch_up Before deleting jobs at most this many IDs above the watermark, read up to them in order (this many rows at most).
	 */
	public function __construct(
		private readonly RollupRepository $rollups,
		private readonly RollupSourceRepository $source,
		private readonly RollupPass $pass,
		private readonly RollupLock $lock,
		private readonly \Closure $now,
		private readonly int $delete_catch_up,
		private readonly RollupOpenSetRepository $open_jobs = new RollupOpenSetRepository(),
	) {
	}

	/**
	 * `dm_jobs_job_status_changed`: settles the job now when it is in the open set.
	 *
	 * @param int|string $job_id     The job.
	 * @param string     $new_status Its new base status.
	 */
	public function on_status_changed( $job_id, $new_status = '' ): void {
		$job_id = (int) $job_id;
		$status = BaseStatus::tryFrom( (string) $new_status );
		if ( $job_id < 1 || null === $status || ! $status->is_final() || ! Adapters::using_primary() ) {
			return;
		}
		try {
			$meta = $this->rollups->meta();
			if ( ! isset( $meta['watermark'] ) ) {
				return;
			}
			if ( $job_id > (int) $meta['watermark'] || '' !== ( $meta['rebuild_next'] ?? '' ) ) {
				$this->rollups->set_meta( array( 'dirty' => 1 ) );
				return;
			}
			$token = $this->lock->take( 0.0 );
			if ( null === $token ) {
				$this->rollups->set_meta( array( 'dirty' => 1 ) );
				return;
			}
			try {
				$entries = array_filter( $this->open_jobs->find( array( $job_id ) ), static fn ( array $entry ): bool => 'counted' !== $entry['state'] );
				if ( $entries ) {
					$clock = SiteClock::site();
					$this->rollups->atomically( fn () => $this->pass->settle( $entries, $clock ) );
				}
			} finally {
				$this->lock->release( $token );
			}
		} catch ( \Throwable $error ) {
			// Metrics must never break a status change; the next pass catches up.
			$this->report( $error );
		}
	}

	/**
	 * `dm_jobs_before_delete_jobs`: makes sure the jobs about to be deleted are in the rollups.
	 *
	 * The usual case (cleanup and retention delete old jobs the rollups counted long ago) costs two
	 * reads and no lock: the watermark, and the open entries within the batch's ID range.
	 *
	 * @param int[]|mixed $job_ids The jobs about to be deleted.
	 */
	public function before_delete( $job_ids ): void {
		$ids = array_values( array_unique( array_filter( array_map( 'intval', (array) $job_ids ), static fn ( int $id ): bool => $id > 0 ) ) );
		// The rollups hold the primary generation's jobs; the second source's (same IDs, other rows) stay out.
		if ( ! $ids || ! Adapters::using_primary() || $this->all_counted( $ids ) ) {
			return;
		}
		$token = $this->lock->take( 25.0 );
		try {
			$clock = SiteClock::site();
			$this->pass->prepare_state( $clock );
			$this->pass->rebuild_daily( $clock, INF );
			$watermark = (int) $this->rollups->meta()['watermark'];
			// Usually the rows are below the watermark (retention deletes old jobs). When they are
			// not, and they are close, read up to them in order; the rest (far above the watermark,
			// e.g. a backlog the rollups have not reached yet) is counted out of order and marked,
			// so the watermark pass skips those rows. A deletion batch never pays for a backlog.
			$read = 0;
			while ( $watermark < max( $ids ) && max( $ids ) - $watermark <= $this->delete_catch_up && $read < $this->delete_catch_up ) {
				$rows = $this->rollups->atomically( fn (): int => $this->pass->read_new_rows( RollupPass::BATCH, $clock ) );
				if ( 0 === $rows ) {
					break;
				}
				$read     += $rows;
				$watermark = (int) $this->rollups->meta()['watermark'];
			}
			foreach ( array_chunk( $ids, 2000 ) as $chunk ) {
				$this->rollups->atomically( fn () => $this->count_before_delete( $chunk, $watermark, $clock ) );
			}
		} finally {
			if ( null !== $token ) {
				$this->lock->release( $token );
			}
		}
	}

	/**
	 * Whether every one of these jobs is counted for good: at or below the watermark and not (or
	 * only as "counted") in the open set. Nothing makes such a job uncounted again, so this needs no
	 * lock.
	 *
	 * @param int[] $ids
	 */
	private function all_counted( array $ids ): bool {
		$meta = $this->rollups->meta();
		if ( ! isset( $meta['watermark'] ) || max( $ids ) > (int) $meta['watermark'] ) {
			return false;
		}
		$wanted = array_flip( $ids );
		foreach ( $this->open_jobs->between( min( $ids ) - 1, max( $ids ) ) as $id => $state ) {
			if ( isset( $wanted[ $id ] ) && 'counted' !== $state ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param int[] $ids
	 */
	private function count_before_delete( array $ids, int $watermark, SiteClock $clock ): void {
		$entries = $this->open_jobs->find( $ids );
		// Below the watermark only jobs still in the open set can be uncounted: look only those up.
		$lookup = array_filter( $ids, static fn ( int $id ): bool => $id > $watermark || ( isset( $entries[ $id ] ) && 'counted' !== $entries[ $id ]['state'] ) );
		if ( ! $lookup ) {
			return;
		}
		$rows  = $this->source->rows_by_ids( $lookup );
		$delta = $this->pass->delta( $clock );
		$remove  = array();
		$counted = array();
		foreach ( $ids as $id ) {
			if ( ! isset( $rows[ $id ] ) ) {
				continue;
			}
			$job = JobClassifier::classify( $rows[ $id ] );
			if ( ! $job instanceof FinishedJob ) {
				continue;
			}
			$state = $entries[ $id ]['state'] ?? null;
			if ( $id <= $watermark ) {
				// Counted already unless it is still in the open set.
				if ( null !== $state && 'counted' !== $state ) {
					$delta->add( $job );
					$remove[] = $id;
				}
			} elseif ( 'counted' !== $state ) {
				$delta->add( $job );
				$counted[ $id ] = 'counted';
			}
		}
		$this->pass->apply( $delta );
		$this->open_jobs->delete( $remove );
		$this->open_jobs->put( $counted, $this->pass->datetime( ( $this->now )() ) );
	}

	private function report( \Throwable $error ): void {
		if ( defined( 'WP_DEBUG' ) && WP_DEBUG ) {
			error_log( 'DM Jobs metrics: ' . $error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
		}
	}
}
