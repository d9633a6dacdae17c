/**
 * Pure helpers of the row selection.
 */

/**
 * Adds or removes IDs, keeping the result sorted and without duplicates.
 *
 * @param selected Currently selected IDs.
 * @param ids      IDs to change.
 * @param checked  Select (true) or unselect (false).
 */
export function setIds(
	selected: readonly number[],
	ids: readonly number[],
	checked: boolean
): number[] {
	const next = new Set( selected );
	ids.forEach( ( id ) => ( checked ? next.add( id ) : next.delete( id ) ) );
	return [ ...next ].sort( ( a, b ) => a - b );
}

/**
 * The IDs a click changes: with Shift and an anchor on the same page, every
 * row from the anchor to the clicked row (in the order shown); otherwise just
 * the clicked row.
 *
 * @param pageIds  IDs of the rows shown, in display order.
 * @param anchorId The row clicked before (without Shift), if any.
 * @param targetId The row clicked now.
 * @param shiftKey Whether Shift was held.
 */
export function rangeIds(
	pageIds: readonly number[],
	anchorId: number | null,
	targetId: number,
	shiftKey: boolean
): number[] {
	const to = pageIds.indexOf( targetId );
	const from = anchorId === null ? -1 : pageIds.indexOf( anchorId );
	if ( ! shiftKey || from === -1 || to === -1 ) {
		return [ targetId ];
	}
	const [ start, end ] = from < to ? [ from, to ] : [ to, from ];
	return pageIds.slice( start, end + 1 );
}

/**
 * How many of the page's rows are selected: none, some or all.
 *
 * @param selected Selected IDs.
 * @param pageIds  IDs of the rows shown.
 */
export function pageSelectionState(
	selected: readonly number[],
	pageIds: readonly number[]
): 'none' | 'some' | 'all' {
	if ( pageIds.length === 0 ) {
		return 'none';
	}
	const chosen = new Set( selected );
	const count = pageIds.filter( ( id ) => chosen.has( id ) ).length;
	if ( count === 0 ) {
		return 'none';
	}
	return count === pageIds.length ? 'all' : 'some';
}
