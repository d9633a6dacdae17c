<?php
/**
 * Job counts per base status, pipeline and flow without counting millions of rows per request.
 *
 * A snapshot (grouped counts over the whole table, refreshed by WP-Cron) is kept exact cheaply:
 * jobs added since are counted by a short primary-key range, and jobs that were still open when it was
 * taken are re-read by ID. Deletions and changes to finished jobs bump DataVersion; until the next
 * refresh the counts are then reported as approximate.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Repository\JobColumns;
use DMJobs\Repository\JobListRepository;

defined( 'ABSPATH' ) || exit;

final class JobCounts {

	public const OPTION         = 'dm_jobs_count_snapshot';
	public const MAX_OPEN_IDS   = 5000;
	public const INLINE_MAX_ROWS = 200000;

	/**
	 * @var array{total: int, by_status: array<string, int>, by_pipeline: array<string, int>, by_flow: array<string, int>, exact: bool, as_of: int}|null
	 */
	private ?array $current = null;

	/**
	 * @param JobListRepository $list            Queries.
	 * @param int               $inline_max_rows Up to this many rows (estimated) a missing or stale snapshot
	 *                                           is recounted within the request.
	 */
	public function __construct(
		private readonly JobListRepository $list = new JobListRepository(),
		private readonly int $inline_max_rows = self::INLINE_MAX_ROWS,
	) {
	}

	/**
	 * Counts as of now.
	 *
	 * @return array{total: int, by_status: array<string, int>, by_pipeline: array<string, int>, by_flow: array<string, int>, exact: bool, as_of: int}
	 */
	public function current(): array {
		if ( null !== $this->current ) {
			return $this->current;
		}
		$snapshot = get_option( self::OPTION );
		$missing  = ! is_array( $snapshot ) || ! isset( $snapshot['max_id'] );
		if ( $missing || DataVersion::current() !== (int) $snapshot['version'] ) {
			// Missing, or stale after a deletion: recount now when that is cheap, else in WP-Cron.
			$fresh = $this->snapshot_or_null_when_too_big();
			if ( null !== $fresh ) {
				$snapshot = $fresh;
			} elseif ( $missing ) {
				return $this->current = $this->estimated();
			}
		}

		$by_status   = $snapshot['by_status'];
		$by_pipeline = $snapshot['by_pipeline'];
		$by_flow     = $snapshot['by_flow'];
		// Jobs open at snapshot time: take out what they were, add what they are now.
		foreach ( $snapshot['open_by_status'] as $status => $count ) {
			$by_status[ $status ] = ( $by_status[ $status ] ?? 0 ) - $count;
		}
		if ( $snapshot['open_ids'] ) {
			$by_status = self::add( $by_status, $this->list->count_grouped( 'status', null, $snapshot['open_ids'] ) );
		}
		$by_status   = self::add( $by_status, $this->list->count_grouped( 'status', (int) $snapshot['max_id'] ) );
		$by_pipeline = self::add( $by_pipeline, $this->list->count_grouped( 'pipeline_id', (int) $snapshot['max_id'] ) );
		$by_flow     = self::add( $by_flow, $this->list->count_grouped( 'flow_id', (int) $snapshot['max_id'] ) );

		$by_status = array_filter( $by_status, static fn ( int $count ): bool => $count > 0 );
		return $this->current = array(
			'total'       => array_sum( $by_status ),
			'by_status'   => $by_status,
			'by_pipeline' => $by_pipeline,
			'by_flow'     => $by_flow,
			'exact'       => DataVersion::current() === (int) $snapshot['version'],
			'as_of'       => (int) $snapshot['computed_at'],
		);
	}

	public function total(): int {
		return $this->current()['total'];
	}

	/**
	 * Counts every job in the table by status, pipeline and flow and stores the result.
	 *
	 * @return array<string, mixed> The stored snapshot.
	 */
	public function refresh(): array {
		$version  = DataVersion::current();
		$max_id   = $this->list->max_id();
		$open_ids = $this->list->open_job_ids( self::MAX_OPEN_IDS );
		$snapshot = array(
			'version'        => $version,
			'computed_at'    => time(),
			'max_id'         => $max_id,
			'by_status'      => $this->list->count_grouped( 'status', null, array(), $max_id ),
			'by_pipeline'    => $this->list->count_grouped( 'pipeline_id', null, array(), $max_id ),
			'by_flow'        => $this->list->count_grouped( 'flow_id', null, array(), $max_id ),
			'open_ids'       => $open_ids,
			'open_by_status' => $open_ids ? $this->list->count_grouped( 'status', null, $open_ids ) : array(),
		);
		update_option( self::OPTION, $snapshot, false );
		$this->current = null;
		return $snapshot;
	}

	/**
	 * On a small table (or SQLite) the first snapshot is taken right away; on a big one it is left
	 * to WP-Cron and the request gets estimates meanwhile.
	 *
	 * @return array<string, mixed>|null
	 */
	private function snapshot_or_null_when_too_big(): ?array {
		$estimate = $this->list->estimate_total_rows();
		if ( JobColumns::uses_sqlite() || ( null !== $estimate && $estimate <= $this->inline_max_rows ) ) {
			return $this->refresh();
		}
		CountRefresher::schedule_soon();
		return null;
	}

	/**
	 * @return array{total: int, by_status: array<string, int>, by_pipeline: array<string, int>, by_flow: array<string, int>, exact: bool, as_of: int}
	 */
	private function estimated(): array {
		return array(
			'total'       => (int) $this->list->estimate_total_rows(),
			'by_status'   => array(),
			'by_pipeline' => array(),
			'by_flow'     => array(),
			'exact'       => false,
			'as_of'       => time(),
		);
	}

	/**
	 * @param array<string, int> $counts
	 * @param array<string, int> $more
	 * @return array<string, int>
	 */
	private static function add( array $counts, array $more ): array {
		foreach ( $more as $key => $count ) {
			$counts[ $key ] = ( $counts[ $key ] ?? 0 ) + $count;
		}
		return $counts;
	}
}
