/**
 * Internal dependencies
 */
import { jobsQueryKey, normalizeJobsQuery } from '../../../shared/api/jobs-api';
import {
	cachedData,
	otherQueries,
	overflowingQueries,
} from '../../../shared/data/query-cache';
import type {
	ApiError,
	JobListItem,
	JobsPage,
	JobsQuery,
	JobsView,
	StatusCounts,
} from '../../../shared/types';
import { PAGE_CACHE_LIMIT } from './constants';
import type { JobsState, JumpRequest, LiveState, RequestStatus } from './types';

/**
 * The view asked for: filters, sort, page and size (a `JobsQuery` plus how
 * its date range was chosen).
 *
 * @param state Store state.
 */
export function getQuery( state: JobsState ): JobsView {
	return state.query;
}

/**
 * Whether a view was applied yet (from the URL, or by the user).
 *
 * @param state Store state.
 */
export function isViewApplied( state: JobsState ): boolean {
	return state.viewApplied;
}

/**
 * The page of jobs of a query, `undefined` until it arrived. Resolved once
 * per normalised query (see `view.ts`); writes and the live feed
 * invalidate it.
 *
 * @param state Store state.
 * @param query The query (or view).
 */
export function getJobsPage(
	state: JobsState,
	query: JobsQuery
): JobsPage | undefined {
	return cachedData( state.pages, jobsQueryKey( query ) );
}
const normalizeJobsPageArgs = ( args: [ JobsQuery ] ): [ JobsQuery ] => [
	normalizeJobsQuery( args[ 0 ] ),
];
getJobsPage.normalizeArgs = normalizeJobsPageArgs;
// WordPress 6.8–7.1 ship a wp-data that reads only the older name.
getJobsPage.__unstableNormalizeArgs = normalizeJobsPageArgs;

/**
 * The normalised queries of the cached pages, but the one shown.
 *
 * @param state Store state.
 */
export function getCachedQueriesNotShown( state: JobsState ): JobsQuery[] {
	return otherQueries(
		state.pages,
		state.loadedQuery === null ? null : jobsQueryKey( state.loadedQuery )
	);
}

/**
 * How many pages the cache holds.
 *
 * @param state Store state.
 */
export function getCachedPageCount( state: JobsState ): number {
	return state.pages.order.length;
}

function shownPage( state: JobsState ): JobsPage | undefined {
	return state.loadedQuery === null
		? undefined
		: cachedData( state.pages, jobsQueryKey( state.loadedQuery ) );
}

const NO_JOBS: JobListItem[] = [];

export function getJobs( state: JobsState ): JobListItem[] {
	return shownPage( state )?.items ?? NO_JOBS;
}

export function getTotal( state: JobsState ): number {
	return shownPage( state )?.total ?? 0;
}

/**
 * Whether `getTotal()` is exact; `false` when the server estimated it.
 *
 * @param state Store state.
 */
export function isTotalExact( state: JobsState ): boolean {
	return shownPage( state )?.totalExact ?? true;
}

export function getTotalPages( state: JobsState ): number {
	return shownPage( state )?.totalPages ?? 0;
}

/**
 * The view the shown jobs belong to (may lag behind `getQuery` while its
 * page loads), or `null` before the first page arrived.
 *
 * @param state Store state.
 */
export function getLoadedQuery( state: JobsState ): JobsView | null {
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
	return state.error?.error ?? null;
}

export function getLiveState( state: JobsState ): LiveState {
	return state.live;
}

export function getChangeToken( state: JobsState ): string {
	return state.live.token;
}

export function getSinceId( state: JobsState ): number | null {
	return state.live.sinceId;
}

/**
 * New matching jobs waiting behind the "N new jobs — Show" bar.
 *
 * @param state Store state.
 */
export function getNewJobsCount( state: JobsState ): number {
	return state.live.newJobs;
}

export function getLastUpdated( state: JobsState ): number | null {
	return state.live.lastUpdated;
}

/**
 * Jobs per status, `null` until loaded (resolved once; writes and the live
 * feed invalidate it).
 *
 * @param state Store state.
 */
export function getStatusCounts( state: JobsState ): StatusCounts | null {
	return state.counts;
}

export function getHighlightedJobId( state: JobsState ): number | null {
	return state.highlightedJobId;
}

export function getJumpRequest( state: JobsState ): JumpRequest | null {
	return state.jump;
}

/**
 * The cached queries that storing `query`'s page would push out.
 *
 * @param state Store state.
 * @param query The normalised query about to be stored.
 */
export function getPagesPushedOutBy(
	state: JobsState,
	query: JobsQuery
): JobsQuery[] {
	return overflowingQueries(
		state.pages,
		jobsQueryKey( query ),
		PAGE_CACHE_LIMIT
	);
}
