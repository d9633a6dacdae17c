/**
 * Internal dependencies
 */
import type { JobListItem } from '../types';
import { STORE_NAME } from './constants';

/**
 * The part of a @wordpress/data registry the jobs list's live poll uses.
 */
export interface RegistryLike {
	select: ( storeName: string ) => unknown;
	dispatch: ( storeName: string ) => unknown;
}

interface NotificationsSelectors {
	getWatchedIds: () => number[];
}

interface NotificationsActions {
	receiveWatchedJobs: (
		jobs: JobListItem[],
		openJob: ( id: number ) => void
	) => void;
}

/**
 * The jobs the screen watches, for the live poll's `watch` parameter (none
 * when the notifications store is not in this registry).
 *
 * @param registry The registry the jobs list lives in.
 */
export function watchedJobIds( registry: RegistryLike | undefined ): number[] {
	const selectors = registry?.select( STORE_NAME ) as
		NotificationsSelectors | undefined;
	return selectors ? selectors.getWatchedIds() : [];
}

/**
 * Hands the watched jobs' state from the live poll to the notifications store.
 *
 * @param registry The registry.
 * @param jobs     The watched jobs the server still has.
 * @param openJob  Opens a job (a click on a browser notification).
 */
export function deliverWatchedJobs(
	registry: RegistryLike | undefined,
	jobs: JobListItem[],
	openJob: ( id: number ) => void
): void {
	const actions = registry?.dispatch( STORE_NAME ) as
		NotificationsActions | undefined;
	actions?.receiveWatchedJobs( jobs, openJob );
}
