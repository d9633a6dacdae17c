/**
 * Internal dependencies
 */
import type { LogFilters, LogLevel, LogLine } from '../types';

export const NO_LOG_FILTERS: LogFilters = { levels: [], search: '' };

/**
 * Whether a line passes the viewer's filters, with the server's rules: the
 * level is one of the chosen ones (none chosen: all), and the search text
 * appears in the message or the step, ignoring case.
 *
 * @param line    A log line.
 * @param filters Level and text filters.
 */
export function matchesLogFilters(
	line: LogLine,
	filters: LogFilters
): boolean {
	if (
		filters.levels.length > 0 &&
		! filters.levels.includes( line.level )
	) {
		return false;
	}
	const search = filters.search.trim().toLocaleLowerCase();
	if ( search === '' ) {
		return true;
	}
	return (
		line.message.toLocaleLowerCase().includes( search ) ||
		( line.step ?? '' ).toLocaleLowerCase().includes( search )
	);
}

/**
 * Adds a level to the filter or removes it (levels stay in severity order).
 *
 * @param levels Chosen levels.
 * @param level  The level clicked.
 * @param order  All levels, in severity order.
 */
export function toggleLevel(
	levels: LogLevel[],
	level: LogLevel,
	order: readonly LogLevel[]
): LogLevel[] {
	const next = levels.includes( level )
		? levels.filter( ( item ) => item !== level )
		: [ ...levels, level ];
	return order.filter( ( item ) => next.includes( item ) );
}

export function sameFilters( a: LogFilters, b: LogFilters ): boolean {
	return (
		a.search.trim() === b.search.trim() &&
		a.levels.length === b.levels.length &&
		a.levels.every( ( level, index ) => b.levels[ index ] === level )
	);
}
