<?php
/**
 * Growth of the jobs table and where it is heading: rows and bytes from the last sized snapshot,
 * jobs per day from the daily rollups, projections and the retention that keeps it under a size.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\Repository\RollupSnapshotRepository;
use DMJobs\Metrics\SiteClock;

defined( 'ABSPATH' ) || exit;

final class CapacityReport {

	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		private readonly RollupSnapshotRepository $snapshots = new RollupSnapshotRepository(),
	) {
	}

	/**
	 * Growth of the jobs table and projections.
	 *
	 * @param float|null $max_size_mb A size the admin wants to stay under.
	 * @return array<string, mixed>
	 */
	public function build( ?float $max_size_mb, SiteClock $clock, int $now ): array {
		$snapshot = $this->snapshots->last_sized_snapshot();
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
			'measured_at'     => null === $snapshot ? null : ReportFields::iso( (int) strtotime( $snapshot['taken_at'] . ' UTC' ) ),
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
}
