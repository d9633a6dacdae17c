/**
 * How a live refresh is applied to the rows on screen.
 */

/**
 * Internal dependencies
 */
import type { JobListItem, JobsQuery } from '../../../shared/types';
import { isNewestFirst } from './sorting';

/**
 * - `replace`: show the fresh page as it is.
 * - `merge`: keep the rows on screen (same jobs, same order) and only update
 *   them in place; new jobs wait behind the "N new jobs — Show" bar.
 */
export type RefreshMode = 'replace' | 'merge';

export interface RefreshContext {
	/** The query of the rows on screen. */
	query: Pick< JobsQuery, 'page' | 'orderby' | 'order' >;
	/** New matching jobs the server counted above the newest known ID. */
	newJobs: number;
	/** Whether the page is scrolled to the top (the table's top is in view). */
	isAtTop: boolean;
	/** Whether the pointer (or keyboard focus) is on the table. */
	isUserOnTable: boolean;
}

/**
 * Whether new jobs can simply appear: page 1 of a newest-first list, viewed
 * from the top with nobody pointing at a row, so nothing moves under the user.
 *
 * @param context What is shown and where the user is.
 */
export function canShowNewJobsInPlace( context: RefreshContext ): boolean {
	return (
		context.query.page === 1 &&
		isNewestFirst( context.query ) &&
		context.isAtTop &&
		! context.isUserOnTable
	);
}

/**
 * Chooses how to apply a live refresh.
 *
 * @param context What is shown and where the user is.
 */
export function decideRefreshMode( context: RefreshContext ): RefreshMode {
	if ( context.newJobs <= 0 || canShowNewJobsInPlace( context ) ) {
		return 'replace';
	}
	return 'merge';
}

/**
 * The rows on screen, each replaced by its fresh copy when the fresh page has
 * it: same jobs, same order, updated statuses.
 *
 * @param shown The rows on screen.
 * @param fresh The page just fetched.
 */
export function mergeRows(
	shown: JobListItem[],
	fresh: JobListItem[]
): JobListItem[] {
	const byId = new Map( fresh.map( ( job ) => [ job.id, job ] ) );
	let changed = false;
	const merged = shown.map( ( job ) => {
		const update = byId.get( job.id );
		if ( update === undefined || isSameJob( job, update ) ) {
			return job;
		}
		changed = true;
		return update;
	} );
	return changed ? merged : shown;
}

/**
 * Whether two copies of a job show the same thing (so React keeps the row).
 *
 * @param a One copy.
 * @param b The other.
 */
export function isSameJob( a: JobListItem, b: JobListItem ): boolean {
	return (
		a.id === b.id &&
		a.status === b.status &&
		a.status_reason === b.status_reason &&
		( a.error_summary ?? null ) === ( b.error_summary ?? null ) &&
		a.raw_status === b.raw_status &&
		a.completed_at === b.completed_at &&
		a.created_at === b.created_at &&
		a.duration === b.duration &&
		a.pipeline_name === b.pipeline_name &&
		a.flow_name === b.flow_name &&
		a.pipeline_id === b.pipeline_id &&
		a.flow_id === b.flow_id
	);
}

/**
 * The highest job ID among rows, 0 when there are none.
 *
 * @param jobs Rows.
 */
export function newestJobId( jobs: JobListItem[] ): number {
	return jobs.reduce( ( max, job ) => Math.max( max, job.id ), 0 );
}

/**
 * Whether the newest job ID shown is also the newest matching job overall:
 * true on page 1 of a newest-first list, which makes a separate look-up of the
 * newest ID unnecessary.
 *
 * @param query The query of the rows on screen.
 */
export function showsNewestJobs(
	query: Pick< JobsQuery, 'page' | 'orderby' | 'order' >
): boolean {
	return query.page === 1 && isNewestFirst( query );
}
