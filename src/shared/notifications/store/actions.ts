/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobListItem } from '../../types';
import type {
	NotificationsAction,
	NotificationsState,
	WatchReason,
} from '../types';
import { announcementText } from '../utils/announcement-text';
import { notifyInBrowser } from '../utils/browser-notifications';

/** Most jobs one screen watches (the change feed accepts 50). */
export const WATCH_LIMIT = 50;

interface ThunkArgs {
	select: { getWatchedIds: () => number[] };
	dispatch: ( action: NotificationsAction ) => void;
	getState?: () => NotificationsState;
}

export function watchJob(
	id: number,
	reason: WatchReason = 'watched'
): NotificationsAction {
	return { type: 'WATCH_JOB', id, reason };
}

export function unwatchJob( id: number ): NotificationsAction {
	return { type: 'UNWATCH_JOB', id };
}

export function dismissAnnouncement( id: string ): NotificationsAction {
	return { type: 'DISMISS_ANNOUNCEMENT', id };
}

/**
 * The watched jobs' state from the live poll: each one that finished is
 * announced (snackbar, screen reader, browser notification when on) and no
 * longer watched; jobs that are gone are dropped.
 *
 * @param jobs    The watched jobs the server still has.
 * @param openJob Opens a job's details (a click on a browser notification).
 */
export const receiveWatchedJobs =
	( jobs: JobListItem[], openJob: ( id: number ) => void = () => {} ) =>
	( { select, dispatch }: ThunkArgs ): void => {
		const watched = new Set( select.getWatchedIds() );
		const present = new Set( jobs.map( ( job ) => job.id ) );
		for ( const id of watched ) {
			if ( ! present.has( id ) ) {
				dispatch( unwatchJob( id ) );
			}
		}
		for ( const job of jobs ) {
			if ( ! watched.has( job.id ) || ! job.is_final ) {
				continue;
			}
			const text = announcementText( job );
			const failed = job.status === 'failed';
			dispatch( {
				type: 'ANNOUNCE',
				announcement: {
					id: `job-${ job.id }`,
					job,
					text,
					explicitDismiss: failed,
				},
			} );
			speak( text, failed ? 'assertive' : 'polite' );
			notifyInBrowser(
				failed
					? __( 'A job failed', 'dm-jobs' )
					: __( 'A job finished', 'dm-jobs' ),
				text,
				() => openJob( job.id )
			);
		}
	};
