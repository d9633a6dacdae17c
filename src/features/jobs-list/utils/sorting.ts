/**
 * Internal dependencies
 */
import type { JobsOrderBy, JobsQuery, SortOrder } from '../../../shared/types';

export interface JobsSort {
	orderby: JobsOrderBy;
	order: SortOrder;
}

export type AriaSort = 'ascending' | 'descending' | 'none';

/**
 * The direction a column sorts in when first clicked: times, IDs and
 * durations newest/longest first, names and statuses A to Z.
 *
 * @param orderby The column's sort key.
 */
export function defaultOrderFor( orderby: JobsOrderBy ): SortOrder {
	return orderby === 'status' || orderby === 'pipeline' || orderby === 'flow'
		? 'asc'
		: 'desc';
}

/**
 * The sort after clicking a column header: the same column flips direction,
 * another column starts in its default direction.
 *
 * @param current The current sort.
 * @param orderby The clicked column's sort key.
 */
export function toggleSort(
	current: JobsSort,
	orderby: JobsOrderBy
): JobsSort {
	if ( current.orderby === orderby ) {
		return {
			orderby,
			order: current.order === 'asc' ? 'desc' : 'asc',
		};
	}
	return { orderby, order: defaultOrderFor( orderby ) };
}

/**
 * `aria-sort` of a column header that sorts by any of `keys`.
 *
 * @param keys    The sort keys the column offers.
 * @param current The current sort.
 */
export function ariaSortFor(
	keys: readonly JobsOrderBy[],
	current: JobsSort
): AriaSort {
	if ( ! keys.includes( current.orderby ) ) {
		return 'none';
	}
	return current.order === 'asc' ? 'ascending' : 'descending';
}

/**
 * Whether the newest jobs come first, so new jobs land on top of page 1.
 *
 * @param query The query.
 */
export function isNewestFirst(
	query: Pick< JobsQuery, 'orderby' | 'order' >
): boolean {
	return (
		query.order === 'desc' &&
		( query.orderby === 'job_id' || query.orderby === 'created_at' )
	);
}
