/**
 * Internal dependencies
 */
import type { RegistryLike } from '../../../shared/notifications/live-bridge';
import type { QueryCache } from '../../../shared/data/query-cache';
import type {
	ResolutionDispatch,
	ResolutionSelect,
} from '../../../shared/data/resolution';
import type {
	ApiError,
	JobsPage,
	JobsQuery,
	JobsView,
	StatusCounts,
} from '../../../shared/types';
import type { RefreshMode } from '../utils/refresh-mode';
import type * as selectors from './selectors';

export type RequestStatus = 'idle' | 'loading' | 'success' | 'error';

export interface LiveState {
	/** Change token of the last poll (`''` before the first). */
	token: string;
	/**
	 * Newest matching job ID known to the view: new jobs are counted above
	 * it. `null` until known (looked up by the next poll).
	 */
	sinceId: number | null;
	/** New matching jobs waiting behind the "N new jobs" bar. */
	newJobs: number;
	/** When the rows were last loaded or confirmed current (ms), or `null`. */
	lastUpdated: number | null;
	/** Whether a quiet (no loading state) refresh is running. */
	isRefreshing: boolean;
}

export interface JumpRequest {
	jobId: number;
	/** Whether to open the job's details too (Enter in the search box). */
	open: boolean;
	/** Increases with every jump, so the same job can be jumped to twice. */
	sequence: number;
}

/** Pages of jobs by normalised query (the `getJobsPage` resolver's cache). */
export type JobsPageCache = QueryCache< JobsQuery, JobsPage >;

export interface JobsState {
	/** What the screen asks for: filters, sort, page and size. */
	query: JobsView;
	/** Whether a view was applied yet (nothing is loaded before). */
	viewApplied: boolean;
	/** The view whose page is shown, or `null` before the first one arrived. */
	loadedQuery: JobsView | null;
	/** Pages of jobs by query, least recently used dropped first. */
	pages: JobsPageCache;
	requestStatus: RequestStatus;
	/** Why the asked view could not load, with its key. */
	error: { key: string; error: ApiError } | null;
	live: LiveState;
	/** Jobs per status, or `null` until loaded (or when unavailable). */
	counts: StatusCounts | null;
	/** A job found by searching its ID, shown highlighted. */
	highlightedJobId: number | null;
	/** The last "jump to this job" request, for the details panel. */
	jump: JumpRequest | null;
}

export type JobsAction =
	| { type: 'SET_QUERY'; query: JobsView }
	| {
			type: 'RECEIVE_JOBS_PAGE';
			query: JobsQuery;
			page: JobsPage;
			receivedAt: number;
	  }
	| { type: 'RECEIVE_JOBS_ERROR'; query: JobsQuery; error: ApiError }
	| { type: 'FORGET_JOBS_PAGES'; queries: JobsQuery[] }
	| { type: 'JOBS_REFRESH_START' }
	| {
			type: 'JOBS_REFRESH_SUCCESS';
			query: JobsView;
			page: JobsPage;
			mode: RefreshMode;
			newJobs: number;
			token: string;
			receivedAt: number;
	  }
	| { type: 'JOBS_REFRESH_FAILURE' }
	| { type: 'RECEIVE_CHANGE_TOKEN'; token: string; checkedAt: number }
	| { type: 'SET_SINCE_ID'; query: JobsView; sinceId: number }
	| { type: 'RECEIVE_STATUS_COUNTS'; counts: StatusCounts | null }
	| { type: 'JUMP_TO_JOB'; jobId: number; open: boolean };

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
} & ResolutionSelect;

/** Resolving selectors: a promise of the answer once the resolver ran. */
export interface ResolveSelectors {
	getJobsPage: ( query: JobsQuery ) => Promise< JobsPage | undefined >;
	getStatusCounts: () => Promise< StatusCounts | null >;
}

export type ThunkDispatch = {
	( action: JobsAction ): JobsAction;
	< Result >( thunk: ( args: ThunkArgs ) => Result ): Result;
} & ResolutionDispatch;

/**
 * What @wordpress/data passes to the store's thunks and resolvers.
 */
export interface ThunkArgs {
	select: CurriedSelectors;
	resolveSelect: ResolveSelectors;
	dispatch: ThunkDispatch;
	/** The registry the store lives in (other features' stores). */
	registry?: RegistryLike;
}
