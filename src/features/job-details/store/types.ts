/**
 * Internal dependencies
 */
import type { QueryCache } from '../../../shared/data/query-cache';
import type {
	ResolutionDispatch,
	ResolutionSelect,
} from '../../../shared/data/resolution';
import type { ApiError } from '../../../shared/types';
import type { JobDetail, LogFilters, LogLine, LogPage } from '../types';
import type * as selectors from './selectors';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LogsState {
	/**
	 * The log query shown (job and filters): answers to another query are
	 * dropped.
	 */
	key: string;
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
	/** Jobs by ID (the `getJobDetail` resolver's cache). */
	jobs: QueryCache< number, JobDetail >;
	/** Why a job could not load, by ID. */
	jobErrors: Record< string, ApiError >;
	logs: LogsState;
}

export type JobDetailsAction =
	| { type: 'OPEN_JOB'; jobId: number }
	| { type: 'CLOSE_JOB' }
	| { type: 'DETAIL_RETRY'; jobId: number }
	| { type: 'DETAIL_RECEIVE'; jobId: number; job: JobDetail }
	| { type: 'DETAIL_FAILURE'; jobId: number; error: ApiError }
	| { type: 'LOGS_SET_FILTERS'; jobId: number | null; filters: LogFilters }
	| { type: 'LOGS_REQUEST_START'; key: string }
	| { type: 'LOGS_RECEIVE_LATEST'; key: string; page: LogPage }
	| { type: 'LOGS_REQUEST_FAILURE'; key: string; error: ApiError }
	| { type: 'LOGS_OLDER_START'; key: string }
	| { type: 'LOGS_RECEIVE_OLDER'; key: string; page: LogPage }
	| { type: 'LOGS_OLDER_FAILURE'; key: string; error: ApiError }
	| {
			type: 'LOGS_RECEIVE_NEWER';
			key: string;
			page: LogPage;
			/** The poll's first page (moves the tail cursors). */
			first: boolean;
	  }
	| { type: 'LOGS_TAIL_FAILURE'; key: string; error: ApiError };

type Selectors = typeof selectors;

export type CurriedSelectors = {
	[ Name in keyof Selectors ]: Selectors[ Name ] extends (
		state: JobDetailsState,
		...args: infer Args
	) => infer Result
		? ( ...args: Args ) => Result
		: never;
} & ResolutionSelect;

export type ThunkDispatch = {
	( action: JobDetailsAction ): JobDetailsAction;
	< Result >( thunk: ( args: ThunkArgs ) => Result ): Result;
} & ResolutionDispatch;

export interface ThunkArgs {
	select: CurriedSelectors;
	resolveSelect: {
		getJobDetail: ( jobId: number ) => Promise< JobDetail | undefined >;
	};
	dispatch: ThunkDispatch;
}
