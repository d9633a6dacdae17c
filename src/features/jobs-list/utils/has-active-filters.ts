/**
 * Internal dependencies
 */
import type { JobsQuery } from '../../../shared/types';

/**
 * Whether the query narrows the list, so an empty result means "no match"
 * rather than "no jobs at all".
 *
 * @param query The current query.
 */
export function hasActiveFilters( query: JobsQuery ): boolean {
	return (
		query.status.length > 0 ||
		query.pipelineId !== null ||
		query.flowId !== null ||
		query.search.trim() !== '' ||
		( query.after ?? '' ) !== '' ||
		( query.before ?? '' ) !== ''
	);
}

/**
 * How many filters narrow the list (statuses count as one), for the
 * "Filters (2)" toggle.
 *
 * @param query The current query.
 */
export function countActiveFilters( query: JobsQuery ): number {
	return [
		query.status.length > 0,
		query.pipelineId !== null,
		query.flowId !== null,
		query.search.trim() !== '',
		( query.after ?? '' ) !== '' || ( query.before ?? '' ) !== '',
	].filter( Boolean ).length;
}
