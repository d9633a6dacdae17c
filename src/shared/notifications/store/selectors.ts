/**
 * Internal dependencies
 */
import type { Announcement, NotificationsState, WatchedJob } from '../types';

export function getWatchedIds( state: NotificationsState ): number[] {
	return Object.keys( state.watched ).map( Number );
}

export function getWatchedJob(
	state: NotificationsState,
	id: number
): WatchedJob | null {
	return state.watched[ id ] ?? null;
}

export function getAnnouncements( state: NotificationsState ): Announcement[] {
	return state.announcements;
}
