<?php
/**
 * The steps of a rollup pass over the jobs table, read by ID only: the first-pass state and the
 * re-bucketing after a site time zone change, reading new rows above the watermark (with the "gap"
 * entries for late inserts), settling open jobs, concurrency/size snapshots and housekeeping.
 * Every step that writes runs inside one transaction (RollupRepository::atomically). See
 * RollupService for how jobs are counted exactly once.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Repository\RollupOpenSetRepository;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupSnapshotRepository;
use DMJobs\Metrics\Repository\RollupSourceRepository;

defined( 'ABSPATH' ) || exit;

final class RollupPass {

	public const BATCH = 1000;

	private const RECHECK_LIMIT     = 1000;
	private const SNAPSHOT_EVERY    = 300;
	private const SIZE_EVERY        = 3600;
	private const GAP_WINDOW        = 120;
	private const GAP_TTL           = 600;
	private const GAPS_PER_BATCH    = 500;
	private const DETAIL_DAYS       = 14;
	private const HOURLY_DAYS       = 90;
	private const REBUILD_STEP_DAYS = 7;

	/**
	 * @param \Closure $now Returns the current Unix time.
	 */
	public function __construct(
		private readonly RollupRepository $rollups,
		private readonly RollupSourceRepository $source,
		private readonly \Closure $now,
		private readonly RollupOpenSetRepository $open_jobs = new RollupOpenSetRepository(),
		private readonly RollupSnapshotRepository $snapshots = new RollupSnapshotRepository(),
	) {
	}

	/**
	 * One pass: re-bucket after a time zone change, re-check open jobs, read new rows until
	 * $max_rows or the deadline, then snapshots and daily housekeeping. The caller holds the lock.
	 */
	public function pass( float $deadline, int $max_rows, bool $measure_size ): void {
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
			$this->snapshots->prune_snapshots( $this->datetime( $now - self::DETAIL_DAYS * DAY_IN_SECONDS ) );
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
	public function prepare_state( SiteClock $clock ): void {
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
	public function rebuild_daily( SiteClock $clock, float $deadline ): bool {
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
	public function read_new_rows( int $limit, SiteClock $clock ): int {
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
			$this->open_jobs->delete_counted_above( min( $last, $watermark ) );
			if ( '' === ( $meta['finished_at'] ?? '' ) ) {
				$values['finished_at'] = $this->now();
			}
			$this->rollups->set_meta( $values );
			return 0;
		}

		$now      = $this->now();
		$last_id  = (int) end( $rows )['job_id'];
		$markers  = $this->open_jobs->between( $watermark, $last_id );
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
		$this->open_jobs->put( $open, $this->datetime( $now ) );
		$this->open_jobs->delete_counted_upto( $last_id );
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
	 * Looks at open entries again: count the finished ones, forget deleted ones, note the rest.
	 *
	 * @param array<int, array{state: string, first_seen_at: string}> $entries
	 */
	public function settle( array $entries, SiteClock $clock ): void {
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
		$this->open_jobs->delete( $remove );
		$this->open_jobs->put( $keep, $this->datetime( $now ) );
		if ( $skipped > 0 ) {
			$this->rollups->set_meta( array( 'skipped' => (int) ( $this->rollups->meta()['skipped'] ?? 0 ) + $skipped ) );
		}
	}

	/**
	 * Re-checks the open entries checked longest ago.
	 */
	private function recheck_open( SiteClock $clock ): void {
		$due = $this->open_jobs->due( self::RECHECK_LIMIT );
		if ( $due ) {
			$this->settle( $due, $clock );
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
		$counts = $this->open_jobs->counts();
		$size   = null;
		$values = array( 'last_snapshot_at' => $now );
		if ( $measure_size && $now - (int) ( $meta['last_size_at'] ?? 0 ) >= self::SIZE_EVERY ) {
			$size                   = $this->source->measure();
			$values['last_size_at'] = $now;
		}
		$this->snapshots->add_snapshot(
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

	public function delta( SiteClock $clock ): RollupDelta {
		return new RollupDelta( $clock, $this->hourly_since( $this->now() ) );
	}

	public function apply( RollupDelta $delta ): void {
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

	public function datetime( int $timestamp ): string {
		return gmdate( 'Y-m-d H:i:s', $timestamp );
	}

	private function now(): int {
		return ( $this->now )();
	}
}
