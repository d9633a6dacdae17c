<?php
/**
 * What a page of jobs is asked with: filters, sort and paging, as typed values (JobsController builds it
 * from GET /jobs; bulk actions, cleanup and tests build it directly).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class JobQuery {

	public const MAX_PER_PAGE = 100;

	/**
	 * @param int          $page          1-based page number.
	 * @param int          $per_page      Rows per page, 1–100.
	 * @param BaseStatus[] $statuses      Base statuses to include; empty means all.
	 * @param int|null     $pipeline_id   Only this pipeline.
	 * @param int|null     $flow_id       Only this flow.
	 * @param string       $search        A job ID or text matched against names and status reasons.
	 * @param string|null  $created_after UTC "Y-m-d H:i:s" lower bound (inclusive) on created_at.
	 * @param string|null  $created_before UTC "Y-m-d H:i:s" upper bound (inclusive) on created_at.
	 * @param JobOrderBy   $order_by      Sort column.
	 * @param SortOrder    $order         Sort direction.
	 * @param int|null     $above_id      Only jobs with a higher ID (what is new since a given job).
	 * @param array{from: int, to: int, above: int}|null $id_ranges Only jobs with from <= ID <= to or ID >= above
	 *                                                   (narrows date filters; see CreatedAtZones).
	 * @param string[]     $other_statuses Statuses DM Jobs does not know, by name (ParsedStatus::base_value()),
	 *                                      included besides $statuses.
	 */
	public function __construct(
		public readonly int $page = 1,
		public readonly int $per_page = 20,
		public readonly array $statuses = array(),
		public readonly ?int $pipeline_id = null,
		public readonly ?int $flow_id = null,
		public readonly string $search = '',
		public readonly ?string $created_after = null,
		public readonly ?string $created_before = null,
		public readonly JobOrderBy $order_by = JobOrderBy::JobId,
		public readonly SortOrder $order = SortOrder::Desc,
		public readonly ?int $above_id = null,
		public readonly ?array $id_ranges = null,
		public readonly array $other_statuses = array(),
	) {
		if ( $page < 1 ) {
			throw new \InvalidArgumentException( 'page must be at least 1.' );
		}
		if ( $per_page < 1 || $per_page > self::MAX_PER_PAGE ) {
			throw new \InvalidArgumentException( 'per_page must be between 1 and 100.' );
		}
		foreach ( $statuses as $status ) {
			if ( ! $status instanceof BaseStatus ) {
				throw new \InvalidArgumentException( 'statuses must be BaseStatus values.' );
			}
		}
		foreach ( $other_statuses as $name ) {
			if ( ! is_string( $name ) || ! StatusParser::is_status_name( $name ) || null !== BaseStatus::tryFrom( $name ) ) {
				throw new \InvalidArgumentException( 'other_statuses must be names of statuses DM Jobs does not know.' );
			}
		}
	}

	/**
	 * Whether the query filters by status at all (known or unknown).
	 */
	public function filters_status(): bool {
		return $this->statuses || $this->other_statuses;
	}

	/**
	 * Whether the query narrows only by what the count snapshot counts by (known statuses,
	 * pipeline, flow), so its total can come from the snapshot. A new filter belongs here.
	 */
	public function only_snapshot_filters(): bool {
		return '' === $this->search && null === $this->created_after && null === $this->created_before
			&& null === $this->above_id && ! $this->other_statuses;
	}

	/**
	 * Whether the query narrows by a search and nothing else.
	 */
	public function narrows_only_by_search(): bool {
		return '' !== $this->search && null === $this->created_after && null === $this->created_before
			&& null === $this->above_id && ! $this->other_statuses && ! $this->statuses && null === $this->pipeline_id && null === $this->flow_id;
	}

	/**
	 * Whether the query narrows by nothing at all.
	 */
	public function is_unfiltered(): bool {
		return $this->only_snapshot_filters() && ! $this->statuses && null === $this->pipeline_id && null === $this->flow_id;
	}

	public function offset(): int {
		return ( $this->page - 1 ) * $this->per_page;
	}

	/**
	 * The same query for other base statuses.
	 *
	 * @param BaseStatus[] $statuses
	 */
	public function with_statuses( array $statuses ): self {
		return $this->copy( array( 'statuses' => $statuses ) );
	}

	/**
	 * The same query, only for jobs newer than a given job.
	 */
	public function with_above_id( ?int $above_id ): self {
		return $this->copy( array( 'above_id' => $above_id ) );
	}

	/**
	 * The same query, read only from these job-ID ranges.
	 *
	 * @param array{from: int, to: int, above: int}|null $id_ranges
	 */
	public function with_id_ranges( ?array $id_ranges ): self {
		return $this->copy( array( 'id_ranges' => $id_ranges ) );
	}

	/**
	 * @param array<string, mixed> $changes Constructor argument name => value.
	 */
	private function copy( array $changes ): self {
		return new self( ...array_merge( get_object_vars( $this ), $changes ) );
	}
}
