<?php
/**
 * Which pipelines got slower or fail more often: a recent window against the same pipeline's
 * trailing baseline, from the rollups, with thresholds filterable through
 * `dm_jobs_degradation_thresholds`.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\JobClassifier;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\SiteClock;
use DMJobs\Pipelines\PipelineNames;

defined( 'ABSPATH' ) || exit;

final class DegradationReport {

	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		private readonly PipelineNames $names = new PipelineNames(),
		private readonly PipelineDurations $pipeline_durations = new PipelineDurations(),
	) {
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
	public function build( int $recent_hours, int $baseline_days, ?int $pipeline_id, SiteClock $clock, int $now ): array {
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
				'pipeline_name' => $this->names->name( $id ),
				'flagged'       => (bool) $triggers,
				'triggers'      => $triggers,
				'recent'        => $now_stats,
				'baseline'      => $then_stats,
			);
		}
		usort( $items, static fn ( array $a, array $b ): int => array( $b['flagged'], $b['recent']['jobs'], $a['pipeline_id'] ) <=> array( $a['flagged'], $a['recent']['jobs'], $b['pipeline_id'] ) );

		return array(
			'recent'     => array(
				'after'  => ReportFields::iso( $recent_start ),
				'before' => ReportFields::iso( $recent_end ),
				'hours'  => $recent_hours,
			),
			'baseline'   => array(
				'after'      => ReportFields::iso( $clock->day_start( $baseline_top ) ),
				'before'     => ReportFields::iso( $clock->day_start( $baseline_end ) ),
				'first_date' => $baseline_top,
				'last_date'  => SiteClock::add_days( $baseline_end, -1 ),
				'days'       => $baseline_days,
			),
			'thresholds' => $thresholds,
			'pipelines'  => $items,
		);
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
		$histograms = $merged ? $this->pipeline_durations->histograms( $grain, $from, $to, $filters, (int) max( array_column( $merged, 'duration_max' ) ) ) : array();
		$stats      = array();
		foreach ( $merged as $id => $row ) {
			$durations    = PipelineDurations::stats( $row, $histograms[ $id ] ?? array() );
			$finished     = $row['succeeded'] + $row['failed'];
			$stats[ $id ] = array(
				'jobs'         => $row['job_count'],
				'finished'     => $finished,
				'failed'       => $row['failed'],
				'failure_rate' => ReportFields::rate( $row['failed'], $finished ),
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
}
