<?php
/**
 * Chart data from the rollups: volume by status, success rate, durations by pipeline, the
 * weekday × hour heatmap, failure-rate trends, concurrency and table size. Reads only the rollup
 * tables (and pipeline names), never dm_jobs.
 *
 * Definitions: a job counts when it is final, in the bucket of its created_at. Success rate =
 * succeeded / (succeeded + failed), where succeeded = completed + completed_no_items + agent_skipped;
 * cancelled and unknown ("other") statuses count in volume but in neither rate. Durations are
 * completed_at − created_at of finished jobs that have both; p95 comes from the duration histogram
 * (see DurationHistogram for its precision).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Repository\PipelineRepository;
use DMJobs\Repository\RollupRepository;

defined( 'ABSPATH' ) || exit;

final class MetricsService {

	private const MAX_SIZE_POINTS = 500;

	/**
	 * @var array<int, string>|null
	 */
	private ?array $pipeline_names = null;

	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		private readonly PipelineRepository $pipelines = new PipelineRepository(),
	) {
	}

	/**
	 * Everything the insights charts show for one range and filter.
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @return array<string, mixed>
	 */
	public function overview( MetricsRange $range, SiteClock $clock, array $filters ): array {
		[ $grain, $from, $to ] = $range->grain();
		$start_of_week         = self::start_of_week();
		$statuses              = JobClassifier::final_statuses();
		$success               = JobClassifier::success_statuses();

		$volume = array();
		$trend  = array();
		foreach ( $range->buckets as $bucket ) {
			$volume[ $bucket['key'] ] = array_fill_keys( $statuses, 0 );
		}
		$keys      = array();
		$pipelines = array();
		// One pass over the count rows feeds volume, rates, the failure trend and average durations.
		foreach ( $this->rollups->sums( $grain, $from, $to, $filters, array( 'bucket', 'pipeline_id', 'status' ), array( 'durations' ) ) as $row ) {
			$key    = $keys[ $row['bucket'] ] ??= $range->key_of( (string) $row['bucket'], $start_of_week );
			$status = (string) $row['status'];
			$count  = (int) $row['job_count'];
			if ( ! isset( $volume[ $key ] ) ) {
				continue;
			}
			$sums                    = &$pipelines[ (int) $row['pipeline_id'] ];
			$sums                  ??= array(
				'job_count'      => 0,
				'duration_count' => 0,
				'duration_sum'   => 0,
				'duration_max'   => 0,
			);
			$sums['job_count']      += $count;
			$sums['duration_count'] += (int) $row['duration_count'];
			$sums['duration_sum']   += (int) $row['duration_sum'];
			$sums['duration_max']    = max( $sums['duration_max'], (int) $row['duration_max'] );
			unset( $sums );

			$volume[ $key ][ $status ] = ( $volume[ $key ][ $status ] ?? 0 ) + $count;

			$pipeline = (int) $row['pipeline_id'];
			$trend[ $pipeline ][ $key ] ??= array(
				'failed'         => 0,
				'finished'       => 0,
				'duration_count' => 0,
				'duration_sum'   => 0,
				'duration_max'   => 0,
			);
			$trend[ $pipeline ][ $key ]['duration_count'] += (int) $row['duration_count'];
			$trend[ $pipeline ][ $key ]['duration_sum']   += (int) $row['duration_sum'];
			$trend[ $pipeline ][ $key ]['duration_max']    = max( $trend[ $pipeline ][ $key ]['duration_max'], (int) $row['duration_max'] );
			$trend[ $pipeline ]['total'] = ( $trend[ $pipeline ]['total'] ?? 0 ) + $count;
			if ( 'failed' === $status ) {
				$trend[ $pipeline ][ $key ]['failed']   += $count;
				$trend[ $pipeline ][ $key ]['finished'] += $count;
			} elseif ( in_array( $status, $success, true ) ) {
				$trend[ $pipeline ][ $key ]['finished'] += $count;
			}
		}

		$volume_points  = array();
		$success_points = array();
		$totals         = array(
			'jobs'      => 0,
			'succeeded' => 0,
			'failed'    => 0,
		);
		foreach ( $range->buckets as $bucket ) {
			$counts    = $volume[ $bucket['key'] ];
			$succeeded = 0;
			foreach ( $success as $status ) {
				$succeeded += $counts[ $status ];
			}
			$failed               = $counts['failed'];
			$total                = array_sum( $counts );
			$totals['jobs']      += $total;
			$totals['succeeded'] += $succeeded;
			$totals['failed']    += $failed;
			$volume_points[]      = self::bucket_fields( $bucket ) + array(
				'counts' => $counts,
				'total'  => $total,
			);
			$success_points[]     = self::bucket_fields( $bucket ) + array(
				'succeeded' => $succeeded,
				'failed'    => $failed,
				'rate'      => self::rate( $succeeded, $succeeded + $failed ),
			);
		}
		$totals['success_rate'] = self::rate( $totals['succeeded'], $totals['succeeded'] + $totals['failed'] );
		$longest                = $pipelines ? (int) max( array_column( $pipelines, 'duration_max' ) ) : 0;

		return array(
			'statuses'      => $statuses,
			'totals'        => $totals,
			'volume'        => $volume_points,
			'success_rate'  => $success_points,
			'durations'      => $this->durations( $pipelines, $pipelines ? $this->histograms( $grain, $from, $to, $filters, $longest ) : array() ),
			'heatmap'        => $this->heatmap( $range, $clock, $filters ),
			'failure_trend'  => $this->failure_trend( $range, $trend ),
			'duration_trend' => $this->duration_trend( $range, $trend, $pipelines ? $this->bucket_histograms( $range, $filters, $longest ) : array() ),
		);
	}

	/**
	 * Average and p95 duration (and job counts) per pipeline, busiest first.
	 *
	 * @param array<int, array<string, int>> $sums       Pipeline ID => job_count, duration_count, duration_sum, duration_max.
	 * @param array<int, array<int, int>>    $histograms Pipeline ID => bin => jobs.
	 * @return array<int, array<string, mixed>>
	 */
	private function durations( array $sums, array $histograms ): array {
		$items = array();
		foreach ( $sums as $id => $row ) {
			$stats   = self::duration_stats( $row, $histograms[ $id ] ?? array() );
			$items[] = array(
				'pipeline_id'   => $id,
				'pipeline_name' => $this->pipeline_name( $id ),
				'jobs'          => $row['job_count'],
				'timed_jobs'    => $stats['timed'],
				'avg_seconds'   => $stats['avg'],
				'p95_seconds'   => $stats['p95'],
				'max_seconds'   => $stats['max'],
			);
		}
		usort( $items, static fn ( array $a, array $b ): int => array( $b['jobs'], $a['pipeline_id'] ) <=> array( $a['jobs'], $b['pipeline_id'] ) );
		return $items;
	}

	/**
	 * Duration histograms per pipeline.
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @param int                                               $max_duration The longest duration in the window (seconds).
	 * @return array<int, array<int, int>> pipeline ID => bin => jobs
	 */
	private function histograms( string $grain, string $from, string $to, array $filters, int $max_duration ): array {
		// Bins above the longest duration in the window are empty: do not sum them.
		$bins       = DurationHistogram::bin( $max_duration ) + 1;
		$histograms = array();
		foreach ( $this->rollups->shape_sums( $grain, $from, $to, $filters, array( 'pipeline_id' ), array( 'histogram' ), $bins ) as $row ) {
			foreach ( array_slice( DurationHistogram::columns(), 0, $bins ) as $bin => $column ) {
				$histograms[ (int) $row['pipeline_id'] ][ $bin ] = (int) $row[ $column ];
			}
		}
		return $histograms;
	}

	/**
	 * Duration histograms per pipeline and bucket of the range (daily rows summed into weeks).
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @param int                                               $max_duration The longest duration in the window (seconds).
	 * @return array<int, array<string, array<int, int>>> pipeline ID => bucket key => bin => jobs
	 */
	private function bucket_histograms( MetricsRange $range, array $filters, int $max_duration ): array {
		[ $grain, $from, $to ] = $range->grain();
		$start_of_week         = self::start_of_week();
		$bins                  = DurationHistogram::bin( $max_duration ) + 1;
		$columns               = array_slice( DurationHistogram::columns(), 0, $bins );
		$keys                  = array();
		$histograms            = array();
		foreach ( $this->rollups->shape_sums( $grain, $from, $to, $filters, array( 'bucket', 'pipeline_id' ), array( 'histogram' ), $bins ) as $row ) {
			$key  = $keys[ $row['bucket'] ] ??= $range->key_of( (string) $row['bucket'], $start_of_week );
			$cell = &$histograms[ (int) $row['pipeline_id'] ][ $key ];
			foreach ( $columns as $bin => $column ) {
				$cell[ $bin ] = ( $cell[ $bin ] ?? 0 ) + (int) $row[ $column ];
			}
			unset( $cell );
		}
		return $histograms;
	}

	/**
	 * Finished jobs by site-local weekday (1 = Monday … 7 = Sunday) and hour.
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @return array{cells: array<int, array{weekday: int, hour: int, count: int}>, max: int}
	 */
	public function heatmap( MetricsRange $range, SiteClock $clock, array $filters ): array {
		[ $grain, $from, $to ] = $range->grain();
		$grid                  = array();
		for ( $weekday = 1; $weekday <= 7; $weekday++ ) {
			$grid[ $weekday ] = array_fill( 0, 24, 0 );
		}
		if ( RollupRepository::GRAIN_HOURLY === $grain ) {
			foreach ( $this->rollups->sums( $grain, $from, $to, $filters, array( 'bucket' ) ) as $row ) {
				$local = $clock->local_hour( (int) strtotime( $row['bucket'] . ' UTC' ) );
				$grid[ $local['weekday'] ][ $local['hour'] ] += (int) $row['job_count'];
			}
		} else {
			$columns = RollupRepository::hour_columns();
			foreach ( $this->rollups->shape_sums( $grain, $from, $to, $filters, array( 'bucket' ), array( 'hours' ) ) as $row ) {
				$weekday = SiteClock::weekday( substr( (string) $row['bucket'], 0, 10 ) );
				foreach ( $columns as $hour => $column ) {
					$grid[ $weekday ][ $hour ] += (int) $row[ $column ];
				}
			}
		}
		$cells = array();
		$max   = 0;
		foreach ( $grid as $weekday => $hours ) {
			foreach ( $hours as $hour => $count ) {
				$cells[] = array(
					'weekday' => $weekday,
					'hour'    => $hour,
					'count'   => $count,
				);
				$max     = max( $max, $count );
			}
		}
		return array(
			'cells' => $cells,
			'max'   => $max,
		);
	}

	/**
	 * Recent window vs the same pipeline's trailing baseline.
	 *
	 * Recent: the last $recent_hours UTC hours (the current one included), from hourly rollups.
	 * Baseline: the $baseline_days whole site-local days before the day the recent window starts
	 * in, from daily rollups. A pipeline is flagged when its p95 or average duration reaches
	 * duration_ratio × its baseline, or its failure rate rises by failure_rate_increase or more
	 * (absolute), with at least min_recent_jobs / min_baseline_jobs behind each number.
	 *
	 * @return array<string, mixed>
	 */
	public function degradation( int $recent_hours, int $baseline_days, ?int $pipeline_id, SiteClock $clock, int $now ): array {
		$thresholds   = self::thresholds();
		$filters      = array( 'pipeline_id' => $pipeline_id );
		$recent_end   = SiteClock::floor_hour( $now ) + SiteClock::HOUR;
		$recent_start = $recent_end - $recent_hours * SiteClock::HOUR;
		$baseline_end = $clock->local_hour( $recent_start )['date'];
		$baseline_top = SiteClock::add_days( $baseline_end, -$baseline_days );

		$recent   = $this->window_stats( RollupRepository::GRAIN_HOURLY, gmdate( 'Y-m-d H:i:s', $recent_start ), gmdate( 'Y-m-d H:i:s', $recent_end ), $filters );
		$baseline = $this->window_stats( RollupRepository::GRAIN_DAILY, $baseline_top, $baseline_end, $filters );

		$items = array();
		foreach ( array_unique( array_merge( array_keys( $recent ), array_keys( $baseline ) ) ) as $id ) {
			$now_stats  = $recent[ $id ] ?? self::empty_stats();
			$then_stats = $baseline[ $id ] ?? self::empty_stats();
			$triggers   = self::triggers( $now_stats, $then_stats, $thresholds );
			$items[]    = array(
				'pipeline_id'   => $id,
				'pipeline_name' => $this->pipeline_name( $id ),
				'flagged'       => (bool) $triggers,
				'triggers'      => $triggers,
				'recent'        => $now_stats,
				'baseline'      => $then_stats,
			);
		}
		usort( $items, static fn ( array $a, array $b ): int => array( $b['flagged'], $b['recent']['jobs'], $a['pipeline_id'] ) <=> array( $a['flagged'], $a['recent']['jobs'], $b['pipeline_id'] ) );

		return array(
			'recent'     => array(
				'after'  => self::iso( $recent_start ),
				'before' => self::iso( $recent_end ),
				'hours'  => $recent_hours,
			),
			'baseline'   => array(
				'after'      => self::iso( $clock->day_start( $baseline_top ) ),
				'before'     => self::iso( $clock->day_start( $baseline_end ) ),
				'first_date' => $baseline_top,
				'last_date'  => SiteClock::add_days( $baseline_end, -1 ),
				'days'       => $baseline_days,
			),
			'thresholds' => $thresholds,
			'pipelines'  => $items,
		);
	}

	/**
	 * Growth of the jobs table and projections.
	 *
	 * @param float|null $max_size_mb A size the admin wants to stay under.
	 * @return array<string, mixed>
	 */
	public function capacity( ?float $max_size_mb, SiteClock $clock, int $now ): array {
		$snapshot = $this->rollups->last_sized_snapshot();
		$today    = $clock->today( $now );
		$daily    = array();
		foreach ( $this->rollups->sums( RollupRepository::GRAIN_DAILY, SiteClock::add_days( $today, -60 ), $today, array(), array( 'bucket' ) ) as $row ) {
			$daily[ substr( (string) $row['bucket'], 0, 10 ) ] = (int) $row['job_count'];
		}
		$recent   = self::daily_rate( $daily, SiteClock::add_days( $today, -30 ), $today );
		$previous = self::daily_rate( $daily, SiteClock::add_days( $today, -60 ), SiteClock::add_days( $today, -30 ) );

		$rows          = null === $snapshot ? null : (int) $snapshot['table_rows'];
		$bytes         = null === $snapshot || null === $snapshot['table_bytes'] ? null : (int) $snapshot['table_bytes'];
		$bytes_per_row = null !== $rows && null !== $bytes && $rows > 0 ? $bytes / $rows : null;
		$rate          = $recent['rate'];

		$projections = array();
		foreach ( array( 30, 90 ) as $days ) {
			$projected_rows = null === $rows || null === $rate ? null : (int) round( $rows + $rate * $days );
			$projections[]  = array(
				'days'  => $days,
				'rows'  => $projected_rows,
				'bytes' => null === $projected_rows || null === $bytes_per_row ? null : (int) round( $projected_rows * $bytes_per_row ),
			);
		}

		$limit     = null;
		$max_bytes = null === $max_size_mb ? null : (int) round( $max_size_mb * 1024 * 1024 );
		if ( null !== $max_bytes ) {
			$retention = null;
			$until     = null;
			if ( null !== $bytes_per_row && null !== $rate && $rate > 0 ) {
				$retention = (int) floor( $max_bytes / $bytes_per_row / $rate );
				if ( null !== $bytes ) {
					$until = $bytes >= $max_bytes ? 0 : (int) floor( ( $max_bytes - $bytes ) / ( $rate * $bytes_per_row ) );
				}
			}
			$limit = array(
				'max_bytes'        => $max_bytes,
				'retention_days'   => $retention,
				'days_until_limit' => $until,
				'over_limit'       => null !== $bytes && $bytes > $max_bytes,
			);
		}

		return array(
			'measured_at'     => null === $snapshot ? null : self::iso( (int) strtotime( $snapshot['taken_at'] . ' UTC' ) ),
			'rows'            => $rows,
			'bytes'           => $bytes,
			'free_bytes'      => null === $snapshot || null === $snapshot['free_bytes'] ? null : (int) $snapshot['free_bytes'],
			'bytes_estimated' => null !== $snapshot && '1' === (string) $snapshot['bytes_estimated'],
			'bytes_per_row'   => null === $bytes_per_row ? null : round( $bytes_per_row, 1 ),
			'growth'          => array(
				'rows_per_day'          => null === $rate ? null : round( $rate, 1 ),
				'days_observed'         => $recent['days'],
				'previous_rows_per_day' => null === $previous['rate'] ? null : round( $previous['rate'], 1 ),
				'change'                => null !== $rate && null !== $previous['rate'] && $previous['rate'] > 0 ? round( $rate / $previous['rate'] - 1, 3 ) : null,
			),
			'projections'     => $projections,
			'limit'           => $limit,
		);
	}

	/**
	 * Concurrent processing (and pending) jobs and the jobs table's size over a range, from snapshots.
	 *
	 * @return array<string, mixed>
	 */
	public function resources( MetricsRange $range ): array {
		$snapshots  = $this->rollups->snapshots_between( gmdate( 'Y-m-d H:i:s', $range->start ), gmdate( 'Y-m-d H:i:s', $range->end ) );
		$resolution = match ( true ) {
			$range->end - $range->start <= MetricsRange::MAX_HOUR_SPAN => 'snapshot',
			$range->end - $range->start <= 14 * DAY_IN_SECONDS => 'hour',
			default => 'bucket',
		};

		$groups = array();
		$sizes  = array();
		foreach ( $snapshots as $snapshot ) {
			$at  = (int) strtotime( $snapshot['taken_at'] . ' UTC' );
			$key = match ( $resolution ) {
				'snapshot' => $at,
				'hour' => SiteClock::floor_hour( $at ),
				default => self::bucket_start_of( $range, $at ),
			};
			$groups[ $key ][] = $snapshot;
			if ( null !== $snapshot['table_rows'] ) {
				$sizes[ 'bucket' === $resolution ? $key : SiteClock::floor_hour( $at ) ] = array(
					'at'        => self::iso( $at ),
					'rows'      => (int) $snapshot['table_rows'],
					'bytes'     => null === $snapshot['table_bytes'] ? null : (int) $snapshot['table_bytes'],
					'estimated' => '1' === (string) $snapshot['bytes_estimated'],
				);
			}
		}

		$concurrency = array();
		foreach ( $groups as $key => $group ) {
			$processing    = array_map( static fn ( array $row ): int => (int) $row['processing'], $group );
			$pending       = array_map( static fn ( array $row ): int => (int) $row['pending'], $group );
			$concurrency[] = array(
				'at'             => self::iso( (int) $key ),
				'processing_max' => max( $processing ),
				'processing_avg' => round( array_sum( $processing ) / count( $processing ), 2 ),
				'pending_max'    => max( $pending ),
				'samples'        => count( $group ),
			);
		}
		$sizes = array_values( $sizes );
		if ( count( $sizes ) > self::MAX_SIZE_POINTS ) {
			$step  = count( $sizes ) / self::MAX_SIZE_POINTS;
			$thin  = array();
			$count = count( $sizes );
			for ( $index = 0; $index < self::MAX_SIZE_POINTS; $index++ ) {
				$thin[] = $sizes[ min( $count - 1, (int) floor( ( $index + 1 ) * $step ) - 1 ) ];
			}
			$sizes = $thin;
		}

		return array(
			'resolution'  => $resolution,
			'interval'    => 'snapshot' === $resolution ? 300 : ( 'hour' === $resolution ? 3600 : null ),
			'concurrency' => $concurrency,
			'table_size'  => $sizes,
		);
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * Per pipeline: jobs, failure rate, average and p95 duration in one window.
	 *
	 * @param array{pipeline_id?: int|null} $filters
	 * @return array<int, array<string, mixed>>
	 */
	private function window_stats( string $grain, string $from, string $to, array $filters ): array {
		$success = JobClassifier::success_statuses();
		$merged  = array();
		foreach ( $this->rollups->sums( $grain, $from, $to, $filters, array( 'pipeline_id', 'status' ), array( 'durations' ) ) as $row ) {
			$id              = (int) $row['pipeline_id'];
			$merged[ $id ] ??= array(
				'job_count'      => 0,
				'failed'         => 0,
				'succeeded'      => 0,
				'duration_count' => 0,
				'duration_sum'   => 0,
				'duration_max'   => 0,
			);
			$target                    = &$merged[ $id ];
			$count                     = (int) $row['job_count'];
			$target['job_count']      += $count;
			$target['duration_count'] += (int) $row['duration_count'];
			$target['duration_sum']   += (int) $row['duration_sum'];
			$target['duration_max']    = max( $target['duration_max'], (int) $row['duration_max'] );
			if ( 'failed' === $row['status'] ) {
				$target['failed'] += $count;
			} elseif ( in_array( $row['status'], $success, true ) ) {
				$target['succeeded'] += $count;
			}
			unset( $target );
		}
		$histograms = $merged ? $this->histograms( $grain, $from, $to, $filters, (int) max( array_column( $merged, 'duration_max' ) ) ) : array();
		$stats      = array();
		foreach ( $merged as $id => $row ) {
			$durations    = self::duration_stats( $row, $histograms[ $id ] ?? array() );
			$finished     = $row['succeeded'] + $row['failed'];
			$stats[ $id ] = array(
				'jobs'         => $row['job_count'],
				'finished'     => $finished,
				'failed'       => $row['failed'],
				'failure_rate' => self::rate( $row['failed'], $finished ),
				'timed_jobs'   => $durations['timed'],
				'avg_seconds'  => $durations['avg'],
				'p95_seconds'  => $durations['p95'],
			);
		}
		return $stats;
	}

	/**
	 * @param array<string, mixed>        $recent
	 * @param array<string, mixed>        $baseline
	 * @param array<string, float|int>    $thresholds
	 * @return array<int, array<string, mixed>>
	 */
	private static function triggers( array $recent, array $baseline, array $thresholds ): array {
		$triggers = array();
		if ( $recent['timed_jobs'] >= $thresholds['min_recent_jobs'] && $baseline['timed_jobs'] >= $thresholds['min_baseline_jobs'] ) {
			foreach ( array(
				'p95_duration' => 'p95_seconds',
				'avg_duration' => 'avg_seconds',
			) as $metric => $field ) {
				$now  = $recent[ $field ];
				$then = $baseline[ $field ];
				if ( null !== $now && null !== $then && $then > 0 && $now >= $then * $thresholds['duration_ratio'] ) {
					$triggers[] = array(
						'metric'    => $metric,
						'recent'    => $now,
						'baseline'  => $then,
						'change'    => round( $now / $then, 3 ),
						'threshold' => $thresholds['duration_ratio'],
					);
				}
			}
		}
		if ( $recent['finished'] >= $thresholds['min_recent_jobs'] && $baseline['finished'] >= $thresholds['min_baseline_jobs'] ) {
			$now  = (float) $recent['failure_rate'];
			$then = (float) $baseline['failure_rate'];
			if ( $now - $then >= $thresholds['failure_rate_increase'] - 1e-9 ) {
				$triggers[] = array(
					'metric'    => 'failure_rate',
					'recent'    => $now,
					'baseline'  => $then,
					'change'    => round( $now - $then, 4 ),
					'threshold' => $thresholds['failure_rate_increase'],
				);
			}
		}
		return $triggers;
	}

	/**
	 * The degradation thresholds, filterable through `dm_jobs_degradation_thresholds`.
	 *
	 * @return array{duration_ratio: float, failure_rate_increase: float, min_recent_jobs: int, min_baseline_jobs: int}
	 */
	public static function thresholds(): array {
		$defaults = array(
			'duration_ratio'        => 1.5,
			'failure_rate_increase' => 0.1,
			'min_recent_jobs'       => 10,
			'min_baseline_jobs'     => 30,
		);
		/**
		 * Filters when a pipeline is flagged as degraded.
		 *
		 * @param array $thresholds {
		 *     @type float $duration_ratio        Flag when recent p95 or average duration ≥ this × baseline (> 1).
		 *     @type float $failure_rate_increase Flag when the failure rate rises by this much or more (0–1, absolute).
		 *     @type int   $min_recent_jobs       Jobs needed in the recent window for a comparison.
		 *     @type int   $min_baseline_jobs     Jobs needed in the baseline for a comparison.
		 * }
		 */
		$filtered = apply_filters( 'dm_jobs_degradation_thresholds', $defaults );
		$filtered = is_array( $filtered ) ? $filtered : array();
		$valid    = array(
			'duration_ratio'        => static fn ( $value ): bool => is_numeric( $value ) && (float) $value > 1,
			'failure_rate_increase' => static fn ( $value ): bool => is_numeric( $value ) && (float) $value > 0 && (float) $value <= 1,
			'min_recent_jobs'       => static fn ( $value ): bool => is_numeric( $value ) && (int) $value >= 1,
			'min_baseline_jobs'     => static fn ( $value ): bool => is_numeric( $value ) && (int) $value >= 1,
		);
		$thresholds = array();
		foreach ( $defaults as $key => $default ) {
			$value = $filtered[ $key ] ?? $default;
			if ( ! $valid[ $key ]( $value ) ) {
				_doing_it_wrong( 'dm_jobs_degradation_thresholds', esc_html( sprintf( 'Invalid "%s"; the default is used.', $key ) ), '0.1.0' );
				$value = $default;
			}
			$thresholds[ $key ] = is_int( $default ) ? (int) $value : (float) $value;
		}
		return $thresholds;
	}

	/**
	 * @param array<string, mixed> $row       Sums with duration_count, duration_sum and duration_max.
	 * @param array<int, int>      $histogram Bin => jobs.
	 * @return array{timed: int, avg: float|null, p95: float|null, max: int|null}
	 */
	private static function duration_stats( array $row, array $histogram ): array {
		$timed = (int) $row['duration_count'];
		$max   = $timed > 0 ? (int) $row['duration_max'] : null;
		return array(
			'timed' => $timed,
			'avg'   => $timed > 0 ? round( (int) $row['duration_sum'] / $timed, 2 ) : null,
			'p95'   => $timed > 0 ? DurationHistogram::percentile( $histogram, 0.95, $max ) : null,
			'max'   => $max,
		);
	}

	/**
	 * @return array<string, int|float|null>
	 */
	private static function empty_stats(): array {
		return array(
			'jobs'         => 0,
			'finished'     => 0,
			'failed'       => 0,
			'failure_rate' => null,
			'timed_jobs'   => 0,
			'avg_seconds'  => null,
			'p95_seconds'  => null,
		);
	}

	/**
	 * @param array<int, array<string, mixed>> $trend pipeline => bucket key => {failed, finished}, plus "total".
	 * @return array<int, array<string, mixed>>
	 */
	private function failure_trend( MetricsRange $range, array $trend ): array {
		$series = array();
		foreach ( $trend as $pipeline => $by_bucket ) {
			$points = array();
			foreach ( $range->buckets as $bucket ) {
				$cell     = $by_bucket[ $bucket['key'] ] ?? array(
					'failed'   => 0,
					'finished' => 0,
				);
				$points[] = self::bucket_fields( $bucket ) + array(
					'failed'   => $cell['failed'],
					'finished' => $cell['finished'],
					'rate'     => self::rate( $cell['failed'], $cell['finished'] ),
				);
			}
			$series[] = array(
				'pipeline_id'   => $pipeline,
				'pipeline_name' => $this->pipeline_name( $pipeline ),
				'jobs'          => (int) ( $by_bucket['total'] ?? 0 ),
				'points'        => $points,
			);
		}
		usort( $series, static fn ( array $a, array $b ): int => array( $b['jobs'], $a['pipeline_id'] ) <=> array( $a['jobs'], $b['pipeline_id'] ) );
		return $series;
	}

	/**
	 * Per pipeline and bucket: how many finished jobs were timed and their average, median and p95
	 * duration, so "is this pipeline getting slower?" has an answer.
	 *
	 * @param array<int, array<string, mixed>>                $trend      Pipeline ID => bucket key => sums (and 'total').
	 * @param array<int, array<string, array<int, int>>>      $histograms Pipeline ID => bucket key => bin => jobs.
	 * @return array<int, array<string, mixed>>
	 */
	private function duration_trend( MetricsRange $range, array $trend, array $histograms ): array {
		$series = array();
		foreach ( $trend as $pipeline => $by_bucket ) {
			$points = array();
			$timed  = 0;
			foreach ( $range->buckets as $bucket ) {
				$cell      = $by_bucket[ $bucket['key'] ] ?? array(
					'duration_count' => 0,
					'duration_sum'   => 0,
					'duration_max'   => 0,
				);
				$count     = (int) $cell['duration_count'];
				$histogram = $histograms[ $pipeline ][ $bucket['key'] ] ?? array();
				$max       = $count > 0 ? (int) $cell['duration_max'] : null;
				$timed    += $count;
				$points[]  = self::bucket_fields( $bucket ) + array(
					'timed'          => $count,
					'avg_seconds'    => $count > 0 ? round( $cell['duration_sum'] / $count, 2 ) : null,
					'median_seconds' => $count > 0 ? DurationHistogram::percentile( $histogram, 0.5, $max ) : null,
					'p95_seconds'    => $count > 0 ? DurationHistogram::percentile( $histogram, 0.95, $max ) : null,
				);
			}
			$series[] = array(
				'pipeline_id'   => $pipeline,
				'pipeline_name' => $this->pipeline_name( $pipeline ),
				'timed_jobs'    => $timed,
				'points'        => $points,
			);
		}
		usort( $series, static fn ( array $a, array $b ): int => array( $b['timed_jobs'], $a['pipeline_id'] ) <=> array( $a['timed_jobs'], $b['pipeline_id'] ) );
		return $series;
	}

	/**
	 * @param array<string, int> $daily local date => jobs
	 * @return array{rate: float|null, days: int}
	 */
	private static function daily_rate( array $daily, string $from, string $to ): array {
		$dates = array_filter( array_keys( $daily ), static fn ( string $date ): bool => $date >= $from && $date < $to );
		if ( ! $dates ) {
			return array(
				'rate' => null,
				'days' => 0,
			);
		}
		// Count from the first day with data, so a young install is not averaged over empty days.
		$first = min( $dates );
		$days  = max( 1, SiteClock::days_between( $first, $to ) );
		$sum   = 0;
		foreach ( $dates as $date ) {
			$sum += $daily[ $date ];
		}
		return array(
			'rate' => $sum / $days,
			'days' => $days,
		);
	}

	private static function bucket_start_of( MetricsRange $range, int $at ): int {
		foreach ( $range->buckets as $bucket ) {
			if ( $at >= $bucket['start'] && $at < $bucket['end'] ) {
				return $bucket['start'];
			}
		}
		return SiteClock::floor_hour( $at );
	}

	/**
	 * @param array{key: string, start: int, end: int, date: string|null} $bucket
	 * @return array{key: string, start: string, end: string, date: string|null}
	 */
	private static function bucket_fields( array $bucket ): array {
		return array(
			'key'   => $bucket['key'],
			'start' => self::iso( $bucket['start'] ),
			'end'   => self::iso( $bucket['end'] ),
			'date'  => $bucket['date'],
		);
	}

	private static function rate( int $part, int $whole ): ?float {
		return $whole > 0 ? round( $part / $whole, 4 ) : null;
	}

	public static function iso( int $timestamp ): string {
		return gmdate( 'Y-m-d\TH:i:s\Z', $timestamp );
	}

	public static function start_of_week(): int {
		$value = (int) get_option( 'start_of_week', 1 );
		return $value >= 0 && $value <= 6 ? $value : 1;
	}

	private function pipeline_name( int $pipeline_id ): ?string {
		if ( null === $this->pipeline_names ) {
			$this->pipeline_names = array();
			foreach ( $this->pipelines->find_all_with_flow_counts() as $row ) {
				$this->pipeline_names[ (int) $row['pipeline_id'] ] = (string) $row['pipeline_name'];
			}
		}
		return $this->pipeline_names[ $pipeline_id ] ?? null;
	}
}
