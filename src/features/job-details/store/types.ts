/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';
import type { JobDetail, LogFilters, LogLine, LogPage } from '../types';
import type * as selectors from './selectors';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface DetailState {
	job: JobDetail | null;
	status: LoadStatus;
	error: ApiError | null;
}

export interface LogsState {
	filters: LogFilters;
	/** Lines shown, ascending by ID. */
	lines: LogLine[];
	status: LoadStatus;
	error: ApiError | null;
	/** Older lines exist on the server (not loaded or dropped). */
	hasOlder: boolean;
	loadingOlder: boolean;
	/**
	 * The last two tail cursors: a poll reads after the older one, so a line
	 * committed late (with a smaller ID than one already read) still shows.
	 */
	tailCursors: number[];
	/** Lines dropped from memory to stay under the limit. */
	dropped: number;
	/** Error of the last live-tail poll (the lines already shown stay). */
	tailError: ApiError | null;
}

export interface JobDetailsState {
	openJobId: number | null;
	/**
	 * Changes whenever the job or the log filters change; answers to requests
	 * made before are dropped.
	 */
	generation: number;
	detail: DetailState;
	logs: LogsState;
}

export type JobDetailsAction =
	| { type: 'OPEN_JOB'; jobId: number }
	| { type: 'CLOSE_JOB' }
	| { type: 'DETAIL_REQUEST_START'; generation: number; quiet: boolean }
	| { type: 'DETAIL_REQUEST_SUCCESS'; generation: number; job: JobDetail }
	| { type: 'DETAIL_REQUEST_FAILURE'; generation: number; error: ApiError }
	| { type: 'LOGS_SET_FILTERS'; filters: LogFilters }
	| { type: 'LOGS_REQUEST_START'; generation: number }
	| { type: 'LOGS_RECEIVE_LATEST'; generation: number; page: LogPage }
	| { type: 'LOGS_REQUEST_FAILURE'; generation: number; error: ApiError }
	| { type: 'LOGS_OLDER_START'; generation: number }
	| { type: 'LOGS_RECEIVE_OLDER'; generation: number; page: LogPage }
	| { type: 'LOGS_OLDER_FAILURE'; generation: number; error: ApiError }
	| {
			type: 'LOGS_RECEIVE_NEWER';
			generation: number;
			page: LogPage;
			/** The poll's first page (moves the tail cursors). */
			first: boolean;
	  }
	| { type: 'LOGS_TAIL_FAILURE'; generation: number; error: ApiError };

type Selectors = typeof selectors;

export type CurriedSelectors = {
	[ Name in keyof Selectors ]: Selectors[ Name ] extends (
		state: JobDetailsState,
		...args: infer Args
	) => infer Result
		? ( ...args: Args ) => Result
		: never;
};

export interface ThunkDispatch {
	( action: JobDetailsAction ): JobDetailsAction;
	< Result >( thunk: ( args: ThunkArgs ) => Result ): Result;
}

export interface ThunkArgs {
	select: CurriedSelectors;
	dispatch: ThunkDispatch;
}
