/**
 * Internal dependencies
 */
import { filterParams } from '../../../shared/api/jobs-api';
import type { JobsQuery } from '../../../shared/types';

/**
 * A stable key of the list's filter (the selection resets when it changes).
 *
 * @param query The list's query.
 */
export function filterKey( query: JobsQuery ): string {
	return JSON.stringify( filterParams( query ) );
}
