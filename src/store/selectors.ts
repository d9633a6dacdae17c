/**
 * Internal dependencies
 */
import type { ApiError, JobListItem, JobsQuery } from '../types';
import type { JobsState, RequestStatus } from './types';

export function getQuery( state: JobsState ): JobsQuery {
	return state.query;
}

export function getJobs( state: JobsState ): JobListItem[] {
	return state.items;
}

export function getTotal( state: JobsState ): number {
	return state.total;
}

export function getTotalPages( state: JobsState ): number {
	return state.totalPages;
}

/**
 * The query the shown jobs were loaded for (may lag behind `getQuery` while
 * a request is in flight), or `null` before the first successful load.
 *
 * @param state Store state.
 */
export function getLoadedQuery( state: JobsState ): JobsQuery | null {
	return state.loadedQuery;
}

export function getRequestStatus( state: JobsState ): RequestStatus {
	return state.requestStatus;
}

export function isLoading( state: JobsState ): boolean {
	return state.requestStatus === 'loading';
}

export function hasLoaded( state: JobsState ): boolean {
	return state.loadedQuery !== null;
}

export function getError( state: JobsState ): ApiError | null {
	return state.error;
}

export function getLatestRequestId( state: JobsState ): number {
	return state.latestRequestId;
}
