<?php
/**
 * Finished jobs by site-local weekday and hour, from the rollups: hourly rows are placed by the
 * site clock, daily rows carry their own per-hour columns.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\MetricsRange;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\SiteClock;

defined( 'ABSPATH' ) || exit;

final class HeatmapReport {

	public function __construct( private readonly RollupRepository $rollups = new RollupRepository() ) {
	}

	/**
	 * Finished jobs by site-local weekday (1 = Monday … 7 = Sunday) and hour.
	 *
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @return array{cells: array<int, array{weekday: int, hour: int, count: int}>, max: int}
	 */
	public function build( MetricsRange $range, SiteClock $clock, array $filters ): array {
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
}
