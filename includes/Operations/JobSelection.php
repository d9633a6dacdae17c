<?php
/**
 * Which jobs a bulk action or cleanup is about: explicit IDs, or every job matching the same
 * filters GET /jobs takes; optionally only orphans. Pending and processing jobs are left out unless
 * the caller explicitly includes them.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

use DMJobs\Jobs\JobQuery;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class JobSelection {

	public const MAX_IDS = 10000;

	/**
	 * @param int[]|null $ids            Explicit job IDs (the filter is then ignored).
	 * @param JobQuery   $filter         GET /jobs filters (paging and sort ignored).
	 * @param bool       $include_active Whether pending/processing jobs may be touched.
	 * @param bool       $orphans_only   Only jobs whose pipeline or flow no longer exists.
	 */
	public function __construct(
		public readonly ?array $ids = null,
		public readonly JobQuery $filter = new JobQuery(),
		public readonly bool $include_active = false,
		public readonly bool $orphans_only = false,
	) {
		if ( null !== $ids ) {
			foreach ( $ids as $id ) {
				if ( ! is_int( $id ) || $id < 1 ) {
					throw new \InvalidArgumentException( 'ids must be positive integers.' );
				}
			}
		}
	}

	public function with_include_active( bool $include_active ): self {
		return new self( $this->ids, $this->filter, $include_active, $this->orphans_only );
	}

	/**
	 * @return array<string, mixed> For storing with an operation.
	 */
	public function to_array(): array {
		$filter = array_filter(
			array(
				'status'      => array_map( static fn ( BaseStatus $s ): string => $s->value, $this->filter->statuses ),
				'other_status' => $this->filter->other_statuses,
				'pipeline_id' => $this->filter->pipeline_id,
				'flow_id'     => $this->filter->flow_id,
				'search'      => '' === $this->filter->search ? null : $this->filter->search,
				'after'       => $this->filter->created_after,
				'before'      => $this->filter->created_before,
			),
			static fn ( mixed $value ): bool => null !== $value && array() !== $value
		);
		$data   = array(
			'include_active' => $this->include_active,
			'orphans_only'   => $this->orphans_only,
		);
		if ( null !== $this->ids ) {
			$data['ids'] = $this->ids;
		} else {
			$data['filter'] = $filter;
		}
		return $data;
	}

	/**
	 * @param array<string, mixed> $data From to_array().
	 */
	public static function from_array( array $data ): self {
		$filter = is_array( $data['filter'] ?? null ) ? $data['filter'] : array();
		return new self(
			isset( $data['ids'] ) && is_array( $data['ids'] ) ? array_map( 'intval', $data['ids'] ) : null,
			new JobQuery(
				statuses: array_map( static fn ( string $v ): BaseStatus => BaseStatus::from( $v ), (array) ( $filter['status'] ?? array() ) ),
				other_statuses: array_values( array_map( 'strval', (array) ( $filter['other_status'] ?? array() ) ) ),
				pipeline_id: isset( $filter['pipeline_id'] ) ? (int) $filter['pipeline_id'] : null,
				flow_id: isset( $filter['flow_id'] ) ? (int) $filter['flow_id'] : null,
				search: (string) ( $filter['search'] ?? '' ),
				created_after: isset( $filter['after'] ) ? (string) $filter['after'] : null,
				created_before: isset( $filter['before'] ) ? (string) $filter['before'] : null,
			),
			! empty( $data['include_active'] ),
			! empty( $data['orphans_only'] ),
		);
	}
}
