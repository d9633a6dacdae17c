/**
 * Internal dependencies
 */
import {
	cachedData,
	overflowingQueries,
	queryKey,
} from '../../../shared/data/query-cache';
import type { ApiError } from '../../../shared/types';
import { JOB_CACHE_LIMIT } from '../constants';
import type { JobDetail, LogFilters, LogLine } from '../types';
import type { JobDetailsState, LoadStatus } from './types';

export function getOpenJobId( state: JobDetailsState ): number | null {
	return state.openJobId;
}

/**
 * A job with its diagnostics, `undefined` until loaded. Resolved once per
 * job; a live refresh or Retry invalidates it.
 *
 * @param state Store state.
 * @param jobId The job.
 */
export function getJobDetail(
	state: JobDetailsState,
	jobId: number
): JobDetail | undefined {
	return cachedData( state.jobs, queryKey( jobId ) );
}

/**
 * The cached jobs that storing `jobId` would push out.
 *
 * @param state Store state.
 * @param jobId The job about to be stored.
 */
export function getJobsPushedOutBy(
	state: JobDetailsState,
	jobId: number
): number[] {
	return overflowingQueries( state.jobs, queryKey( jobId ), JOB_CACHE_LIMIT );
}

/**
 * The open job, `null` while none is open or it has not loaded.
 *
 * @param state Store state.
 */
export function getJob( state: JobDetailsState ): JobDetail | null {
	return state.openJobId === null
		? null
		: ( getJobDetail( state, state.openJobId ) ?? null );
}

export function getDetailError( state: JobDetailsState ): ApiError | null {
	return state.openJobId === null
		? null
		: ( state.jobErrors[ String( state.openJobId ) ] ?? null );
}

/**
 * The open job's load state: a job shown stays `ready` when a refresh fails.
 *
 * @param state Store state.
 */
export function getDetailStatus( state: JobDetailsState ): LoadStatus {
	if ( state.openJobId === null ) {
		return 'idle';
	}
	if ( getJob( state ) !== null ) {
		return 'ready';
	}
	return getDetailError( state ) === null ? 'loading' : 'error';
}

/**
 * The key of the log query shown (job and filters).
 *
 * @param state Store state.
 */
export function getLogKey( state: JobDetailsState ): string {
	return state.logs.key;
}

export function getLogLines( state: JobDetailsState ): LogLine[] {
	return state.logs.lines;
}

export function getLogFilters( state: JobDetailsState ): LogFilters {
	return state.logs.filters;
}

export function getLogStatus( state: JobDetailsState ): LoadStatus {
	return state.logs.status;
}

export function getLogError( state: JobDetailsState ): ApiError | null {
	return state.logs.error;
}

export function getTailError( state: JobDetailsState ): ApiError | null {
	return state.logs.tailError;
}

export function hasOlderLogLines( state: JobDetailsState ): boolean {
	return state.logs.hasOlder;
}

export function isLoadingOlderLogLines( state: JobDetailsState ): boolean {
	return state.logs.loadingOlder;
}

export function getDroppedLogLineCount( state: JobDetailsState ): number {
	return state.logs.dropped;
}

/**
 * Where the next live-tail poll reads from: after the older of the last two
 * cursors (or after the newest line shown), `null` before the log loaded.
 *
 * @param state Store state.
 */
export function getTailCursor( state: JobDetailsState ): number | null {
	const [ older ] = state.logs.tailCursors;
	if ( older !== undefined ) {
		return older;
	}
	const last = state.logs.lines[ state.logs.lines.length - 1 ];
	return last === undefined ? null : last.id;
}

export function getOldestLogLineId( state: JobDetailsState ): number | null {
	return state.logs.lines[ 0 ]?.id ?? null;
}
