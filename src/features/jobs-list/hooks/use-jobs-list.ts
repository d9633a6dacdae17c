/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '../store';
import type { RequestStatus } from '../store';
import { normalizeJobsQuery } from '../../../shared/api/jobs-api';
import type { ApiError, JobListItem, JobsView } from '../../../shared/types';
import { useJobsUrlSync } from './use-jobs-url-sync';

export interface JobsList {
	jobs: JobListItem[];
	total: number;
	/** The view asked for (may be ahead of `loadedQuery` while loading). */
	query: JobsView;
	/** The view `jobs` belong to, `null` before the first load. */
	loadedQuery: JobsView | null;
	requestStatus: RequestStatus;
	error: ApiError | null;
	/** A job found by searching its ID. */
	highlightedJobId: number | null;
	/** Loads the current view again. */
	reload: () => Promise< void >;
	/** After a write: drops the cached pages and counts, reloads the view. */
	invalidate: () => Promise< void >;
	clearFilters: () => Promise< void >;
}

/**
 * The jobs list from the store. On mount it loads the view the URL
 * describes, and from then on keeps the URL in step with the view. The asked
 * view's page is read through its resolver, so it is fetched once per query
 * and again after a write invalidated it.
 */
export function useJobsList(): JobsList {
	const state = useSelect( ( select ) => {
		const jobs = select( store );
		if ( jobs.isViewApplied() ) {
			// Reading the asked page resolves it: after a write invalidated
			// it, this asks the server again.
			jobs.getJobsPage( normalizeJobsQuery( jobs.getQuery() ) );
		}
		return {
			jobs: jobs.getJobs(),
			total: jobs.getTotal(),
			query: jobs.getQuery(),
			loadedQuery: jobs.getLoadedQuery(),
			requestStatus: jobs.getRequestStatus(),
			error: jobs.getError(),
			highlightedJobId: jobs.getHighlightedJobId(),
		};
	}, [] );
	const { fetchJobs, invalidateJobs, clearFilters } = useDispatch( store );

	useJobsUrlSync( state.query );

	return {
		...state,
		reload: fetchJobs,
		invalidate: invalidateJobs,
		clearFilters,
	};
}
