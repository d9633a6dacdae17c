/**
 * Internal dependencies
 */
import {
	dropAnswers,
	emptyCache,
	putAnswer,
	touchAnswer,
} from '../../../shared/data/query-cache';
import { jobsQueryKey } from '../../../shared/api/jobs-api';
import type { JobsPage } from '../../../shared/types';
import { mergeRows, newestJobId, showsNewestJobs } from '../utils/refresh-mode';
import { DEFAULT_QUERY, PAGE_CACHE_LIMIT } from './constants';
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
	viewApplied: false,
	loadedQuery: null,
	pages: emptyCache(),
	requestStatus: 'idle',
	error: null,
	live: initialLiveState,
	counts: null,
	highlightedJobId: null,
	jump: null,
};

/**
 * The state showing the asked view's page: the live counters start again
 * from its rows.
 *
 * @param state      Current state.
 * @param page       The page of the asked view.
 * @param receivedAt When the page arrived (ms).
 */
function showAskedPage(
	state: JobsState,
	page: JobsPage,
	receivedAt: number
): JobsState {
	return {
		...state,
		loadedQuery: state.query,
		requestStatus: 'success',
		error: null,
		live: {
			...state.live,
			sinceId: showsNewestJobs( state.query )
				? newestJobId( page.items )
				: null,
			newJobs: 0,
			lastUpdated: receivedAt,
			isRefreshing: false,
		},
	};
}

/**
 * State of the jobs list. Pages are cached by their normalised query, so an
 * answer only ever fills its own query's entry (a slow page-1 answer cannot
 * replace page 2), and a view seen before shows at once from the cache.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: JobsState = initialState,
	action: JobsAction
): JobsState {
	switch ( action.type ) {
		case 'SET_QUERY': {
			const key = jobsQueryKey( action.query );
			const asked: JobsState = {
				...state,
				query: action.query,
				viewApplied: true,
				pages: touchAnswer( state.pages, key ),
				highlightedJobId:
					action.query.search === state.query.search
						? state.highlightedJobId
						: null,
			};
			const cached = state.pages.entries[ key ];
			if ( cached !== undefined ) {
				return showAskedPage( asked, cached.data, cached.receivedAt );
			}
			return { ...asked, requestStatus: 'loading', error: null };
		}

		case 'RECEIVE_JOBS_PAGE': {
			const key = jobsQueryKey( action.query );
			const received: JobsState = {
				...state,
				pages: putAnswer(
					state.pages,
					key,
					{
						query: action.query,
						data: action.page,
						receivedAt: action.receivedAt,
					},
					PAGE_CACHE_LIMIT
				),
			};
			return key === jobsQueryKey( state.query )
				? showAskedPage( received, action.page, action.receivedAt )
				: received;
		}

		case 'RECEIVE_JOBS_ERROR':
			if (
				jobsQueryKey( action.query ) !== jobsQueryKey( state.query )
			) {
				return state;
			}
			return {
				...state,
				requestStatus: 'error',
				error: {
					key: jobsQueryKey( action.query ),
					error: action.error,
				},
			};

		case 'FORGET_JOBS_PAGES':
			return {
				...state,
				pages: dropAnswers(
					state.pages,
					action.queries.map( jobsQueryKey )
				),
			};

		case 'JOBS_REFRESH_START':
			return { ...state, live: { ...state.live, isRefreshing: true } };

		case 'JOBS_REFRESH_SUCCESS': {
			const key = jobsQueryKey( action.query );
			const shown = state.pages.entries[ key ];
			if ( state.loadedQuery !== action.query || shown === undefined ) {
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
			const rows: JobsPage = replace
				? page
				: { ...page, items: mergeRows( shown.data.items, page.items ) };
			return {
				...state,
				pages: putAnswer(
					state.pages,
					key,
					{
						query: shown.query,
						data: rows,
						receivedAt: action.receivedAt,
					},
					PAGE_CACHE_LIMIT
				),
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
