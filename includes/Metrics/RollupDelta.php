<?php
/**
 * Accumulates finished jobs into rollup deltas, to be added in a few statements:
 * - hourly / daily: jobs, duration count, sum and max per bucket × pipeline × flow × status;
 * - hourly / daily shape: the duration histogram per bucket × pipeline × flow (all statuses), and
 *   for days, finished jobs per local hour of day (the heatmap).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Repository\RollupRepository;

defined( 'ABSPATH' ) || exit;

final class RollupDelta {

	/**
	 * @var array<string, array<string, array<string, mixed>>> kind => key => row
	 */
	private array $rows = array(
		RollupRepository::HOURLY       => array(),
		RollupRepository::DAILY        => array(),
		RollupRepository::HOURLY_SHAPE => array(),
		RollupRepository::DAILY_SHAPE  => array(),
	);

	private int $jobs = 0;

	/**
	 * @param SiteClock $clock        The site's calendar, for the daily rows.
	 * @param int       $hourly_since Hours before this (UTC timestamp) are not kept in hourly rows.
	 */
	public function __construct( private readonly SiteClock $clock, private readonly int $hourly_since = 0 ) {
	}

	public function add( FinishedJob $job ): void {
		$hour  = SiteClock::floor_hour( $job->created_at );
		$local = $this->clock->local_hour( $hour );
		$bin   = null === $job->duration ? null : DurationHistogram::bin( $job->duration );
		if ( $hour >= $this->hourly_since ) {
			$bucket = gmdate( 'Y-m-d H:i:s', $hour );
			$this->count( RollupRepository::HOURLY, $bucket, $job );
			if ( null !== $bin ) {
				$this->shape( RollupRepository::HOURLY_SHAPE, $bucket, $job->pipeline_id, $job->flow_id, array( $bin => 1 ), array() );
			}
		}
		$this->count( RollupRepository::DAILY, $local['date'], $job );
		$this->shape( RollupRepository::DAILY_SHAPE, $local['date'], $job->pipeline_id, $job->flow_id, null === $bin ? array() : array( $bin => 1 ), array( $local['hour'] => 1 ) );
		++$this->jobs;
	}

	/**
	 * Adds hourly rows (as stored) to the daily deltas: used to re-bucket days after a time zone change.
	 *
	 * @param array<int, array<string, string>> $counts Hourly rows.
	 * @param array<int, array<string, string>> $shapes Hourly shape rows.
	 */
	public function add_hourly_rows( array $counts, array $shapes ): void {
		foreach ( $counts as $row ) {
			$local = $this->clock->local_hour( (int) strtotime( $row['bucket_start'] . ' UTC' ) );
			$jobs  = (int) $row['job_count'];
			$key   = $local['date'] . '|' . $row['pipeline_id'] . '|' . $row['flow_id'] . '|' . $row['status'];
			$this->rows[ RollupRepository::DAILY ][ $key ] ??= self::count_row( $local['date'], (int) $row['pipeline_id'], (int) $row['flow_id'], (string) $row['status'] );
			$target                    = &$this->rows[ RollupRepository::DAILY ][ $key ];
			$target['job_count']      += $jobs;
			$target['duration_count'] += (int) $row['duration_count'];
			$target['duration_sum']   += (int) $row['duration_sum'];
			$target['duration_max']    = max( $target['duration_max'], (int) $row['duration_max'] );
			unset( $target );
			$this->shape( RollupRepository::DAILY_SHAPE, $local['date'], (int) $row['pipeline_id'], (int) $row['flow_id'], array(), array( $local['hour'] => $jobs ) );
			$this->jobs += $jobs;
		}
		foreach ( $shapes as $row ) {
			$local = $this->clock->local_hour( (int) strtotime( $row['bucket_start'] . ' UTC' ) );
			$bins  = array();
			foreach ( DurationHistogram::columns() as $bin => $column ) {
				if ( (int) $row[ $column ] > 0 ) {
					$bins[ $bin ] = (int) $row[ $column ];
				}
			}
			$this->shape( RollupRepository::DAILY_SHAPE, $local['date'], (int) $row['pipeline_id'], (int) $row['flow_id'], $bins, array() );
		}
	}

	public function jobs(): int {
		return $this->jobs;
	}

	/**
	 * @param string $kind One of the RollupRepository table kinds.
	 * @return array<int, array<string, mixed>>
	 */
	public function rows( string $kind ): array {
		return array_values( $this->rows[ $kind ] );
	}

	private function count( string $kind, string $bucket, FinishedJob $job ): void {
		$key                         = $bucket . '|' . $job->pipeline_id . '|' . $job->flow_id . '|' . $job->status;
		$this->rows[ $kind ][ $key ] ??= self::count_row( $bucket, $job->pipeline_id, $job->flow_id, $job->status );
		$row                         = &$this->rows[ $kind ][ $key ];
		++$row['job_count'];
		if ( null !== $job->duration ) {
			++$row['duration_count'];
			$row['duration_sum'] += $job->duration;
			$row['duration_max']  = max( $row['duration_max'], $job->duration );
		}
		unset( $row );
	}

	/**
	 * @param array<int, int> $bins  Bin => jobs.
	 * @param array<int, int> $hours Local hour => jobs.
	 */
	private function shape( string $kind, string $bucket, int $pipeline_id, int $flow_id, array $bins, array $hours ): void {
		$key                         = $bucket . '|' . $pipeline_id . '|' . $flow_id;
		$this->rows[ $kind ][ $key ] ??= array(
			'bucket'      => $bucket,
			'pipeline_id' => $pipeline_id,
			'flow_id'     => $flow_id,
			'bins'        => array(),
			'hours'       => array(),
		);
		$row = &$this->rows[ $kind ][ $key ];
		foreach ( $bins as $bin => $count ) {
			$row['bins'][ $bin ] = ( $row['bins'][ $bin ] ?? 0 ) + $count;
		}
		foreach ( $hours as $hour => $count ) {
			$row['hours'][ $hour ] = ( $row['hours'][ $hour ] ?? 0 ) + $count;
		}
		unset( $row );
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function count_row( string $bucket, int $pipeline_id, int $flow_id, string $status ): array {
		return array(
			'bucket'         => $bucket,
			'pipeline_id'    => $pipeline_id,
			'flow_id'        => $flow_id,
			'status'         => $status,
			'job_count'      => 0,
			'duration_count' => 0,
			'duration_sum'   => 0,
			'duration_max'   => 0,
		);
	}
}
