/**
 * Internal dependencies
 */
import type { RegistryLike } from '../../../shared/notifications/live-bridge';
import type {
	ApiError,
	FlowSummary,
	JobListItem,
	JobsPage,
	JobsView,
	PipelineSummary,
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

export interface JobsState {
	/** What the screen shows: filters, sort, page and size. */
	query: JobsView;
	/** Jobs of the last successful request. */
	items: JobListItem[];
	total: number;
	/** `false` when `total` is the server's estimate. */
	totalExact: boolean;
	totalPages: number;
	/** Query the current `items` belong to, or `null` before the first load. */
	loadedQuery: JobsView | null;
	requestStatus: RequestStatus;
	error: ApiError | null;
	/** ID of the newest request; answers to older requests are ignored. */
	latestRequestId: number;
	live: LiveState;
	/** Jobs per status, or `null` until loaded (or when unavailable). */
	counts: StatusCounts | null;
	/** Pipelines for the filter, or `null` until loaded. */
	pipelines: PipelineSummary[] | null;
	/** Flows per pipeline ID (`all` for every flow). */
	flows: Record< string, FlowSummary[] >;
	/** A job found by searching its ID, shown highlighted. */
	highlightedJobId: number | null;
	/** The last "jump to this job" request, for the details panel. */
	jump: JumpRequest | null;
}

export type JobsAction =
	| { type: 'SET_QUERY'; query: JobsView }
	| { type: 'JOBS_REQUEST_START'; requestId: number; query: JobsView }
	| {
			type: 'JOBS_REQUEST_SUCCESS';
			requestId: number;
			query: JobsView;
			page: JobsPage;
			receivedAt?: number;
	  }
	| { type: 'JOBS_REQUEST_FAILURE'; requestId: number; error: ApiError }
	| { type: 'JOBS_REFRESH_START'; requestId: number }
	| {
			type: 'JOBS_REFRESH_SUCCESS';
			requestId: number;
			query: JobsView;
			page: JobsPage;
			mode: RefreshMode;
			newJobs: number;
			token: string;
			receivedAt: number;
	  }
	| { type: 'JOBS_REFRESH_FAILURE'; requestId: number }
	| { type: 'RECEIVE_CHANGE_TOKEN'; token: string; checkedAt: number }
	| { type: 'SET_SINCE_ID'; query: JobsView; sinceId: number }
	| { type: 'RECEIVE_STATUS_COUNTS'; counts: StatusCounts | null }
	| { type: 'RECEIVE_PIPELINES'; pipelines: PipelineSummary[] }
	| { type: 'RECEIVE_FLOWS'; key: string; flows: FlowSummary[] }
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
	/** The registry the store lives in (other features' stores). */
	registry?: RegistryLike;
}
