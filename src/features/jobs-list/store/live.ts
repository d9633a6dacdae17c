/**
 * Keeping the shown list current: the live poll (cheap "anything changed?"
 * questions, then a quiet refresh of the shown page), the "N new jobs" bar,
 * and what a write makes out of date.
 */

/**
 * Internal dependencies
 */
import {
	fetchJobsPage,
	normalizeJobsQuery,
} from '../../../shared/api/jobs-api';
import type { JobsPage } from '../../../shared/types';
import { fetchChanges, fetchNewestJobId } from '../api/jobs-activity-api';
import {
	deliverWatchedJobs,
	watchedJobIds,
} from '../../../shared/notifications/live-bridge';
import {
	deliverOpenJob,
	openJobId,
	watchList,
} from '../../../shared/open-job/live-bridge';
import { decideRefreshMode } from '../utils/refresh-mode';
import { isNewestFirst } from '../utils/sorting';
import { WATCH_LIMIT } from './constants';
import type { JobsAction, ThunkArgs } from './types';
import { fetchJobs, forgetJobsPages, jumpToJob, updateView } from './view';

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

/** The live actions, as the store registers them. */
export const liveActions = {
	receiveChangeToken,
	invalidateJobs,
	pollChanges,
	showNewJobs,
};
