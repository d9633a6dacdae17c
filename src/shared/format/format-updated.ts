/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * "Updated just now", "Updated 30 s ago", "Updated 5 min ago": coarse on
 * purpose, so a screen reader hearing the live region is not told every few
 * seconds that nothing happened.
 *
 * @param updatedAt When the data was last refreshed (ms since epoch).
 * @param now       The reference time (ms since epoch).
 */
export function formatUpdatedAgo( updatedAt: number, now: number ): string {
	const seconds = Math.max( 0, Math.floor( ( now - updatedAt ) / 1000 ) );
	if ( seconds < 10 ) {
		return __( 'Updated just now', 'dm-jobs' );
	}
	if ( seconds < 60 ) {
		return sprintf(
			/* translators: %d: seconds, a multiple of 10. */
			__( 'Updated %d s ago', 'dm-jobs' ),
			Math.floor( seconds / 10 ) * 10
		);
	}
	if ( seconds < 3600 ) {
		return sprintf(
			/* translators: %d: minutes. */
			__( 'Updated %d min ago', 'dm-jobs' ),
			Math.floor( seconds / 60 )
		);
	}
	return sprintf(
		/* translators: %d: hours. */
		__( 'Updated %d h ago', 'dm-jobs' ),
		Math.floor( seconds / 3600 )
	);
}
