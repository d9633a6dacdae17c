/**
 * Internal dependencies
 */
import type { JobsQuery, JobsView } from '../../../shared/types';
import { isPresetRange, presetBounds } from '../../../shared/dates/date-range';

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
