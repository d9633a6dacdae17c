<?php
/**
 * Accumulates finished jobs into hourly and daily rollup deltas, to be added in a few statements.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

defined( 'ABSPATH' ) || exit;

final class RollupDelta {

	/**
	 * @var array<string, array<string, mixed>>
	 */
	private array $hourly = array();

	/**
	 * @var array<string, array<string, mixed>>
	 */
	private array $daily = array();

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
		if ( $hour >= $this->hourly_since ) {
			$this->accumulate( $this->hourly, gmdate( 'Y-m-d H:i:s', $hour ), $job, null );
		}
		$this->accumulate( $this->daily, $local['date'], $job, $local['hour'] );
		++$this->jobs;
	}

	public function jobs(): int {
		return $this->jobs;
	}

	/**
	 * @return array<int, array<string, mixed>>
	 */
	public function hourly_rows(): array {
		return array_values( $this->hourly );
	}

	/**
	 * @return array<int, array<string, mixed>>
	 */
	public function daily_rows(): array {
		return array_values( $this->daily );
	}

	/**
	 * Adds an hourly rollup row (as stored) to the daily delta: used to rebuild the daily rollups.
	 *
	 * @param array<string, string> $row
	 */
	public function add_hourly_row( array $row ): void {
		$hour  = (int) strtotime( $row['bucket_start'] . ' UTC' );
		$local = $this->clock->local_hour( $hour );
		$key   = $local['date'] . '|' . $row['pipeline_id'] . '|' . $row['flow_id'] . '|' . $row['status'];
		if ( ! isset( $this->daily[ $key ] ) ) {
			$this->daily[ $key ] = self::empty_row( $local['date'], (int) $row['pipeline_id'], (int) $row['flow_id'], (string) $row['status'] );
		}
		$target                    = &$this->daily[ $key ];
		$count                     = (int) $row['job_count'];
		$target['job_count']      += $count;
		$target['duration_count'] += (int) $row['duration_count'];
		$target['duration_sum']   += (int) $row['duration_sum'];
		$target['duration_max']    = max( $target['duration_max'], (int) $row['duration_max'] );
		foreach ( DurationHistogram::columns() as $bin => $column ) {
			$value = (int) ( $row[ $column ] ?? 0 );
			if ( $value > 0 ) {
				$target['bins'][ $bin ] = ( $target['bins'][ $bin ] ?? 0 ) + $value;
			}
		}
		$target['hours'][ $local['hour'] ] = ( $target['hours'][ $local['hour'] ] ?? 0 ) + $count;
		$this->jobs                       += $count;
		unset( $target );
	}

	/**
	 * @param array<string, array<string, mixed>> $rows
	 */
	private function accumulate( array &$rows, string $bucket, FinishedJob $job, ?int $local_hour ): void {
		$key = $bucket . '|' . $job->pipeline_id . '|' . $job->flow_id . '|' . $job->status;
		if ( ! isset( $rows[ $key ] ) ) {
			$rows[ $key ] = self::empty_row( $bucket, $job->pipeline_id, $job->flow_id, $job->status );
		}
		$row = &$rows[ $key ];
		++$row['job_count'];
		if ( null !== $job->duration ) {
			++$row['duration_count'];
			$row['duration_sum'] += $job->duration;
			$row['duration_max']  = max( $row['duration_max'], $job->duration );
			$bin                  = DurationHistogram::bin( $job->duration );
			$row['bins'][ $bin ]  = ( $row['bins'][ $bin ] ?? 0 ) + 1;
		}
		if ( null !== $local_hour ) {
			$row['hours'][ $local_hour ] = ( $row['hours'][ $local_hour ] ?? 0 ) + 1;
		}
		unset( $row );
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function empty_row( string $bucket, int $pipeline_id, int $flow_id, string $status ): array {
		return array(
			'bucket'         => $bucket,
			'pipeline_id'    => $pipeline_id,
			'flow_id'        => $flow_id,
			'status'         => $status,
			'job_count'      => 0,
			'duration_count' => 0,
			'duration_sum'   => 0,
			'duration_max'   => 0,
			'bins'           => array(),
			'hours'          => array(),
		);
	}
}
