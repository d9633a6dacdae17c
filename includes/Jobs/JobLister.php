<?php
/**
 * Answers GET /jobs: picks the cheapest way to read a page and to know the total for the query.
 *
 * Totals are exact when that is cheap: from the count snapshot for the unfiltered list and for a single
 * status/pipeline/flow filter, or by counting up to EXACT_COUNT_LIMIT matches when the database expects to
 * examine few rows. Otherwise they are the database's estimate of the rows to examine (an upper bound),
 * flagged as such.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\JobListRepository;

defined( 'ABSPATH' ) || exit;

final class JobLister {

	public const EXACT_COUNT_LIMIT = 10000;

	/**
	 * Counting is skipped when the database expects to examine more rows than this.
	 */
	public const EXACT_COUNT_MAX_EXAMINED = 50000;

	/**
	 * A filter the database expects to examine at most this many rows for reads its page and exact total
	 * together (see page_of_few_matches()).
	 */
	public const FEW_MATCHES_MAX_EXAMINED = 20000;

	/**
	 * Below this offset a plain OFFSET is cheaper than looking up anchors.
	 */
	public const ANCHOR_MIN_OFFSET = 5000;

	public function __construct(
		private readonly JobListRepository $list = new JobListRepository(),
		private readonly JobCounts $counts = new JobCounts(),
		private readonly PageAnchors $anchors = new PageAnchors(),
		private readonly int $anchor_min_offset = self::ANCHOR_MIN_OFFSET,
		private readonly CreatedAtZones $zones = new CreatedAtZones(),
	) {
	}

	public function page( JobQuery $query ): JobPage {
		if ( null !== $query->created_after || null !== $query->created_before ) {
			$query = $query->with_id_ranges( $this->zones->id_ranges( $query->created_after, $query->created_before ) );
		}
		$few = $this->page_of_few_matches( $query );
		if ( null !== $few ) {
			return $few;
		}
		[ $total, $exact ] = $this->total( $query );
		$rows              = null;
		if ( $exact && $query->offset() >= $this->anchor_min_offset && $query->is_unfiltered() && JobOrderBy::JobId === $query->order_by ) {
			$rows = $this->read_through_anchors( $query, $total );
		}
		return new JobPage( $rows ?? $this->list->find_page( $query ), $total, $exact );
	}

	/**
	 * A narrow filter ordered by job ID (say a flow, two statuses and a month): the page and its exact
	 * total from one read of the matches, instead of a capped count and a page query that each read them.
	 * Null when the snapshot gives the total, or the database expects to examine many rows.
	 */
	private function page_of_few_matches( JobQuery $query ): ?JobPage {
		if ( JobOrderBy::JobId !== $query->order_by || JobColumns::uses_sqlite() || null !== $this->from_snapshot( $query ) ) {
			return null;
		}
		// A search alone: the estimate counts what its indexes find, not the jobs the labels table does not
		// cover yet, which its LIKE reads (12 estimated where 25,000 were read), so the one pass could read
		// the whole table into its window. Other filters bound what a search reads.
		if ( $query->narrows_only_by_search() ) {
			return null;
		}
		$examined = $this->list->estimate_matching( $query );
		if ( null === $examined || $examined > self::FEW_MATCHES_MAX_EXAMINED ) {
			return null;
		}
		$found = $this->list->find_page_with_total( $query );
		return null === $found ? null : new JobPage( $found[0], $found[1], true );
	}

	/**
	 * @return array{0: int, 1: bool} total, exact
	 */
	public function total( JobQuery $query ): array {
		if ( JobColumns::uses_sqlite() ) {
			return array( $this->list->count( $query ), true );
		}
		$snapshot = $this->from_snapshot( $query );
		if ( null !== $snapshot ) {
			return $snapshot;
		}
		// The rows the database expects to examine bound both the cost of counting and the count.
		$examined = $this->list->estimate_matching( $query );
		$capped   = 0;
		if ( null === $examined || $examined <= self::EXACT_COUNT_MAX_EXAMINED ) {
			$capped = $this->list->count_up_to( $query, self::EXACT_COUNT_LIMIT );
			if ( $capped <= self::EXACT_COUNT_LIMIT ) {
				return array( $capped, true );
			}
		}
		return array( max( $capped, $this->independent_estimate( $query ) ?? (int) $examined ), false );
	}

	/**
	 * Status × pipeline/flow filters estimated from the snapshot as if independent
	 * (jobs of that status × share of that pipeline's or flow's jobs).
	 */
	private function independent_estimate( JobQuery $query ): ?int {
		if ( ! $query->statuses || ! $query->only_snapshot_filters() ) {
			return null;
		}
		$counts = $this->counts->current();
		if ( $counts['total'] < 1 || ! $counts['by_status'] ) {
			return null;
		}
		$of_status = 0;
		foreach ( $query->statuses as $status ) {
			$of_status += $counts['by_status'][ $status->value ] ?? 0;
		}
		$group = null !== $query->flow_id ? ( $counts['by_flow'][ (string) $query->flow_id ] ?? 0 ) : ( $counts['by_pipeline'][ (string) $query->pipeline_id ] ?? 0 );
		return (int) round( $of_status * $group / $counts['total'] );
	}

	/**
	 * @return array{0: int, 1: bool}|null
	 */
	private function from_snapshot( JobQuery $query ): ?array {
		if ( ! $query->only_snapshot_filters() ) {
			return null;
		}
		$counts  = $this->counts->current();
		$filters = ( $query->statuses ? 1 : 0 ) + ( null !== $query->pipeline_id ? 1 : 0 ) + ( null !== $query->flow_id ? 1 : 0 );
		if ( 0 === $filters ) {
			return array( $counts['total'], $counts['exact'] );
		}
		if ( 1 !== $filters || ( ! $counts['by_status'] && $counts['total'] > 0 ) ) {
			return null;
		}
		if ( $query->statuses ) {
			$sum = 0;
			foreach ( $query->statuses as $status ) {
				$sum += $counts['by_status'][ $status->value ] ?? 0;
			}
			return array( $sum, $counts['exact'] );
		}
		if ( null !== $query->pipeline_id ) {
			return array( $counts['by_pipeline'][ (string) $query->pipeline_id ] ?? 0, $counts['exact'] );
		}
		return array( $counts['by_flow'][ (string) $query->flow_id ] ?? 0, $counts['exact'] );
	}

	/**
	 * @return array<int, array<string, string|null>>|null
	 */
	private function read_through_anchors( JobQuery $query, int $total ): ?array {
		$offset = $query->offset();
		if ( $offset >= $total ) {
			return array();
		}
		$newest_first = SortOrder::Desc === $query->order;
		$start        = $newest_first ? max( 0, $total - $offset - $query->per_page ) : $offset;
		$length       = $newest_first ? min( $query->per_page, $total - $offset ) : $query->per_page;
		$anchor       = $this->anchors->locate( $start );
		if ( null === $anchor ) {
			return null;
		}
		$rows = $this->list->find_from_anchor( $anchor['anchor_id'], $anchor['skip'], $length );
		return $newest_first ? array_reverse( $rows ) : $rows;
	}
}
