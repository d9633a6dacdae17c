/**
 * Internal dependencies
 */
import type { LogLine } from '../types';

/**
 * Merges lines into a list sorted by ID, without duplicates: the live tail
 * re-reads a little of what it already has (to catch lines committed late),
 * and pages may overlap.
 *
 * @param current  Lines shown, ascending by ID.
 * @param incoming New lines, in any order.
 * @return A new array when something was added, else `current` itself.
 */
export function mergeLogLines(
	current: LogLine[],
	incoming: LogLine[]
): LogLine[] {
	if ( incoming.length === 0 ) {
		return current;
	}
	const known = new Set( current.map( ( line ) => line.id ) );
	const fresh = incoming.filter( ( line ) => {
		if ( known.has( line.id ) ) {
			return false;
		}
		known.add( line.id );
		return true;
	} );
	if ( fresh.length === 0 ) {
		return current;
	}
	fresh.sort( ( a, b ) => a.id - b.id );
	const last = current[ current.length - 1 ];
	// The usual case: everything new comes after what is shown.
	if ( last === undefined || fresh[ 0 ].id > last.id ) {
		return current.concat( fresh );
	}
	return current.concat( fresh ).sort( ( a, b ) => a.id - b.id );
}

/**
 * Keeps at most `max` lines, dropping the oldest.
 *
 * @param lines Ascending by ID.
 * @param max   Limit.
 * @return The kept lines and how many were dropped.
 */
export function capLogLines(
	lines: LogLine[],
	max: number
): { lines: LogLine[]; dropped: number } {
	if ( lines.length <= max ) {
		return { lines, dropped: 0 };
	}
	const dropped = lines.length - max;
	return { lines: lines.slice( dropped ), dropped };
}
