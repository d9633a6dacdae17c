/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';
import type { JobDetail, LogFilters, LogLine } from '../types';
import type { JobDetailsState, LoadStatus } from './types';

export function getOpenJobId( state: JobDetailsState ): number | null {
	return state.openJobId;
}

export function getGeneration( state: JobDetailsState ): number {
	return state.generation;
}

export function getJob( state: JobDetailsState ): JobDetail | null {
	return state.detail.job;
}

export function getDetailStatus( state: JobDetailsState ): LoadStatus {
	return state.detail.status;
}

export function getDetailError( state: JobDetailsState ): ApiError | null {
	return state.detail.error;
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
