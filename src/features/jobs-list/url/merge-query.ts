/**
 * Internal dependencies
 */
import type { JobsQuery } from '../../../shared/types';

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
