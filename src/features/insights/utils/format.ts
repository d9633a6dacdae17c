/**
 * Formatting of metric values, dates and buckets for charts and tables.
 */

/**
 * External dependencies
 */
import { TZDate } from '@date-fns/tz';
import { format, parseISO } from 'date-fns';

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getStatusLabel } from '../../../shared/status/status-display';
import type { BucketFields, BucketSize, FinalStatus } from '../types';

export const NO_VALUE = '—';

const countFormat = new Intl.NumberFormat();
const decimalFormat = new Intl.NumberFormat( undefined, {
	maximumFractionDigits: 1,
} );

export function formatCount( value: number ): string {
	return countFormat.format( value );
}

/**
 * A rate (0–1) as a percentage with one decimal.
 *
 * @param rate The rate, or `null` when there was nothing to divide.
 */
export function formatPercent( rate: number | null ): string {
	if ( rate === null ) {
		return NO_VALUE;
	}
	return sprintf(
		/* translators: %s: a number, e.g. 97.5 */
		__( '%s%%', 'dm-jobs' ),
		decimalFormat.format( rate * 100 )
	);
}

/**
 * Seconds as "12.5 s", "3 min 20 s" or "2 h 5 min".
 *
 * @param seconds Duration, or `null` when unknown.
 */
export function formatDuration( seconds: number | null ): string {
	if ( seconds === null || ! Number.isFinite( seconds ) ) {
		return NO_VALUE;
	}
	if ( seconds < 60 ) {
		return sprintf(
			/* translators: %s: number of seconds, e.g. 12.5 */
			__( '%s s', 'dm-jobs' ),
			decimalFormat.format( seconds )
		);
	}
	const whole = Math.round( seconds );
	if ( whole < 3600 ) {
		return sprintf(
			/* translators: 1: minutes, 2: seconds. */
			__( '%1$d min %2$d s', 'dm-jobs' ),
			Math.floor( whole / 60 ),
			whole % 60
		);
	}
	return sprintf(
		/* translators: 1: hours, 2: minutes. */
		__( '%1$d h %2$d min', 'dm-jobs' ),
		Math.floor( whole / 3600 ),
		Math.floor( ( whole % 3600 ) / 60 )
	);
}

/**
 * Bytes as "512 B", "1.5 MB", "2.3 GB".
 *
 * @param bytes Size, or `null` when unknown.
 */
export function formatBytes( bytes: number | null ): string {
	if ( bytes === null || ! Number.isFinite( bytes ) ) {
		return NO_VALUE;
	}
	let value = bytes;
	let unit = 0;
	while ( value >= 1024 && unit < 4 ) {
		value /= 1024;
		unit++;
	}
	const number = decimalFormat.format( value );
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

/**
 * Short label of a bucket for an axis: "14:00", "Mar 29", "Mar 23".
 *
 * @param bucket   The bucket.
 * @param size     Hour, day or week buckets.
 * @param timeZone Site time zone (IANA name or offset such as `+05:30`).
 */
export function formatBucketLabel(
	bucket: BucketFields,
	size: BucketSize,
	timeZone: string
): string {
	if ( size === 'hour' || bucket.date === null ) {
		return format(
			new TZDate( Date.parse( bucket.start ), timeZone ),
			'HH:mm'
		);
	}
	return format( parseISO( bucket.date ), 'MMM d' );
}

/**
 * Full label of a bucket for tooltips and tables: "Sun, Mar 29, 14:00",
 * "Sun, Mar 29, 2026", "Week of Mar 23, 2026".
 *
 * @param bucket   The bucket.
 * @param size     Hour, day or week buckets.
 * @param timeZone Site time zone.
 */
export function formatBucketTitle(
	bucket: BucketFields,
	size: BucketSize,
	timeZone: string
): string {
	if ( size === 'hour' || bucket.date === null ) {
		return format(
			new TZDate( Date.parse( bucket.start ), timeZone ),
			'EEE, MMM d, HH:mm'
		);
	}
	const date = parseISO( bucket.date );
	if ( size === 'week' ) {
		return sprintf(
			/* translators: %s: the first date of a week, e.g. Mar 23, 2026. */
			__( 'Week of %s', 'dm-jobs' ),
			format( date, 'MMM d, yyyy' )
		);
	}
	return format( date, 'EEE, MMM d, yyyy' );
}

/**
 * A moment in the site's time zone, e.g. "Mar 29, 14:05".
 *
 * @param iso      ISO 8601 timestamp.
 * @param timeZone Site time zone.
 */
export function formatMoment( iso: string, timeZone: string ): string {
	const time = Date.parse( iso );
	if ( Number.isNaN( time ) ) {
		return NO_VALUE;
	}
	return format( new TZDate( time, timeZone ), 'MMM d, HH:mm' );
}

/**
 * Name of an ISO weekday (1 = Monday … 7 = Sunday).
 *
 * @param weekday ISO weekday.
 * @param style   `long` (Monday) or `short` (Mon).
 */
export function weekdayName(
	weekday: number,
	style: 'long' | 'short' = 'long'
): string {
	// 2024-01-01 was a Monday.
	const date = new Date( 2024, 0, weekday );
	return format( date, style === 'long' ? 'EEEE' : 'EEE' );
}

/**
 * An hour of the day as "09:00".
 *
 * @param hour 0–23.
 */
export function hourLabel( hour: number ): string {
	return `${ String( hour ).padStart( 2, '0' ) }:00`;
}

/**
 * Label of a finished-job status in charts ("other" is an unknown status).
 *
 * @param status A final status.
 */
export function finalStatusLabel( status: FinalStatus ): string {
	return status === 'other'
		? __( 'Other status', 'dm-jobs' )
		: getStatusLabel( status );
}

/**
 * Name of a pipeline, or a placeholder for one that no longer exists.
 *
 * @param name       Pipeline name, or `null`.
 * @param pipelineId Its ID.
 */
export function pipelineLabel(
	name: string | null,
	pipelineId: number
): string {
	return (
		name ??
		sprintf(
			/* translators: %d: pipeline ID. */
			__( 'Pipeline #%d (deleted)', 'dm-jobs' ),
			pipelineId
		)
	);
}
