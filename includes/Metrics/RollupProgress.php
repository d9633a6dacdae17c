<?php
/**
 * Where the rollups are (not started, rebuilding after a time zone change, backfilling, ready),
 * read from their meta table: what the metrics routes, Site Health and the CLI show.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Repository\RollupOpenSetRepository;
use DMJobs\Metrics\Repository\RollupRepository;

defined( 'ABSPATH' ) || exit;

final class RollupProgress {

	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		private readonly RollupOpenSetRepository $open_jobs = new RollupOpenSetRepository(),
	) {
	}

	/**
	 * Where the rollups are: not started, rebuilding (time zone change), backfilling, or ready.
	 *
	 * @return array{state: string, percent: float, processed: int, watermark: int, target: int, skipped: int, started_at: string|null, finished_at: string|null, last_run_at: string|null, open_jobs: array<string, int>, time_zone: string|null}
	 */
	public function read(): array {
		$meta   = $this->rollups->meta();
		$counts = $this->open_jobs->counts();
		$state  = 'ready';
		$start  = (int) ( $meta['start_id'] ?? 0 );
		$target = (int) ( $meta['target_id'] ?? 0 );
		$mark   = (int) ( $meta['watermark'] ?? 0 );

		$percent = 100.0;
		if ( ! isset( $meta['watermark'] ) ) {
			$state   = 'not_started';
			$percent = 0.0;
		} elseif ( '' !== ( $meta['rebuild_next'] ?? '' ) ) {
			$state = 'rebuilding';
			$next  = (int) $meta['rebuild_next'];
			$from  = (int) ( $meta['rebuild_from'] ?? $next );
			$end   = (int) ( $meta['rebuild_end'] ?? $next );
			if ( $end > $from ) {
				$percent = round( 100 * ( $next - $from ) / ( $end - $from ), 1 );
			}
		} elseif ( '' === ( $meta['finished_at'] ?? '' ) ) {
			$state   = 'backfilling';
			$percent = $target > $start ? round( 100 * min( 1, max( 0, ( $mark - $start ) / ( $target - $start ) ) ), 1 ) : 0.0;
		}

		return array(
			'state'       => $state,
			'percent'     => (float) $percent,
			'processed'   => (int) ( $meta['processed'] ?? 0 ),
			'watermark'   => $mark,
			'target'      => $target,
			'skipped'     => (int) ( $meta['skipped'] ?? 0 ),
			'started_at'  => self::iso( $meta['started_at'] ?? '' ),
			'finished_at' => self::iso( $meta['finished_at'] ?? '' ),
			'last_run_at' => self::iso( $meta['last_run_at'] ?? '' ),
			'open_jobs'   => array(
				'pending'    => $counts['pending'] ?? 0,
				'processing' => $counts['processing'] ?? 0,
				'other'      => $counts[ JobClassifier::OTHER ] ?? 0,
				'gaps'       => $counts['gap'] ?? 0,
			),
			'time_zone'   => '' === ( $meta['daily_tz'] ?? '' ) ? null : $meta['daily_tz'],
		);
	}

	private static function iso( string $timestamp ): ?string {
		return '' === $timestamp || '0' === $timestamp ? null : gmdate( 'Y-m-d\TH:i:s\Z', (int) $timestamp );
	}
}
