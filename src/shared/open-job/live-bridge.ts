/**
 * Internal dependencies
 */
import type { RegistryLike } from '../notifications/live-bridge';
import type { JobListItem } from '../types';

/** The job details store, looked up by name so the list does not load it. */
export const JOB_DETAILS_STORE = 'dm-jobs/job-details';

interface JobDetailsSelectors {
	getOpenJobId: () => number | null;
}

interface JobDetailsActions {
	followListedJob: ( listed: JobListItem ) => unknown;
}

/**
 * The job open in the details panel, so the list's live poll watches it
 * (`null` when none is open or the details store is not loaded).
 *
 * @param registry The registry the jobs list lives in.
 */
export function openJobId( registry: RegistryLike | undefined ): number | null {
	const selectors = registry?.select( JOB_DETAILS_STORE ) as
		JobDetailsSelectors | undefined;
	return selectors ? selectors.getOpenJobId() : null;
}

/**
 * Hands the open job's state from the live poll to the details panel, which
 * reloads the job when it changed.
 *
 * @param registry The registry.
 * @param jobs     The watched jobs the server answered with.
 * @param jobId    The job that was open when the poll was sent.
 */
export function deliverOpenJob(
	registry: RegistryLike | undefined,
	jobs: JobListItem[],
	jobId: number | null
): void {
	const listed = jobs.find( ( job ) => job.id === jobId );
	if ( listed === undefined ) {
		return;
	}
	const actions = registry?.dispatch( JOB_DETAILS_STORE ) as
		JobDetailsActions | undefined;
	actions?.followListedJob( listed );
}

/**
 * The IDs the live poll asks about: the screen's watched jobs plus the open
 * job, unless that would pass the route's limit (then the watched jobs keep
 * their places and the panel's own tail refresh covers the open job).
 *
 * @param watched Jobs the notifications watch.
 * @param jobId   The open job, or `null`.
 * @param limit   Most IDs one poll may send.
 */
export function watchList(
	watched: number[],
	jobId: number | null,
	limit: number
): number[] {
	if ( jobId === null || watched.includes( jobId ) ) {
		return watched;
	}
	return watched.length < limit ? [ ...watched, jobId ] : watched;
}
