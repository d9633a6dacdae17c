/**
 * Internal dependencies
 */
import type {
	ApiError,
	FlowSummary,
	JobListItem,
	JobsView,
	PipelineSummary,
	StatusCounts,
} from '../../../shared/types';
import { ALL_FLOWS } from './constants';
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

export function getJobs( state: JobsState ): JobListItem[] {
	return state.items;
}

export function getTotal( state: JobsState ): number {
	return state.total;
}

/**
 * Whether `getTotal()` is exact; `false` when the server estimated it.
 *
 * @param state Store state.
 */
export function isTotalExact( state: JobsState ): boolean {
	return state.totalExact;
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
	return state.error;
}

export function getLatestRequestId( state: JobsState ): number {
	return state.latestRequestId;
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

export function getStatusCounts( state: JobsState ): StatusCounts | null {
	return state.counts;
}

export function getPipelines( state: JobsState ): PipelineSummary[] | null {
	return state.pipelines;
}

/**
 * The flows of a pipeline (or every flow), or `null` until loaded.
 *
 * @param state      Store state.
 * @param pipelineId The pipeline, or `null` for every flow.
 */
export function getFlows(
	state: JobsState,
	pipelineId: number | null
): FlowSummary[] | null {
	return (
		state.flows[ pipelineId === null ? ALL_FLOWS : String( pipelineId ) ] ??
		null
	);
}

export function getHighlightedJobId( state: JobsState ): number | null {
	return state.highlightedJobId;
}

export function getJumpRequest( state: JobsState ): JumpRequest | null {
	return state.jump;
}
