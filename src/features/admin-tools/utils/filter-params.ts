/**
 * Internal dependencies
 */
import { queryToParams } from '../../../shared/api/jobs-api';
import type { JobsQuery } from '../../../shared/types';
import type { JobFilterParams } from '../types';

/**
 * The filter part of the list's query as REST parameters: exactly what
 * GET /jobs is sent, without paging and sort. "Select all N matching", bulk
 * actions and the export send this, so they cover the rows the list shows.
 *
 * @param query The list's query.
 */
export function filterParams( query: JobsQuery ): JobFilterParams {
	const rest = queryToParams( query );
	const params: JobFilterParams = {};
	const keys = [
		'status',
		'pipeline_id',
		'flow_id',
		'search',
		'after',
		'before',
	] as const;
	keys.forEach( ( key ) => {
		if ( rest[ key ] !== undefined ) {
			Object.assign( params, { [ key ]: rest[ key ] } );
		}
	} );
	return params;
}

/**
 * A stable key of the filter (the selection resets when it changes).
 *
 * @param query The list's query.
 */
export function filterKey( query: JobsQuery ): string {
	return JSON.stringify( filterParams( query ) );
}
