/**
 * The job details' resolver: each job is asked of the server once, then
 * answered from the store until a live refresh or Retry invalidates it.
 */

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { forgetQueries } from '../../../shared/data/resolution';
import { fetchJobDetail } from '../api/job-details-api';
import type { ThunkArgs } from './types';

/**
 * A job with its diagnostics. Rejects on failure, after putting the error
 * in the state.
 *
 * @param jobId The job.
 */
export const getJobDetail =
	( jobId: number ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		let job;
		try {
			job = await fetchJobDetail( jobId );
		} catch ( caught ) {
			const error = ApiRequestError.from( caught );
			dispatch( {
				type: 'DETAIL_FAILURE',
				jobId,
				error: error.toJSON(),
			} );
			throw error;
		}
		const pushedOut = select.getJobsPushedOutBy( jobId );
		dispatch( { type: 'DETAIL_RECEIVE', jobId, job } );
		forgetQueries( dispatch, 'getJobDetail', pushedOut );
	};
