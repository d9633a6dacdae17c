<?php
/**
 * Concurrent processing (and pending) jobs and the jobs table's size over a range, from the
 * snapshots taken by the rollups.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\MetricsRange;
use DMJobs\Metrics\Repository\RollupSnapshotRepository;
use DMJobs\Metrics\SiteClock;

defined( 'ABSPATH' ) || exit;

final class ResourcesReport {

	private const MAX_SIZE_POINTS = 500;

	public function __construct( private readonly RollupSnapshotRepository $snapshots = new RollupSnapshotRepository() ) {
	}

	/**
	 * Concurrent processing (and pending) jobs and the jobs table's size over a range, from snapshots.
	 *
	 * @return array<string, mixed>
	 */
	public function build( MetricsRange $range ): array {
		$snapshots  = $this->snapshots->snapshots_between( gmdate( 'Y-m-d H:i:s', $range->start ), gmdate( 'Y-m-d H:i:s', $range->end ) );
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
					'at'        => ReportFields::iso( $at ),
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
				'at'             => ReportFields::iso( (int) $key ),
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

	private static function bucket_start_of( MetricsRange $range, int $at ): int {
		foreach ( $range->buckets as $bucket ) {
			if ( $at >= $bucket['start'] && $at < $bucket['end'] ) {
				return $bucket['start'];
			}
		}
		return SiteClock::floor_hour( $at );
	}
}
