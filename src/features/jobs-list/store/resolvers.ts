/**
 * The jobs list's resolvers: each query is asked of the server once, then
 * answered from the store until a write or the live feed invalidates it.
 */

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { forgetQueries } from '../../../shared/data/resolution';
import type { JobsQuery } from '../../../shared/types';
import { fetchStatusCounts } from '../api/jobs-activity-api';
import { fetchJobsPage } from '../../../shared/api/jobs-api';
import { receiveJobsPage, receiveStatusCounts } from './actions';
import type { ThunkArgs } from './types';

/**
 * One page of jobs (`normalizeArgs` has made equal requests one query).
 * Rejects on failure, after putting the error in the state; the next
 * `applyView` or Retry asks again.
 *
 * @param query The normalised query.
 */
export const getJobsPage =
	( query: JobsQuery ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		let page;
		try {
			page = await fetchJobsPage( query );
		} catch ( caught ) {
			const error = ApiRequestError.from( caught );
			dispatch( {
				type: 'RECEIVE_JOBS_ERROR',
				query,
				error: error.toJSON(),
			} );
			throw error;
		}
		const pushedOut = select.getPagesPushedOutBy( query );
		dispatch( receiveJobsPage( query, page ) );
		forgetQueries( dispatch, 'getJobsPage', pushedOut );
	};

/**
 * Jobs per status. A failure keeps the last counts: the status filter works
 * without them.
 */
export const getStatusCounts =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch( receiveStatusCounts( await fetchStatusCounts() ) );
		} catch {
			// Keep the last counts.
		}
	};
