<?php
/**
 * Duration histograms per pipeline from the rollups, and the average, p95 and maximum they give.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\DurationHistogram;
use DMJobs\Metrics\Repository\RollupRepository;

defined( 'ABSPATH' ) || exit;

final class PipelineDurations {

	public function __construct( private readonly RollupRepository $rollups = new RollupRepository() ) {
	}

	/**
	 * Duration histograms per pipeline.
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @param int                                               $max_duration The longest duration in the window (seconds).
	 * @return array<int, array<int, int>> pipeline ID => bin => jobs
	 */
	public function histograms( string $grain, string $from, string $to, array $filters, int $max_duration ): array {
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
	 * @param array<string, mixed> $row       Sums with duration_count, duration_sum and duration_max.
	 * @param array<int, int>      $histogram Bin => jobs.
	 * @return array{timed: int, avg: float|null, p95: float|null, max: int|null}
	 */
	public static function stats( array $row, array $histogram ): array {
		$timed = (int) $row['duration_count'];
		$max   = $timed > 0 ? (int) $row['duration_max'] : null;
		return array(
			'timed' => $timed,
			'avg'   => $timed > 0 ? round( (int) $row['duration_sum'] / $timed, 2 ) : null,
			'p95'   => $timed > 0 ? DurationHistogram::percentile( $histogram, 0.95, $max ) : null,
			'max'   => $max,
		);
	}
}
