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
 * (a lock row). Passes run on WP-Cron every five minutes (back to back while backfilling), and
 * briefly before metrics reads when the last pass is over a minute old.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\DataMachine\Adapters;
use DMJobs\Repository\RollupRepository;
use DMJobs\Repository\RollupSourceRepository;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class RollupService {

	public const CRON_HOOK     = 'dm_jobs_rollup';
	public const CONTINUE_HOOK = 'dm_jobs_rollup_continue';
	public const SCHEDULE      = 'dm_jobs_every_five_minutes';

	/**
	 * A metrics read runs a short pass when the last one is older than this (seconds).
	 */
	public const READ_THROTTLE = 60;

	private const BATCH             = 1000;
	private const RECHECK_LIMIT     = 1000;
	private const SNAPSHOT_EVERY    = 300;
	private const SIZE_EVERY        = 3600;
	private const GAP_WINDOW        = 120;
	private const GAP_TTL           = 600;
	private const GAPS_PER_BATCH    = 500;
	private const LOCK_TTL          = 120;
	private const DETAIL_DAYS       = 14;
	private const HOURLY_DAYS       = 90;
	private const REBUILD_STEP_DAYS = 7;

	private \Closure $now;

	/**
	 * @param RollupRepository       $rollups The rollup tables.
	 * @param RollupSourceRepository $source  dm_jobs, read by ID only.
	 * @param \Closure|null          $now     Returns the current Unix time (tests pass their own).
	 * @param int                    $delete_catch_up Before a deletion, read up to this many rows in order to reach the deleted ones.
	 */
	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		private readonly RollupSourceRepository $source = new RollupSourceRepository(),
		?\Closure $now = null,
		private readonly int $delete_catch_up = 5000,
	) {
		$this->now = $now ?? static fn (): int => time();
	}

	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected
		add_action( 'init', array( $this, 'schedule' ) );
		add_action( self::CRON_HOOK, array( $this, 'run_cron' ) );
		add_action( self::CONTINUE_HOOK, array( $this, 'run_cron' ) );
		add_action( 'dm_jobs_job_status_changed', array( $this, 'on_status_changed' ), 10, 2 );
		add_action( 'dm_jobs_before_delete_jobs', array( $this, 'before_delete' ) );
		add_action( 'deactivate_' . plugin_basename( DM_JOBS_FILE ), array( $this, 'unschedule' ) );
	}

	// ---------------------------------------------------------------- WP-Cron

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function add_schedule( $schedules ): array {
		$schedules                   = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::SCHEDULE ] = array(
			'interval' => 5 * MINUTE_IN_SECONDS,
			'display'  => __( 'Every five minutes (DM Jobs metrics)', 'dm-jobs' ),
		);
		return $schedules;
	}

	public function schedule(): void {
		if ( ! wp_next_scheduled( self::CRON_HOOK ) ) {
			wp_schedule_event( time() + MINUTE_IN_SECONDS, self::SCHEDULE, self::CRON_HOOK );
		}
	}

	public function unschedule(): void {
		wp_clear_scheduled_hook( self::CRON_HOOK );
		wp_clear_scheduled_hook( self::CONTINUE_HOOK );
	}

	public function run_cron(): void {
		$progress = $this->run( 20.0 );
		if ( in_array( $progress['state'], array( 'backfilling', 'rebuilding' ), true ) && ! wp_next_scheduled( self::CONTINUE_HOOK ) ) {
			wp_schedule_single_event( time(), self::CONTINUE_HOOK );
		}
	}

	// ---------------------------------------------------------------- passes

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
		$token = $this->lock( $wait_for_lock );
		if ( null === $token ) {
			return array_merge( $this->progress(), array( 'busy' => true ) );
		}
		try {
			$this->pass( microtime( true ) + $max_seconds, $max_rows, $measure_size );
		} finally {
			$this->rollups->release_lock( $token );
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
		$this->run( 0.3, 5 * self::BATCH, false );
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
		$token = $this->lock( 30.0 );
		if ( null === $token ) {
			throw new \RuntimeException( 'The metrics rollups are busy; try again in a minute.' );
		}
		try {
			$this->rollups->atomically( fn () => $this->rollups->delete_all() );
		} finally {
			$this->rollups->release_lock( $token );
		}
	}

	/**
	 * Where the rollups are: not started, rebuilding (time zone change), backfilling, or ready.
	 *
	 * @return array{state: string, percent: float, processed: int, watermark: int, target: int, skipped: int, started_at: string|null, finished_at: string|null, last_run_at: string|null, open_jobs: array<string, int>, time_zone: string|null}
	 */
	public function progress(): array {
		$meta   = $this->rollups->meta();
		$counts = $this->rollups->open_counts();
		$state  = 'ready';
		$start  = (int) ( $meta['start_id'] ?? 0 );
		$target = (int) ( $meta['target_id'] ?? 0 );
		$mark   = (int) ( $meta['watermark'] ?? 0 );

		$percent = 100.0;
		if ( ! isset( $meta['watermark'] ) ) {
			$state   = 'not_started';
			$percent = 0.0;
		} elseif ( '' !== ( $meta['rebuild_next'] ?? '' ) ) {
			$state = 'rebuilding';
			$next  = (int) $meta['rebuild_next'];
			$from  = (int) ( $meta['rebuild_from'] ?? $next );
			$end   = (int) ( $meta['rebuild_end'] ?? $next );
			if ( $end > $from ) {
				$percent = round( 100 * ( $next - $from ) / ( $end - $from ), 1 );
			}
		} elseif ( '' === ( $meta['finished_at'] ?? '' ) ) {
			$state   = 'backfilling';
			$percent = $target > $start ? round( 100 * min( 1, max( 0, ( $mark - $start ) / ( $target - $start ) ) ), 1 ) : 0.0;
		}

		return array(
			'state'       => $state,
			'percent'     => (float) $percent,
			'processed'   => (int) ( $meta['processed'] ?? 0 ),
			'watermark'   => $mark,
			'target'      => $target,
			'skipped'     => (int) ( $meta['skipped'] ?? 0 ),
			'started_at'  => self::iso( $meta['started_at'] ?? '' ),
			'finished_at' => self::iso( $meta['finished_at'] ?? '' ),
			'last_run_at' => self::iso( $meta['last_run_at'] ?? '' ),
			'open_jobs'   => array(
				'pending'    => $counts['pending'] ?? 0,
				'processing' => $counts['processing'] ?? 0,
				'other'      => $counts[ JobClassifier::OTHER ] ?? 0,
				'gaps'       => $counts['gap'] ?? 0,
			),
			'time_zone'   => '' === ( $meta['daily_tz'] ?? '' ) ? null : $meta['daily_tz'],
		);
	}

	// ---------------------------------------------------------------- hooks

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
			$token = $this->lock( 0.0 );
			if ( null === $token ) {
				$this->rollups->set_meta( array( 'dirty' => 1 ) );
				return;
			}
			try {
				$entries = array_filter( $this->rollups->open_find( array( $job_id ) ), static fn ( array $entry ): bool => 'counted' !== $entry['state'] );
				if ( $entries ) {
					$clock = SiteClock::site();
					$this->rollups->atomically( fn () => $this->settle( $entries, $clock ) );
				}
			} finally {
				$this->rollups->release_lock( $token );
			}
		} catch ( \Throwable $error ) {
			// Metrics must never break a status change; the next pass catches up.
			$this->report( $error );
		}
	}

	/**
	 * `dm_jobs_before_delete_jobs`: makes sure the jobs about to be deleted are in the rollups.
	 *
	 * @param int[]|mixed $job_ids The jobs about to be deleted.
	 */
	public function before_delete( $job_ids ): void {
		$ids = array_values( array_unique( array_filter( array_map( 'intval', (array) $job_ids ), static fn ( int $id ): bool => $id > 0 ) ) );
		// The rollups hold the primary generation's jobs; the second source's (same IDs, other rows) stay out.
		if ( ! $ids || ! Adapters::using_primary() ) {
			return;
		}
		$token = $this->lock( 25.0 );
		try {
			$clock = SiteClock::site();
			$this->prepare_state( $clock );
			$this->rebuild_daily( $clock, INF );
			$watermark = (int) $this->rollups->meta()['watermark'];
			// Usually the rows are below the watermark (retention deletes old jobs). When they are
			// not, and they are close, read up to them in order; only what is left gets counted
			// out of order (and marked, so the watermark pass skips those rows).
			$read = 0;
			while ( $watermark < max( $ids ) && $read < $this->delete_catch_up ) {
				$rows = $this->rollups->atomically( fn (): int => $this->read_new_rows( self::BATCH, $clock ) );
				if ( 0 === $rows ) {
					break;
				}
				$read     += $rows;
				$watermark = (int) $this->rollups->meta()['watermark'];
			}
			foreach ( array_chunk( $ids, 500 ) as $chunk ) {
				$this->rollups->atomically( fn () => $this->count_before_delete( $chunk, $watermark, $clock ) );
			}
		} finally {
			if ( null !== $token ) {
				$this->rollups->release_lock( $token );
			}
		}
	}

	/**
	 * @param int[] $ids
	 */
	private function count_before_delete( array $ids, int $watermark, SiteClock $clock ): void {
		$entries = $this->rollups->open_find( $ids );
		// Below the watermark only jobs still in the open set can be uncounted: look only those up.
		$lookup = array_filter( $ids, static fn ( int $id ): bool => $id > $watermark || ( isset( $entries[ $id ] ) && 'counted' !== $entries[ $id ]['state'] ) );
		if ( ! $lookup ) {
			return;
		}
		$rows  = $this->source->rows_by_ids( $lookup );
		$delta = $this->delta( $clock );
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
		$this->apply( $delta );
		$this->rollups->open_delete( $remove );
		$this->rollups->open_put( $counted, $this->datetime( $this->now() ) );
	}

	// ---------------------------------------------------------------- the pass

	private function pass( float $deadline, int $max_rows, bool $measure_size ): void {
		$clock = SiteClock::site();
		$this->prepare_state( $clock );
		if ( ! $this->rebuild_daily( $clock, $deadline ) ) {
			return;
		}
		$this->rollups->atomically( fn () => $this->recheck_open( $clock ) );

		$done = 0;
		while ( $done < $max_rows ) {
			$limit = (int) min( self::BATCH, $max_rows - $done );
			$read  = $this->rollups->atomically( fn (): int => $this->read_new_rows( $limit, $clock ) );
			$done += $read;
			if ( $read < $limit || microtime( true ) >= $deadline ) {
				break;
			}
		}

		$now  = $this->now();
		$meta = $this->rollups->meta();
		$this->maybe_snapshot( $now, $measure_size, $meta );
		if ( $now - (int) ( $meta['housekept_at'] ?? 0 ) >= DAY_IN_SECONDS ) {
			$this->rollups->delete_hourly_before( $this->datetime( $this->hourly_since( $now ) ) );
			$this->rollups->prune_snapshots( $this->datetime( $now - self::DETAIL_DAYS * DAY_IN_SECONDS ) );
			$this->rollups->set_meta( array( 'housekept_at' => $now ) );
		}
		$this->rollups->set_meta(
			array(
				'last_run_at' => $now,
				'dirty'       => 0,
			)
		);
	}

	/**
	 * First pass: start the watermark below the first job and note the backfill target.
	 * A changed site time zone: start rebuilding the daily rollups from the hourly ones.
	 */
	private function prepare_state( SiteClock $clock ): void {
		$meta = $this->rollups->meta();
		if ( ! isset( $meta['watermark'] ) ) {
			[ $first, $last ] = $this->source->id_bounds();
			$now              = $this->now();
			$this->rollups->set_meta(
				array(
					'watermark'    => max( 0, $first - 1 ),
					'start_id'     => max( 0, $first - 1 ),
					'target_id'    => $last,
					'processed'    => 0,
					'skipped'      => 0,
					'started_at'   => $now,
					'finished_at'  => 0 === $last ? $now : '',
					'daily_tz'     => $clock->identity(),
					'rebuild_next' => '',
				)
			);
			return;
		}
		if ( ( $meta['daily_tz'] ?? '' ) === $clock->identity() ) {
			return;
		}
		// The site's time zone changed: re-bucket the days the hourly rollups cover; older daily
		// rows keep the day boundaries of the zone they were written in.
		[ $first_hour, $last_hour ] = $this->rollups->hourly_bounds();
		$this->rollups->atomically(
			function () use ( $clock, $first_hour, $last_hour ): void {
				$values = array(
					'daily_tz'     => $clock->identity(),
					'rebuild_next' => '',
				);
				if ( null !== $first_hour && null !== $last_hour ) {
					$first = (int) strtotime( $first_hour . ' UTC' );
					$date  = $clock->local_hour( $first )['date'];
					if ( $clock->day_start( $date ) < $first ) {
						$date = SiteClock::add_days( $date, 1 );
					}
					$from = $clock->day_start( $date );
					$end  = (int) strtotime( $last_hour . ' UTC' ) + SiteClock::HOUR;
					$this->rollups->delete_daily_from( $date );
					if ( $from < $end ) {
						$values['rebuild_next'] = $from;
						$values['rebuild_from'] = $from;
						$values['rebuild_end']  = $end;
					}
				}
				$this->rollups->set_meta( $values );
			}
		);
	}

	/**
	 * Continues re-bucketing daily rollups after a time zone change.
	 *
	 * @return bool Whether the daily rollups are current (no rebuild left).
	 */
	private function rebuild_daily( SiteClock $clock, float $deadline ): bool {
		while ( true ) {
			$meta = $this->rollups->meta();
			if ( '' === ( $meta['rebuild_next'] ?? '' ) ) {
				return true;
			}
			if ( microtime( true ) >= $deadline ) {
				return false;
			}
			$next = (int) $meta['rebuild_next'];
			$end  = (int) $meta['rebuild_end'];
			$this->rollups->atomically(
				function () use ( $clock, $next, $end ): void {
					$step  = min( $end, $next + self::REBUILD_STEP_DAYS * DAY_IN_SECONDS );
					$from  = $this->datetime( $next );
					$to    = $this->datetime( $step );
					$delta = new RollupDelta( $clock );
					$delta->add_hourly_rows(
						$this->rollups->hourly_rows( $from, $to ),
						$this->rollups->hourly_rows( $from, $to, RollupRepository::HOURLY_SHAPE )
					);
					$this->rollups->add( RollupRepository::DAILY, $delta->rows( RollupRepository::DAILY ) );
					$this->rollups->add( RollupRepository::DAILY_SHAPE, $delta->rows( RollupRepository::DAILY_SHAPE ) );
					$this->rollups->set_meta( array( 'rebuild_next' => $step >= $end ? '' : $step ) );
				}
			);
		}
	}

	/**
	 * Reads the next batch of rows above the watermark.
	 *
	 * @return int Rows read.
	 */
	private function read_new_rows( int $limit, SiteClock $clock ): int {
		$meta      = $this->rollups->meta();
		$watermark = (int) $meta['watermark'];
		$rows      = $this->source->rows_after( $watermark, $limit );
		if ( ! $rows ) {
			// Rows at the top were deleted (IDs may be reused after a restart): never wait above the last ID.
			[ , $last ] = $this->source->id_bounds();
			$values     = array();
			if ( $last < $watermark ) {
				$values['watermark'] = $last;
			}
			// Nothing exists above the watermark: "counted" markers there are for deleted rows.
			$this->rollups->open_delete_counted_above( min( $last, $watermark ) );
			if ( '' === ( $meta['finished_at'] ?? '' ) ) {
				$values['finished_at'] = $this->now();
			}
			$this->rollups->set_meta( $values );
			return 0;
		}

		$now      = $this->now();
		$last_id  = (int) end( $rows )['job_id'];
		$markers  = $this->rollups->open_between( $watermark, $last_id );
		$delta    = $this->delta( $clock );
		$open     = array();
		$skipped  = 0;
		$expected = $watermark + 1;
		foreach ( $rows as $row ) {
			$id = (int) $row['job_id'];
			if ( $id > $expected && count( $open ) < self::GAPS_PER_BATCH ) {
				$created = JobClassifier::timestamp( $row['created_at'] );
				if ( null !== $created && $created >= $now - self::GAP_WINDOW ) {
					for ( $gap = $expected; $gap < $id && count( $open ) < self::GAPS_PER_BATCH; $gap++ ) {
						$open[ $gap ] = 'gap';
					}
				}
			}
			$expected = $id + 1;
			if ( 'counted' === ( $markers[ $id ] ?? '' ) ) {
				continue;
			}
			$job = JobClassifier::classify( $row );
			if ( $job instanceof FinishedJob ) {
				$delta->add( $job );
			} elseif ( JobClassifier::INVALID === $job ) {
				++$skipped;
			} else {
				$open[ $id ] = $job;
			}
		}

		$this->apply( $delta );
		$this->rollups->open_put( $open, $this->datetime( $now ) );
		$this->rollups->open_delete_counted_upto( $last_id );
		$values = array(
			'watermark' => $last_id,
			'processed' => (int) ( $meta['processed'] ?? 0 ) + count( $rows ),
			'skipped'   => (int) ( $meta['skipped'] ?? 0 ) + $skipped,
		);
		if ( '' === ( $meta['finished_at'] ?? '' ) && $last_id >= (int) ( $meta['target_id'] ?? 0 ) ) {
			$values['finished_at'] = $now;
		}
		$this->rollups->set_meta( $values );
		return count( $rows );
	}

	/**
	 * Re-checks the open entries checked longest ago.
	 */
	private function recheck_open( SiteClock $clock ): void {
		$due = $this->rollups->open_due( self::RECHECK_LIMIT );
		if ( $due ) {
			$this->settle( $due, $clock );
		}
	}

	/**
	 * Looks at open entries again: count the finished ones, forget deleted ones, note the rest.
	 *
	 * @param array<int, array{state: string, first_seen_at: string}> $entries
	 */
	private function settle( array $entries, SiteClock $clock ): void {
		$now     = $this->now();
		$rows    = $this->source->rows_by_ids( array_keys( $entries ) );
		$delta   = $this->delta( $clock );
		$remove  = array();
		$keep    = array();
		$skipped = 0;
		foreach ( $entries as $id => $entry ) {
			if ( ! isset( $rows[ $id ] ) ) {
				$first_seen = JobClassifier::timestamp( $entry['first_seen_at'] ) ?? 0;
				if ( 'gap' === $entry['state'] && $first_seen > $now - self::GAP_TTL ) {
					$keep[ $id ] = 'gap';
				} else {
					$remove[] = $id; // Deleted while open, or a gap that never filled.
				}
				continue;
			}
			$job = JobClassifier::classify( $rows[ $id ] );
			if ( $job instanceof FinishedJob ) {
				$delta->add( $job );
				$remove[] = $id;
			} elseif ( JobClassifier::INVALID === $job ) {
				++$skipped;
				$remove[] = $id;
			} else {
				$keep[ $id ] = $job;
			}
		}
		$this->apply( $delta );
		$this->rollups->open_delete( $remove );
		$this->rollups->open_put( $keep, $this->datetime( $now ) );
		if ( $skipped > 0 ) {
			$this->rollups->set_meta( array( 'skipped' => (int) ( $this->rollups->meta()['skipped'] ?? 0 ) + $skipped ) );
		}
	}

	/**
	 * A concurrency snapshot every five minutes; with a table-size measurement at most hourly.
	 *
	 * @param array<string, string> $meta
	 */
	private function maybe_snapshot( int $now, bool $measure_size, array $meta ): void {
		$last = (int) ( $meta['last_snapshot_at'] ?? 0 );
		if ( $now - $last < self::SNAPSHOT_EVERY ) {
			return;
		}
		$counts = $this->rollups->open_counts();
		$size   = null;
		$values = array( 'last_snapshot_at' => $now );
		if ( $measure_size && $now - (int) ( $meta['last_size_at'] ?? 0 ) >= self::SIZE_EVERY ) {
			$size                   = $this->source->measure();
			$values['last_size_at'] = $now;
		}
		$this->rollups->add_snapshot(
			array(
				'taken_at'        => $this->datetime( $now ),
				'processing'      => $counts['processing'] ?? 0,
				'pending'         => $counts['pending'] ?? 0,
				'table_rows'      => $size['rows'] ?? null,
				'table_bytes'     => $size['bytes'] ?? null,
				'free_bytes'      => $size['free_bytes'] ?? null,
				'bytes_estimated' => (bool) ( $size['estimated'] ?? false ),
				'is_hourly'       => null !== $size || SiteClock::floor_hour( $now ) !== SiteClock::floor_hour( $last ),
			)
		);
		$this->rollups->set_meta( $values );
	}

	// ---------------------------------------------------------------- helpers

	private function delta( SiteClock $clock ): RollupDelta {
		return new RollupDelta( $clock, $this->hourly_since( $this->now() ) );
	}

	private function apply( RollupDelta $delta ): void {
		foreach ( array( RollupRepository::HOURLY, RollupRepository::DAILY, RollupRepository::HOURLY_SHAPE, RollupRepository::DAILY_SHAPE ) as $kind ) {
			$this->rollups->add( $kind, $delta->rows( $kind ) );
		}
	}

	/**
	 * How many days of hourly rollups are kept (daily rollups are kept forever).
	 */
	public static function hourly_days(): int {
		/**
		 * Filters how many days of hourly metrics rollups are kept (at least 3; default 90).
		 * Ranges of up to 48 hours use hourly rollups; older ones fall back to daily buckets.
		 *
		 * @param int $days
		 */
		$days = apply_filters( 'dm_jobs_rollup_hourly_days', self::HOURLY_DAYS );
		if ( ! is_int( $days ) || $days < 3 ) {
			_doing_it_wrong( 'dm_jobs_rollup_hourly_days', esc_html__( 'The filter must return a whole number of days, 3 or more.', 'dm-jobs' ), '0.1.0' );
			return self::HOURLY_DAYS;
		}
		return $days;
	}

	private function hourly_since( int $now ): int {
		return SiteClock::floor_hour( $now - self::hourly_days() * DAY_IN_SECONDS );
	}

	/**
	 * Takes the pass lock, waiting up to $wait seconds.
	 */
	private function lock( float $wait ): ?string {
		$token    = wp_generate_password( 20, false );
		$deadline = microtime( true ) + $wait;
		while ( true ) {
			if ( $this->rollups->try_lock( $token, $this->now(), self::LOCK_TTL ) ) {
				return $token;
			}
			if ( microtime( true ) >= $deadline ) {
				return null;
			}
			usleep( 100000 );
		}
	}

	private function now(): int {
		return ( $this->now )();
	}

	private function datetime( int $timestamp ): string {
		return gmdate( 'Y-m-d H:i:s', $timestamp );
	}

	private static function iso( string $timestamp ): ?string {
		return '' === $timestamp || '0' === $timestamp ? null : gmdate( 'Y-m-d\TH:i:s\Z', (int) $timestamp );
	}

	private function report( \Throwable $error ): void {
		if ( defined( 'WP_DEBUG' ) && WP_DEBUG ) {
			error_log( 'DM Jobs metrics: ' . $error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
		}
	}
}
