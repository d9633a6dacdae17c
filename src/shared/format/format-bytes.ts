/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatDecimal } from './format-number';
import { NO_VALUE } from './no-value';

/**
 * A size in bytes, 1024-based, with one decimal at most: "512 B", "1.5 MB",
 * "2.3 GB"; "—" when unknown.
 *
 * @param bytes The size.
 */
export function formatBytes( bytes: number | null | undefined ): string {
	if ( bytes === null || bytes === undefined || ! Number.isFinite( bytes ) ) {
		return NO_VALUE;
	}
	let value = Math.max( 0, bytes );
	let unit = 0;
	while ( value >= 1024 && unit < 4 ) {
		value /= 1024;
		unit++;
	}
	const number = formatDecimal( value );
	switch ( unit ) {
		case 0:
			/* translators: %s: a number of bytes. */
			return sprintf( __( '%s B', 'dm-jobs' ), number );
		case 1:
			/* translators: %s: a number of kilobytes. */
			return sprintf( __( '%s KB', 'dm-jobs' ), number );
		case 2:
			/* translators: %s: a number of megabytes. */
			return sprintf( __( '%s MB', 'dm-jobs' ), number );
		case 3:
			/* translators: %s: a number of gigabytes. */
			return sprintf( __( '%s GB', 'dm-jobs' ), number );
		default:
			/* translators: %s: a number of terabytes. */
			return sprintf( __( '%s TB', 'dm-jobs' ), number );
	}
}
