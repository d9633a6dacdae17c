/**
 * Internal dependencies
 */
import { parseTimestamp } from '../../../shared/format/format-timestamp';

/**
 * Seconds between two API timestamps, or `null`.
 *
 * @param from ISO 8601.
 * @param to   ISO 8601.
 */
export function secondsBetween(
	from: string | null,
	to: string | null
): number | null {
	const start = parseTimestamp( from );
	const end = parseTimestamp( to );
	if ( start === null || end === null ) {
		return null;
	}
	return Math.max( 0, ( end.getTime() - start.getTime() ) / 1000 );
}
