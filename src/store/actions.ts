/**
 * Internal dependencies
 */
import { ApiRequestError } from '../api/api-request-error';
import { fetchJobsPage } from '../api/jobs-api';
import { normalizeApiError } from '../api/normalize-api-error';
import type { ApiError, JobsPage, JobsQuery } from '../types';
import { mergeQuery } from '../utils/merge-query';
import type { JobsAction, ThunkArgs } from './types';

export function setQuery( query: JobsQuery ): JobsAction {
	return { type: 'SET_QUERY', query };
}

export function startJobsRequest(
	requestId: number,
	query: JobsQuery
): JobsAction {
	return { type: 'JOBS_REQUEST_START', requestId, query };
}

export function receiveJobsPage(
	requestId: number,
	query: JobsQuery,
	page: JobsPage
): JobsAction {
	return { type: 'JOBS_REQUEST_SUCCESS', requestId, query, page };
}

export function receiveJobsError(
	requestId: number,
	error: ApiError
): JobsAction {
	return { type: 'JOBS_REQUEST_FAILURE', requestId, error };
}

async function toApiError( error: unknown ): Promise< ApiError > {
	return error instanceof ApiRequestError
		? error.toJSON()
		: normalizeApiError( error );
}

/**
 * Loads the jobs for the current query (also used to retry and to refresh).
 */
export const fetchJobs =
	() =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		const query = select.getQuery();
		const requestId = select.getLatestRequestId() + 1;
		dispatch( startJobsRequest( requestId, query ) );
		try {
			const page = await fetchJobsPage( query );
			dispatch( receiveJobsPage( requestId, query, page ) );
		} catch ( error ) {
			dispatch(
				receiveJobsError( requestId, await toApiError( error ) )
			);
		}
	};

/**
 * Changes the query (page, and later sort and filters) and loads it.
 *
 * @param changes What to change; anything but `page` resets to page 1.
 */
export const updateQuery =
	( changes: Partial< JobsQuery > ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		dispatch( setQuery( mergeQuery( select.getQuery(), changes ) ) );
		await dispatch( fetchJobs() );
	};

/**
 * Shows another page of the list.
 *
 * @param page 1-based page number.
 */
export const goToPage =
	( page: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await dispatch( updateQuery( { page: Math.max( 1, page ) } ) );
	};
