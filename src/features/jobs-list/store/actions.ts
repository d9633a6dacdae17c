/**
 * Internal dependencies
 */
import { forgetQueries } from '../../../shared/data/resolution';
import {
	fetchChanges,
	fetchNewestJobId,
	jobExists,
} from '../api/jobs-activity-api';
import { fetchJobsPage } from '../../../shared/api/jobs-api';
import type {
	JobsPage,
	JobsQuery,
	JobsView,
	StatusCounts,
} from '../../../shared/types';
import { mergeView } from '../url/merge-view';
import { searchedJobId } from '../utils/searched-job-id';
import {
	jobsQueryKey,
	normalizeJobsQuery,
} from '../utils/normalize-jobs-query';
import { decideRefreshMode } from '../utils/refresh-mode';
import { isNewestFirst } from '../utils/sorting';
import { WATCH_LIMIT } from './constants';
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

/**
 * A page of jobs for its query's cache entry (the resolver's answer).
 *
 * @param query      The normalised query.
 * @param page       The page.
 * @param receivedAt When it arrived (ms).
 */
export function receiveJobsPage(
	query: JobsQuery,
	page: JobsPage,
	receivedAt: number = Date.now()
): JobsAction {
	return { type: 'RECEIVE_JOBS_PAGE', query, page, receivedAt };
}

export function receiveStatusCounts( counts: StatusCounts | null ): JobsAction {
	return { type: 'RECEIVE_STATUS_COUNTS', counts };
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

/**
 * Drops pages from the cache and forgets their resolutions, so they are
 * asked again the next time they are shown.
 *
 * @param queries Normalised queries.
 */
export const forgetJobsPages =
	( queries: JobsQuery[] ) =>
	( { dispatch }: ThunkArgs ): void => {
		if ( queries.length === 0 ) {
			return;
		}
		dispatch( { type: 'FORGET_JOBS_PAGES', queries } );
		forgetQueries( dispatch, 'getJobsPage', queries );
	};

/**
 * Waits for the asked view's page (resolved once per query: a page in the
 * cache answers at once, without a request). A failed query is asked again.
 *
 * @param args               Thunk arguments.
 * @param args.select
 * @param args.dispatch
 * @param args.resolveSelect
 */
async function resolveAskedView( {
	select,
	dispatch,
	resolveSelect,
}: ThunkArgs ): Promise< void > {
	const query = normalizeJobsQuery( select.getQuery() );
	if ( select.hasResolutionFailed( 'getJobsPage', [ query ] ) ) {
		dispatch.invalidateResolution( 'getJobsPage', [ query ] );
	}
	try {
		await resolveSelect.getJobsPage( query );
	} catch {
		// The error is in the state (`getError`).
	}
}

/**
 * Loads the asked view again from the server (Retry, or a refresh). The
 * rows shown stay until the answer arrives.
 */
export const fetchJobs =
	() =>
	async ( args: ThunkArgs ): Promise< void > => {
		const { select, dispatch } = args;
		const view = select.getQuery();
		dispatch( setQuery( view ) );
		dispatch.invalidateResolution( 'getJobsPage', [
			normalizeJobsQuery( view ),
		] );
		await resolveAskedView( args );
	};

/**
 * After a write (delete, bulk action, cleanup, retention, a flow run): every
 * cached page and the counts may be out of date. Pages not shown are
 * dropped; the shown one and the counts are asked again (the rows stay
 * until the answer arrives).
 *
 * @param options              Options.
 * @param options.refetchShown Ask for the shown view now (else when it is
 *                             next read, e.g. by the view the caller applies).
 */
export const invalidateJobs =
	( { refetchShown = true }: { refetchShown?: boolean } = {} ) =>
	async ( args: ThunkArgs ): Promise< void > => {
		const { select, dispatch } = args;
		dispatch( forgetJobsPages( select.getCachedQueriesNotShown() ) );
		dispatch.invalidateResolution( 'getStatusCounts', [] );
		const shown = select.getLoadedQuery();
		if ( shown !== null ) {
			dispatch.invalidateResolution( 'getJobsPage', [
				normalizeJobsQuery( shown ),
			] );
		}
		if ( refetchShown && select.isViewApplied() ) {
			await dispatch( fetchJobs() );
		}
	};

/**
 * Shows a view as it is (read from the URL, or Back/Forward) and loads it.
 *
 * @param view The view.
 */
export const applyView =
	( view: JobsView ) =>
	async ( args: ThunkArgs ): Promise< void > => {
		const { select, dispatch } = args;
		const shown = select.getLoadedQuery();
		if (
			shown !== null &&
			select.getNewJobsCount() > 0 &&
			jobsQueryKey( shown ) !== jobsQueryKey( view )
		) {
			// Its cached rows wait behind the new-jobs bar: not the server's page.
			dispatch( forgetJobsPages( [ normalizeJobsQuery( shown ) ] ) );
		}
		dispatch( setQuery( view ) );
		await resolveAskedView( args );
	};

/**
 * Changes the view (filters, sort, page, size) and loads it.
 *
 * @param changes What to change; anything but `page` resets to page 1.
 */
export const updateView =
	( changes: Partial< JobsView > ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		await dispatch( applyView( mergeView( select.getQuery(), changes ) ) );
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

		if ( select.getChangeToken() !== '' ) {
			// Pages not shown may be out of date: asked again when shown. (The
			// first poll has no token to compare with: every answer says
			// "changed", and the pages were all loaded within its interval.)
			dispatch( forgetJobsPages( select.getCachedQueriesNotShown() ) );
			dispatch.invalidateResolution( 'getStatusCounts', [] );
		}

		dispatch( { type: 'JOBS_REFRESH_START' } );
		let page: JobsPage;
		try {
			page = await fetchJobsPage( query );
		} catch ( error ) {
			dispatch( { type: 'JOBS_REFRESH_FAILURE' } );
			throw error;
		}
		const newJobs = changes.newJobs ?? select.getNewJobsCount();
		dispatch( {
			type: 'JOBS_REFRESH_SUCCESS',
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
