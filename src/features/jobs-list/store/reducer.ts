/**
 * Internal dependencies
 */
import { mergeRows, newestJobId, showsNewestJobs } from '../utils/refresh-mode';
import { DEFAULT_QUERY } from './constants';
import type { JobsAction, JobsState, LiveState } from './types';

export const initialLiveState: LiveState = {
	token: '',
	sinceId: null,
	newJobs: 0,
	lastUpdated: null,
	isRefreshing: false,
};

export const initialState: JobsState = {
	query: { ...DEFAULT_QUERY },
	items: [],
	total: 0,
	totalExact: true,
	totalPages: 0,
	loadedQuery: null,
	requestStatus: 'idle',
	error: null,
	latestRequestId: 0,
	live: initialLiveState,
	counts: null,
	pipelines: null,
	flows: {},
	highlightedJobId: null,
	jump: null,
};

/**
 * State of the jobs list. Answers to superseded requests are dropped, so a
 * slow page-1 answer can never overwrite a newer page-2 answer, and a live
 * refresh never overwrites what the user asked for since.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: JobsState = initialState,
	action: JobsAction
): JobsState {
	switch ( action.type ) {
		case 'SET_QUERY':
			return {
				...state,
				query: action.query,
				highlightedJobId:
					action.query.search === state.query.search
						? state.highlightedJobId
						: null,
			};

		case 'JOBS_REQUEST_START':
			return {
				...state,
				requestStatus: 'loading',
				error: null,
				latestRequestId: Math.max(
					state.latestRequestId,
					action.requestId
				),
			};

		case 'JOBS_REQUEST_SUCCESS': {
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			const { items } = action.page;
			return {
				...state,
				items,
				total: action.page.total,
				totalExact: action.page.totalExact ?? true,
				totalPages: action.page.totalPages,
				loadedQuery: action.query,
				requestStatus: 'success',
				error: null,
				live: {
					...state.live,
					sinceId: showsNewestJobs( action.query )
						? newestJobId( items )
						: null,
					newJobs: 0,
					lastUpdated: action.receivedAt ?? state.live.lastUpdated,
					isRefreshing: false,
				},
			};
		}

		case 'JOBS_REQUEST_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, requestStatus: 'error', error: action.error };

		case 'JOBS_REFRESH_START':
			return {
				...state,
				latestRequestId: Math.max(
					state.latestRequestId,
					action.requestId
				),
				live: { ...state.live, isRefreshing: true },
			};

		case 'JOBS_REFRESH_SUCCESS': {
			if (
				action.requestId !== state.latestRequestId ||
				state.loadedQuery !== action.query
			) {
				// The user asked for something else meanwhile.
				return {
					...state,
					live: {
						...state.live,
						token: action.token,
						isRefreshing: false,
					},
				};
			}
			const { page } = action;
			const replace = action.mode === 'replace';
			let { sinceId } = state.live;
			if ( replace && showsNewestJobs( action.query ) ) {
				sinceId = Math.max( sinceId ?? 0, newestJobId( page.items ) );
			}
			return {
				...state,
				items: replace
					? page.items
					: mergeRows( state.items, page.items ),
				total: page.total,
				totalExact: page.totalExact ?? true,
				totalPages: page.totalPages,
				live: {
					...state.live,
					token: action.token,
					sinceId,
					newJobs: replace ? 0 : action.newJobs,
					lastUpdated: action.receivedAt,
					isRefreshing: false,
				},
			};
		}

		case 'JOBS_REFRESH_FAILURE':
			return {
				...state,
				live: { ...state.live, isRefreshing: false },
			};

		case 'RECEIVE_CHANGE_TOKEN':
			return {
				...state,
				live: {
					...state.live,
					token: action.token,
					lastUpdated: action.checkedAt,
				},
			};

		case 'SET_SINCE_ID':
			if ( state.loadedQuery !== action.query ) {
				return state;
			}
			return {
				...state,
				live: { ...state.live, sinceId: action.sinceId },
			};

		case 'RECEIVE_STATUS_COUNTS':
			return { ...state, counts: action.counts };

		case 'RECEIVE_PIPELINES':
			return { ...state, pipelines: action.pipelines };

		case 'RECEIVE_FLOWS':
			return {
				...state,
				flows: { ...state.flows, [ action.key ]: action.flows },
			};

		case 'JUMP_TO_JOB':
			return {
				...state,
				highlightedJobId: action.jobId,
				jump: {
					jobId: action.jobId,
					open: action.open,
					sequence: ( state.jump?.sequence ?? 0 ) + 1,
				},
			};

		default:
			return state;
	}
}
