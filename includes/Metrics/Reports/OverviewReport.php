<?php
/**
 * The Insights overview for one range and filter: volume by status, success rate, average and p95
 * duration by pipeline, the heatmap, and each pipeline's failure-rate and duration trends.
 *
 * Definitions: a job counts when it is final, in the bucket of its created_at. Success rate =
 * succeeded / (succeeded + failed), where succeeded = completed + completed_no_items + agent_skipped;
 * cancelled and unknown ("other") statuses count in volume but in neither rate. Durations are
 * completed_at − created_at of finished jobs that have both; p95 comes from the duration histogram
 * (see DurationHistogram for its precision). Reads only the rollup tables (and pipeline names).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\DurationHistogram;
use DMJobs\Metrics\JobClassifier;
use DMJobs\Metrics\MetricsRange;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\SiteClock;
use DMJobs\Pipelines\PipelineNames;

defined( 'ABSPATH' ) || exit;

final class OverviewReport {

	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		private readonly PipelineNames $names = new PipelineNames(),
		private readonly PipelineDurations $pipeline_durations = new PipelineDurations(),
		private readonly HeatmapReport $heatmap = new HeatmapReport(),
	) {
	}

	/**
	 * Everything the insights charts show for one range and filter.
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @return array<string, mixed>
	 */
	public function build( MetricsRange $range, SiteClock $clock, array $filters ): array {
		[ $grain, $from, $to ] = $range->grain();
		$start_of_week         = SiteClock::start_of_week();
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
			$volume_points[]      = ReportFields::bucket_fields( $bucket ) + array(
				'counts' => $counts,
				'total'  => $total,
			);
			$success_points[]     = ReportFields::bucket_fields( $bucket ) + array(
				'succeeded' => $succeeded,
				'failed'    => $failed,
				'rate'      => ReportFields::rate( $succeeded, $succeeded + $failed ),
			);
		}
		$totals['success_rate'] = ReportFields::rate( $totals['succeeded'], $totals['succeeded'] + $totals['failed'] );
		$longest                = $pipelines ? (int) max( array_column( $pipelines, 'duration_max' ) ) : 0;

		return array(
			'statuses'      => $statuses,
			'totals'        => $totals,
			'volume'        => $volume_points,
			'success_rate'  => $success_points,
			'durations'      => $this->durations( $pipelines, $pipelines ? $this->pipeline_durations->histograms( $grain, $from, $to, $filters, $longest ) : array() ),
			'heatmap'        => $this->heatmap->build( $range, $clock, $filters ),
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
			$stats   = PipelineDurations::stats( $row, $histograms[ $id ] ?? array() );
			$items[] = array(
				'pipeline_id'   => $id,
				'pipeline_name' => $this->names->name( $id ),
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
	 * Duration histograms per pipeline and bucket of the range (daily rows summed into weeks).
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @param int                                               $max_duration The longest duration in the window (seconds).
	 * @return array<int, array<string, array<int, int>>> pipeline ID => bucket key => bin => jobs
	 */
	private function bucket_histograms( MetricsRange $range, array $filters, int $max_duration ): array {
		[ $grain, $from, $to ] = $range->grain();
		$start_of_week         = SiteClock::start_of_week();
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
				$points[] = ReportFields::bucket_fields( $bucket ) + array(
					'failed'   => $cell['failed'],
					'finished' => $cell['finished'],
					'rate'     => ReportFields::rate( $cell['failed'], $cell['finished'] ),
				);
			}
			$series[] = array(
				'pipeline_id'   => $pipeline,
				'pipeline_name' => $this->names->name( $pipeline ),
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
				$points[]  = ReportFields::bucket_fields( $bucket ) + array(
					'timed'          => $count,
					'avg_seconds'    => $count > 0 ? round( $cell['duration_sum'] / $count, 2 ) : null,
					'median_seconds' => $count > 0 ? DurationHistogram::percentile( $histogram, 0.5, $max ) : null,
					'p95_seconds'    => $count > 0 ? DurationHistogram::percentile( $histogram, 0.95, $max ) : null,
				);
			}
			$series[] = array(
				'pipeline_id'   => $pipeline,
				'pipeline_name' => $this->names->name( $pipeline ),
				'timed_jobs'    => $timed,
				'points'        => $points,
			);
		}
		usort( $series, static fn ( array $a, array $b ): int => array( $b['timed_jobs'], $a['pipeline_id'] ) <=> array( $a['timed_jobs'], $b['pipeline_id'] ) );
		return $series;
	}
}
