<?php
/**
 * The maintenance view's numbers: table sizes, jobs by status (exact), oldest/newest job, jobs per
 * day, and jobs stuck in processing. Counting scans indexes, so the result is cached for a few
 * minutes and says when it was counted.
 *
 * @package DMJobs
 */

namespace DMJobs\Maintenance;

use DMJobs\Jobs\JobFormatter;
use DMJobs\Maintenance\Repository\TableStatsRepository;
use DMJobs\Operations\Handlers\JobDeleteHandler;

defined( 'ABSPATH' ) || exit;

final class SystemMetrics {

	public const CACHE_KEY     = 'dm_jobs_system_metrics';
	public const CACHE_SECONDS = 300;

	public function __construct( private readonly TableStatsRepository $stats = new TableStatsRepository() ) {
	}

	/**
	 * @return array<string, mixed>
	 */
	public function collect( int $stuck_minutes = 60, int $days = 30, bool $refresh = false ): array {
		$key = self::CACHE_KEY . '_' . $stuck_minutes . '_' . $days;
		if ( ! $refresh ) {
			$cached = get_transient( $key );
			if ( is_array( $cached ) ) {
				$cached['cached'] = true;
				return $cached;
			}
		}
		$started = microtime( true );
		$now     = time();

		$by_raw    = $this->stats->jobs_by_raw_status();
		$by_status = JobDeleteHandler::by_base_status( $by_raw );
		$range     = $this->stats->job_time_range();
		$per_day   = $this->stats->jobs_per_day( gmdate( 'Y-m-d 00:00:00', $now - ( $days - 1 ) * DAY_IN_SECONDS ) );
		$growth    = array();
		for ( $i = $days - 1; $i >= 0; $i-- ) {
			$day      = gmdate( 'Y-m-d', $now - $i * DAY_IN_SECONDS );
			$growth[] = array(
				'date' => $day,
				'jobs' => $per_day[ $day ] ?? 0,
			);
		}
		$stuck = $this->stats->processing_before( gmdate( 'Y-m-d H:i:s', $now - $stuck_minutes * MINUTE_IN_SECONDS ), JobDeleteHandler::SAMPLE_SIZE );

		$metrics = array(
			'generated_at'   => gmdate( 'Y-m-d\TH:i:s\Z', $now ),
			'took_ms'        => (int) round( ( microtime( true ) - $started ) * 1000 ),
			'cached'         => false,
			'cache_seconds'  => self::CACHE_SECONDS,
			'database'       => array(
				'engine'  => $this->stats->uses_sqlite() ? 'sqlite' : 'mysql',
				'version' => $this->stats->server_version(),
				'file'    => $this->stats->sqlite_file(),
			),
			'tables'         => $this->stats->table_sizes(),
			'jobs'           => array(
				'total'           => array_sum( $by_raw ),
				'by_status'       => (object) $by_status,
				'distinct_raw'    => count( $by_raw ),
				'compound_values' => count( array_filter( array_keys( $by_raw ), static fn ( string $raw ): bool => str_contains( $raw, ' - ' ) || str_contains( $raw, ':' ) ) ),
				'oldest'          => JobFormatter::iso_utc( $range['oldest'] ),
				'newest'          => JobFormatter::iso_utc( $range['newest'] ),
			),
			'growth'         => array(
				'days'    => $days,
				'per_day' => $growth,
				'average' => round( array_sum( array_column( $growth, 'jobs' ) ) / max( 1, $days ), 1 ),
			),
			'stuck'          => array(
				'threshold_minutes' => $stuck_minutes,
				'count'             => $stuck['count'],
				'sample'            => array_map( array( JobFormatter::class, 'summary' ), $stuck['rows'] ),
			),
		);
		set_transient( $key, $metrics, self::CACHE_SECONDS );
		return $metrics;
	}
}
