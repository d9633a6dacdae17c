/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import {
	fetchFlows as requestFlows,
	fetchPipelines as requestPipelines,
} from '../../../shared/api/catalog-api';
import {
	fetchChanges,
	fetchNewestJobId,
	fetchStatusCounts as requestStatusCounts,
	jobExists,
} from '../api/jobs-activity-api';
import { fetchJobsPage } from '../api/jobs-api';
import { normalizeApiError } from '../../../shared/api/normalize-api-error';
import type {
	ApiError,
	FlowSummary,
	JobsPage,
	JobsQuery,
	JobsView,
	PipelineSummary,
	StatusCounts,
} from '../../../shared/types';
import { mergeView } from '../url/merge-view';
import { searchedJobId } from '../utils/searched-job-id';
import { decideRefreshMode } from '../utils/refresh-mode';
import { isNewestFirst } from '../utils/sorting';
import { ALL_FLOWS, WATCH_LIMIT } from './constants';
import type { JobsAction, ThunkArgs } from './types';
import {
	deliverWatchedJobs,
	watchedJobIds,
} from '../../../shared/notifications/live-bridge';
import {
	deliverOpenJob,
	openJobId,
	watchList,
} from '../../../shared/open-job/live-bridge';

export function setQuery( query: JobsView ): JobsAction {
	return { type: 'SET_QUERY', query };
}

export function startJobsRequest(
	requestId: number,
	query: JobsView
): JobsAction {
	return { type: 'JOBS_REQUEST_START', requestId, query };
}

export function receiveJobsPage(
	requestId: number,
	query: JobsView,
	page: JobsPage,
	receivedAt: number = Date.now()
): JobsAction {
	return { type: 'JOBS_REQUEST_SUCCESS', requestId, query, page, receivedAt };
}

export function receiveJobsError(
	requestId: number,
	error: ApiError
): JobsAction {
	return { type: 'JOBS_REQUEST_FAILURE', requestId, error };
}

export function receiveStatusCounts( counts: StatusCounts | null ): JobsAction {
	return { type: 'RECEIVE_STATUS_COUNTS', counts };
}

export function receivePipelines( pipelines: PipelineSummary[] ): JobsAction {
	return { type: 'RECEIVE_PIPELINES', pipelines };
}

export function receiveFlows(
	pipelineId: number | null,
	flows: FlowSummary[]
): JobsAction {
	return {
		type: 'RECEIVE_FLOWS',
		key: pipelineId === null ? ALL_FLOWS : String( pipelineId ),
		flows,
	};
}

/**
 * The live poll's token as of a known moment (the server-printed page's), so its first poll answers
 * "nothing changed" when nothing did.
 *
 * @param token     The token.
 * @param checkedAt When it was taken (ms).
 */
export function receiveChangeToken(
	token: string,
	checkedAt: number = Date.now()
): JobsAction {
	return { type: 'RECEIVE_CHANGE_TOKEN', token, checkedAt };
}

export function jumpToJob( jobId: number, open = false ): JobsAction {
	return { type: 'JUMP_TO_JOB', jobId, open };
}

async function toApiError( error: unknown ): Promise< ApiError > {
	return error instanceof ApiRequestError
		? error.toJSON()
		: normalizeApiError( error );
}

/**
 * Loads the jobs for the current query (also used to retry and to refresh).
 */
export const fetchJobs =
	() =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		const query = select.getQuery();
		const requestId = select.getLatestRequestId() + 1;
		dispatch( startJobsRequest( requestId, query ) );
		try {
			const page = await fetchJobsPage( query );
			dispatch( receiveJobsPage( requestId, query, page ) );
		} catch ( error ) {
			dispatch(
				receiveJobsError( requestId, await toApiError( error ) )
			);
		}
	};

/**
 * Shows a view as it is (read from the URL, or Back/Forward) and loads it.
 *
 * @param view The view.
 */
export const applyView =
	( view: JobsView ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		dispatch( setQuery( view ) );
		await dispatch( fetchJobs() );
	};

/**
 * Changes the view (filters, sort, page, size) and loads it.
 *
 * @param changes What to change; anything but `page` resets to page 1.
 */
export const updateView =
	( changes: Partial< JobsView > ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		dispatch( setQuery( mergeView( select.getQuery(), changes ) ) );
		await dispatch( fetchJobs() );
	};

/**
 * Changes the query and loads it (kept for callers that only know
 * `JobsQuery`; same as `updateView`).
 *
 * @param changes What to change; anything but `page` resets to page 1.
 */
export const updateQuery =
	( changes: Partial< JobsQuery > ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await dispatch( updateView( changes ) );
	};

/**
 * Shows another page of the list.
 *
 * @param page 1-based page number.
 */
export const goToPage =
	( page: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await dispatch( updateView( { page: Math.max( 1, page ) } ) );
	};

/**
 * Removes every filter (statuses, dates, pipeline, flow, search); keeps the
 * sort and page size.
 */
export const clearFilters =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await dispatch(
			updateView( {
				status: [],
				pipelineId: null,
				flowId: null,
				search: '',
				range: 'any',
				after: null,
				before: null,
			} )
		);
	};

/**
 * Searches the list. A term that is the ID of an existing job also jumps to
 * that job: it is highlighted and, with `open` (Enter in the search box),
 * opened in the details panel by the screen. Typing alone never opens the
 * panel, which would take the keyboard focus away mid-word.
 *
 * @param term         The search term.
 * @param options
 * @param options.open Whether to open the job's details too.
 */
export const searchJobs =
	( term: string, { open = false }: { open?: boolean } = {} ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		if ( select.getQuery().search !== term ) {
			await dispatch( updateView( { search: term } ) );
		}
		const jobId = searchedJobId( term );
		if ( jobId === null ) {
			return;
		}
		const stillAsked = () => select.getQuery().search === term;
		let exists = select.getJobs().some( ( job ) => job.id === jobId );
		if ( ! exists && stillAsked() ) {
			try {
				exists = await jobExists( jobId );
			} catch {
				exists = false;
			}
		}
		if ( exists && stillAsked() ) {
			dispatch( jumpToJob( jobId, open ) );
		}
	};

/**
 * Loads the jobs per status (quietly: without counts the filter still works).
 */
export const fetchStatusCounts =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch( receiveStatusCounts( await requestStatusCounts() ) );
		} catch {
			// Keep the last counts; the status filter works without them.
		}
	};

/**
 * Loads the pipelines once.
 */
export const fetchPipelines =
	() =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		if ( select.getPipelines() !== null ) {
			return;
		}
		try {
			dispatch( receivePipelines( await requestPipelines() ) );
		} catch {
			dispatch( receivePipelines( [] ) );
		}
	};

/**
 * Loads the flows of a pipeline (or all flows) once.
 *
 * @param pipelineId The pipeline, or `null` for all flows.
 */
export const fetchFlows =
	( pipelineId: number | null ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		if ( select.getFlows( pipelineId ) !== null ) {
			return;
		}
		try {
			dispatch(
				receiveFlows( pipelineId, await requestFlows( pipelineId ) )
			);
		} catch {
			dispatch( receiveFlows( pipelineId, [] ) );
		}
	};

/**
 * Where the user is, asked at the moment a live refresh is applied.
 */
export interface LiveContext {
	isAtTop: () => boolean;
	isUserOnTable: () => boolean;
}

/**
 * One live-update poll: asks the server whether anything changed (cheap when
 * nothing did) and, when something did, refetches the shown page quietly:
 * rows update in place, and new jobs either appear (top of page 1 of a
 * newest-first view, nobody on the table) or wait behind the new-jobs bar.
 *
 * Rejects when a request fails, so the scheduler can back off.
 *
 * @param context Where the user is.
 */
export const pollChanges =
	( context: LiveContext ) =>
	async ( { select, dispatch, registry }: ThunkArgs ): Promise< void > => {
		const query = select.getLoadedQuery();
		if ( query === null || select.getRequestStatus() === 'loading' ) {
			// Nothing shown yet, or a load the user asked for is on its way.
			return;
		}

		let sinceId = select.getSinceId();
		if ( sinceId === null ) {
			sinceId = await fetchNewestJobId( query );
			dispatch( { type: 'SET_SINCE_ID', query, sinceId } );
		}

		const openId = openJobId( registry );
		const watch = watchList(
			watchedJobIds( registry ),
			openId,
			WATCH_LIMIT
		);
		const changes = await fetchChanges( {
			token: select.getChangeToken(),
			sinceId,
			query,
			watch,
		} );
		if ( changes.watched !== undefined ) {
			deliverWatchedJobs( registry, changes.watched, ( id ) =>
				dispatch( jumpToJob( id, true ) )
			);
			deliverOpenJob( registry, changes.watched, openId );
		}
		if ( ! changes.changed ) {
			dispatch( {
				type: 'RECEIVE_CHANGE_TOKEN',
				token: changes.token,
				checkedAt: Date.now(),
			} );
			return;
		}
		if (
			select.getRequestStatus() === 'loading' ||
			select.getLoadedQuery() !== query
		) {
			// The token is not kept, so the next poll sees the change again.
			return;
		}

		const requestId = select.getLatestRequestId() + 1;
		dispatch( { type: 'JOBS_REFRESH_START', requestId } );
		let page: JobsPage;
		try {
			page = await fetchJobsPage( query );
		} catch ( error ) {
			dispatch( { type: 'JOBS_REFRESH_FAILURE', requestId } );
			throw error;
		}
		const newJobs = changes.newJobs ?? select.getNewJobsCount();
		dispatch( {
			type: 'JOBS_REFRESH_SUCCESS',
			requestId,
			query,
			page,
			mode: decideRefreshMode( {
				query,
				newJobs,
				isAtTop: context.isAtTop(),
				isUserOnTable: context.isUserOnTable(),
			} ),
			newJobs,
			token: changes.token,
			receivedAt: Date.now(),
		} );
		await dispatch( fetchStatusCounts() );
	};

/**
 * Shows the jobs waiting behind the "N new jobs" bar: page 1 of a
 * newest-first view, else the current page again.
 */
export const showNewJobs =
	() =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		const query = select.getQuery();
		if ( isNewestFirst( query ) && query.page !== 1 ) {
			await dispatch( updateView( { page: 1 } ) );
		} else {
			await dispatch( fetchJobs() );
		}
	};
