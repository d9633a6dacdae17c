/**
 * Internal dependencies
 */
import {
	emptyCache,
	putAnswer,
	queryKey,
} from '../../../shared/data/query-cache';
import { JOB_CACHE_LIMIT, MAX_LOG_LINES } from '../constants';
import type { LogFilters } from '../types';
import { NO_LOG_FILTERS } from '../utils/log-filters';
import { capLogLines, mergeLogLines } from '../utils/merge-log-lines';
import type { JobDetailsAction, JobDetailsState, LogsState } from './types';

/**
 * The key of a log query: whose log, with which filters.
 *
 * @param jobId   The job.
 * @param filters Levels and search text.
 */
export function logQueryKey(
	jobId: number | null,
	filters: LogFilters
): string {
	return queryKey( [ jobId, filters ] );
}

const initialLogs: LogsState = {
	key: logQueryKey( null, NO_LOG_FILTERS ),
	filters: NO_LOG_FILTERS,
	lines: [],
	status: 'idle',
	error: null,
	hasOlder: false,
	loadingOlder: false,
	tailCursors: [],
	dropped: 0,
	tailError: null,
};

export const initialState: JobDetailsState = {
	openJobId: null,
	jobs: emptyCache(),
	jobErrors: {},
	logs: initialLogs,
};

function pushCursor( cursors: number[], cursor: number | null ): number[] {
	if ( cursor === null ) {
		return cursors;
	}
	return [ ...cursors, cursor ].slice( -2 );
}

function logsReducer( logs: LogsState, action: JobDetailsAction ): LogsState {
	switch ( action.type ) {
		case 'LOGS_SET_FILTERS':
			return {
				...initialLogs,
				key: logQueryKey( action.jobId, action.filters ),
				filters: action.filters,
			};

		case 'LOGS_REQUEST_START':
			return { ...logs, status: 'loading', error: null };

		case 'LOGS_RECEIVE_LATEST': {
			const capped = capLogLines( action.page.items, MAX_LOG_LINES );
			return {
				...logs,
				lines: capped.lines,
				status: 'ready',
				error: null,
				hasOlder: action.page.has_older || capped.dropped > 0,
				tailCursors: pushCursor( [], action.page.next_cursor ),
				dropped: capped.dropped,
				tailError: null,
			};
		}

		case 'LOGS_REQUEST_FAILURE':
			return { ...logs, status: 'error', error: action.error };

		case 'LOGS_OLDER_START':
			return { ...logs, loadingOlder: true, error: null };

		case 'LOGS_RECEIVE_OLDER': {
			const merged = mergeLogLines( logs.lines, action.page.items );
			const kept = merged.slice( 0, MAX_LOG_LINES );
			return {
				...logs,
				lines: kept,
				loadingOlder: false,
				hasOlder: action.page.has_older,
				dropped: logs.dropped + ( merged.length - kept.length ),
			};
		}

		case 'LOGS_OLDER_FAILURE':
			return { ...logs, loadingOlder: false, error: action.error };

		case 'LOGS_RECEIVE_NEWER': {
			const capped = capLogLines(
				mergeLogLines( logs.lines, action.page.items ),
				MAX_LOG_LINES
			);
			return {
				...logs,
				lines: capped.lines,
				hasOlder: logs.hasOlder || capped.dropped > 0,
				dropped: logs.dropped + capped.dropped,
				tailCursors: action.first
					? pushCursor( logs.tailCursors, action.page.next_cursor )
					: logs.tailCursors,
				tailError: null,
			};
		}

		case 'LOGS_TAIL_FAILURE':
			return { ...logs, tailError: action.error };

		default:
			return logs;
	}
}

function withoutError(
	errors: Record< string, JobDetailsState[ 'jobErrors' ][ string ] >,
	jobId: number
): JobDetailsState[ 'jobErrors' ] {
	const copy = { ...errors };
	delete copy[ String( jobId ) ];
	return copy;
}

function isStale( state: JobDetailsState, action: JobDetailsAction ): boolean {
	return 'key' in action && action.key !== state.logs.key;
}

/**
 * State of the open job and its log. Jobs are cached by ID (a job opened
 * again shows at once); log answers that belong to another job or to other
 * filters (another log query) are ignored.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: JobDetailsState = initialState,
	action: JobDetailsAction
): JobDetailsState {
	switch ( action.type ) {
		case 'OPEN_JOB':
			if ( action.jobId === state.openJobId ) {
				return state;
			}
			return {
				...state,
				openJobId: action.jobId,
				logs: {
					...initialLogs,
					key: logQueryKey( action.jobId, state.logs.filters ),
					filters: state.logs.filters,
				},
			};
		case 'CLOSE_JOB':
			return {
				...state,
				openJobId: null,
				logs: {
					...initialLogs,
					key: logQueryKey( null, state.logs.filters ),
					filters: state.logs.filters,
				},
			};
		case 'LOGS_SET_FILTERS':
			return { ...state, logs: logsReducer( state.logs, action ) };
		case 'DETAIL_RETRY':
			return {
				...state,
				jobErrors: withoutError( state.jobErrors, action.jobId ),
			};
		case 'DETAIL_RECEIVE':
			return {
				...state,
				jobs: putAnswer(
					state.jobs,
					queryKey( action.jobId ),
					{
						query: action.jobId,
						data: action.job,
						receivedAt: Date.now(),
					},
					JOB_CACHE_LIMIT
				),
				jobErrors: withoutError( state.jobErrors, action.jobId ),
			};
		case 'DETAIL_FAILURE':
			return {
				...state,
				jobErrors: {
					...state.jobErrors,
					[ String( action.jobId ) ]: action.error,
				},
			};
	}
	if ( isStale( state, action ) ) {
		return state;
	}
	const logs = logsReducer( state.logs, action );
	return logs === state.logs ? state : { ...state, logs };
}
