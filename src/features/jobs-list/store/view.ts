/**
 * The asked view and its pages: what a change does to the rest of the view,
 * the actions that apply a change, and the resolver that loads a view's page
 * (asked of the server once per normalised query, then answered from the
 * cache until a write or the live feed invalidates it).
 */

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import {
	fetchJobsPage,
	jobsQueryKey,
	normalizeJobsQuery,
} from '../../../shared/api/jobs-api';
import { isPresetRange, presetBounds } from '../../../shared/dates/date-range';
import { forgetQueries } from '../../../shared/data/resolution';
import type { JobsPage, JobsQuery, JobsView } from '../../../shared/types';
import { jobExists } from '../api/jobs-activity-api';
import { searchedJobId } from '../utils/searched-job-id';
import type { JobsAction, ThunkArgs } from './types';

/**
 * Applies changes to a query. Changing anything but the page (filters, sort,
 * page size) goes back to page 1, because the old page number no longer points
 * at the same rows.
 *
 * @param current The current query (or view).
 * @param changes What to change.
 */
export function mergeQuery< Query extends JobsQuery >(
	current: Query,
	changes: Partial< Query >
): Query {
	const next: Query = { ...current, ...changes };
	const changesMoreThanPage = (
		Object.keys( changes ) as Array< keyof Query >
	 ).some(
		( key ) =>
			key !== 'page' &&
			JSON.stringify( current[ key ] ) !== JSON.stringify( next[ key ] )
	);
	if ( changesMoreThanPage && changes.page === undefined ) {
		next.page = 1;
	}
	return next;
}

/**
 * Applies changes to the view, keeping it coherent:
 * - anything but the page goes back to page 1;
 * - choosing a preset range computes its bounds from `now`, "any time"
 *   clears them, and setting a bound by hand makes the range custom;
 * - choosing another pipeline clears the flow (unless a flow is given too).
 *
 * @param current The current view.
 * @param changes What to change.
 * @param now     Reference time of preset ranges.
 */
export function mergeView(
	current: JobsView,
	changes: Partial< JobsView >,
	now: Date = new Date()
): JobsView {
	const next = mergeQuery( current, changes );

	if ( changes.range !== undefined && isPresetRange( changes.range ) ) {
		Object.assign( next, presetBounds( changes.range, now ) );
	} else if ( changes.range === 'any' ) {
		next.after = null;
		next.before = null;
	} else if (
		changes.range === undefined &&
		( changes.after !== undefined || changes.before !== undefined )
	) {
		next.range = 'custom';
	}
	// Switching to "custom" keeps the bounds in place (those given, or the
	// preset's), so the date inputs start from what was shown.

	if (
		changes.pipelineId !== undefined &&
		changes.pipelineId !== current.pipelineId &&
		changes.flowId === undefined
	) {
		next.flowId = null;
	}

	return next;
}

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
 * Resolver of the `getJobsPage` selector: one page of jobs
 * (`normalizeArgs` has made equal requests one query). Rejects on failure,
 * after putting the error in the state; the next `applyView` or Retry asks
 * again.
 *
 * @param query The normalised query.
 */
export const getJobsPage =
	( query: JobsQuery ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		let page;
		try {
			page = await fetchJobsPage( query );
		} catch ( caught ) {
			const error = ApiRequestError.from( caught );
			dispatch( {
				type: 'RECEIVE_JOBS_ERROR',
				query,
				error: error.toJSON(),
			} );
			throw error;
		}
		const pushedOut = select.getPagesPushedOutBy( query );
		dispatch( receiveJobsPage( query, page ) );
		forgetQueries( dispatch, 'getJobsPage', pushedOut );
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

/** The view's actions, as the store registers them. */
export const viewActions = {
	setQuery,
	receiveJobsPage,
	jumpToJob,
	forgetJobsPages,
	fetchJobs,
	applyView,
	updateView,
	updateQuery,
	goToPage,
	clearFilters,
	searchJobs,
};

/** The view's resolver, as the store registers it. */
export const viewResolvers = { getJobsPage };
