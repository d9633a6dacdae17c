/**
 * Internal dependencies
 */
import { MAX_LOG_LINES } from '../constants';
import { NO_LOG_FILTERS } from '../utils/log-filters';
import { capLogLines, mergeLogLines } from '../utils/merge-log-lines';
import type {
	DetailState,
	JobDetailsAction,
	JobDetailsState,
	LogsState,
} from './types';

const initialDetail: DetailState = { job: null, status: 'idle', error: null };

const initialLogs: LogsState = {
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
	generation: 0,
	detail: initialDetail,
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
			return { ...initialLogs, filters: action.filters };

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

function detailReducer(
	detail: DetailState,
	action: JobDetailsAction
): DetailState {
	switch ( action.type ) {
		case 'DETAIL_REQUEST_START':
			// A quiet refresh (live updates) keeps what is shown.
			return action.quiet
				? detail
				: { ...detail, status: 'loading', error: null };
		case 'DETAIL_REQUEST_SUCCESS':
			return { job: action.job, status: 'ready', error: null };
		case 'DETAIL_REQUEST_FAILURE':
			return detail.job !== null && detail.status === 'ready'
				? detail
				: { ...detail, status: 'error', error: action.error };
		default:
			return detail;
	}
}

function isStale( state: JobDetailsState, action: JobDetailsAction ): boolean {
	return 'generation' in action && action.generation !== state.generation;
}

/**
 * State of the open job and its log. Answers that belong to another job or
 * to other filters (an older generation) are ignored.
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
				openJobId: action.jobId,
				generation: state.generation + 1,
				detail: initialDetail,
				logs: { ...initialLogs, filters: state.logs.filters },
			};
		case 'CLOSE_JOB':
			return {
				...initialState,
				generation: state.generation + 1,
				logs: { ...initialLogs, filters: state.logs.filters },
			};
		case 'LOGS_SET_FILTERS':
			return {
				...state,
				generation: state.generation + 1,
				logs: logsReducer( state.logs, action ),
			};
	}
	if ( isStale( state, action ) ) {
		return state;
	}
	const detail = detailReducer( state.detail, action );
	const logs = logsReducer( state.logs, action );
	return detail === state.detail && logs === state.logs
		? state
		: { ...state, detail, logs };
}
