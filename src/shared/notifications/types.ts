/**
 * Internal dependencies
 */
import type { JobListItem } from '../types';

/** Why a job is watched: started from this screen, or marked "watch". */
export type WatchReason = 'started' | 'watched';

export interface WatchedJob {
	id: number;
	reason: WatchReason;
}

/** A finished watched job, announced in a snackbar until dismissed or timed out. */
export interface Announcement {
	id: string;
	job: JobListItem;
	text: string;
	/** Failures stay until dismissed. */
	explicitDismiss: boolean;
}

export interface NotificationsState {
	watched: Record< number, WatchedJob >;
	announcements: Announcement[];
}

export type NotificationsAction =
	| { type: 'WATCH_JOB'; id: number; reason: WatchReason }
	| { type: 'UNWATCH_JOB'; id: number }
	| { type: 'ANNOUNCE'; announcement: Announcement }
	| { type: 'DISMISS_ANNOUNCEMENT'; id: string };
