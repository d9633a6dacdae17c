/**
 * Internal dependencies
 */
import { DEFAULT_QUERY } from './constants';
import type { JobsAction, JobsState } from './types';

export const initialState: JobsState = {
	query: { ...DEFAULT_QUERY },
	items: [],
	total: 0,
	totalPages: 0,
	loadedQuery: null,
	requestStatus: 'idle',
	error: null,
	latestRequestId: 0,
};

/**
 * State of the jobs list. Answers to superseded requests are dropped, so a
 * slow page-1 answer can never overwrite a newer page-2 answer.
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
			return { ...state, query: action.query };

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

		case 'JOBS_REQUEST_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.page.items,
				total: action.page.total,
				totalPages: action.page.totalPages,
				loadedQuery: action.query,
				requestStatus: 'success',
				error: null,
			};

		case 'JOBS_REQUEST_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, requestStatus: 'error', error: action.error };

		default:
			return state;
	}
}
