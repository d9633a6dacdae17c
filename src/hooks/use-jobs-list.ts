/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { store } from '../store';
import type { RequestStatus } from '../store';
import type { ApiError, JobListItem, JobsQuery } from '../types';

export interface JobsList {
	jobs: JobListItem[];
	total: number;
	totalPages: number;
	/** The query asked for (may be ahead of `loadedQuery` while loading). */
	query: JobsQuery;
	/** The query `jobs` belong to, `null` before the first load. */
	loadedQuery: JobsQuery | null;
	requestStatus: RequestStatus;
	error: ApiError | null;
	/** Loads the current query again. */
	reload: () => Promise< void >;
	goToPage: ( page: number ) => Promise< void >;
}

/**
 * The jobs list from the store; loads the first page on mount.
 */
export function useJobsList(): JobsList {
	const state = useSelect( ( select ) => {
		const jobs = select( store );
		return {
			jobs: jobs.getJobs(),
			total: jobs.getTotal(),
			totalPages: jobs.getTotalPages(),
			query: jobs.getQuery(),
			loadedQuery: jobs.getLoadedQuery(),
			requestStatus: jobs.getRequestStatus(),
			error: jobs.getError(),
		};
	}, [] );
	const { fetchJobs, goToPage } = useDispatch( store );

	const { requestStatus } = state;
	useEffect( () => {
		if ( requestStatus === 'idle' ) {
			fetchJobs();
		}
	}, [ requestStatus, fetchJobs ] );

	return { ...state, reload: fetchJobs, goToPage };
}
