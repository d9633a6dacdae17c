/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatDecimal } from './format-number';
import { NO_VALUE } from './no-value';

export interface DurationOptions {
	/** Under a minute, show a tenth of a second ("12.5 s"): for averages. */
	tenths?: boolean;
}

/**
 * A duration in short units: "45 s", "1 min 6 s", "2 h 5 min", "3 d 4 h".
 * Two units at most; unknown or negative gives "—".
 *
 * @param seconds Duration in seconds, or `null` until the job is final.
 * @param options How precise short durations are.
 */
export function formatDuration(
	seconds: number | null | undefined,
	options: DurationOptions = {}
): string {
	if (
		seconds === null ||
		seconds === undefined ||
		! Number.isFinite( seconds ) ||
		seconds < 0
	) {
		return NO_VALUE;
	}
	if ( options.tenths === true && seconds < 59.95 ) {
		return sprintf(
			/* translators: %s: number of seconds, e.g. 12.5 */
			__( '%s s', 'dm-jobs' ),
			formatDecimal( seconds )
		);
	}
	const total = Math.round( seconds );
	const [ days, hours, minutes, secs ] = [
		Math.floor( total / 86400 ),
		Math.floor( ( total % 86400 ) / 3600 ),
		Math.floor( ( total % 3600 ) / 60 ),
		total % 60,
	];

	if ( days > 0 ) {
		return hours > 0
			? sprintf(
					/* translators: 1: days, 2: hours. */
					__( '%1$d d %2$d h', 'dm-jobs' ),
					days,
					hours
				)
			: sprintf(
					/* translators: %d: days. */
					__( '%d d', 'dm-jobs' ),
					days
				);
	}
	if ( hours > 0 ) {
		return minutes > 0
			? sprintf(
					/* translators: 1: hours, 2: minutes. */
					__( '%1$d h %2$d min', 'dm-jobs' ),
					hours,
					minutes
				)
			: sprintf(
					/* translators: %d: hours. */
					__( '%d h', 'dm-jobs' ),
					hours
				);
	}
	if ( minutes > 0 ) {
		return secs > 0
			? sprintf(
					/* translators: 1: minutes, 2: seconds. */
					__( '%1$d min %2$d s', 'dm-jobs' ),
					minutes,
					secs
				)
			: sprintf(
					/* translators: %d: minutes. */
					__( '%d min', 'dm-jobs' ),
					minutes
				);
	}
	return sprintf(
		/* translators: %d: seconds. */
		__( '%d s', 'dm-jobs' ),
		secs
	);
}
