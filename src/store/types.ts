/**
 * Internal dependencies
 */
import type { ApiError, JobListItem, JobsPage, JobsQuery } from '../types';
import type * as selectors from './selectors';

export type RequestStatus = 'idle' | 'loading' | 'success' | 'error';

export interface JobsState {
	/** What the screen shows: page, sort and (later) filters. */
	query: JobsQuery;
	/** Jobs of the last successful request. */
	items: JobListItem[];
	total: number;
	totalPages: number;
	/** Query the current `items` belong to, or `null` before the first load. */
	loadedQuery: JobsQuery | null;
	requestStatus: RequestStatus;
	error: ApiError | null;
	/** ID of the newest request; answers to older requests are ignored. */
	latestRequestId: number;
}

export type JobsAction =
	| { type: 'SET_QUERY'; query: JobsQuery }
	| { type: 'JOBS_REQUEST_START'; requestId: number; query: JobsQuery }
	| {
			type: 'JOBS_REQUEST_SUCCESS';
			requestId: number;
			query: JobsQuery;
			page: JobsPage;
	  }
	| { type: 'JOBS_REQUEST_FAILURE'; requestId: number; error: ApiError };

type Selectors = typeof selectors;

/**
 * Selectors as thunks and components see them: without the `state` argument.
 */
export type CurriedSelectors = {
	[ Name in keyof Selectors ]: Selectors[ Name ] extends (
		state: JobsState,
		...args: infer Args
	) => infer Result
		? ( ...args: Args ) => Result
		: never;
};

export interface ThunkDispatch {
	( action: JobsAction ): JobsAction;
	< Result >( thunk: ( args: ThunkArgs ) => Result ): Result;
}

/**
 * What @wordpress/data passes to the store's thunks.
 */
export interface ThunkArgs {
	select: CurriedSelectors;
	dispatch: ThunkDispatch;
}
