/**
 * External dependencies
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { parseTimestamp } from '../../../shared/format/format-timestamp';

/**
 * "2 h 5 min", "3 min 4 s", "12 s".
 *
 * @param seconds Duration.
 */
export function formatDuration( seconds: number | null ): string {
	if ( seconds === null || ! Number.isFinite( seconds ) || seconds < 0 ) {
		return '—';
	}
	const total = Math.round( seconds );
	const hours = Math.floor( total / 3600 );
	const minutes = Math.floor( ( total % 3600 ) / 60 );
	const rest = total % 60;
	if ( hours > 0 ) {
		/* translators: 1: hours, 2: minutes. */
		return sprintf( __( '%1$d h %2$d min', 'dm-jobs' ), hours, minutes );
	}
	if ( minutes > 0 ) {
		/* translators: 1: minutes, 2: seconds. */
		return sprintf( __( '%1$d min %2$d s', 'dm-jobs' ), minutes, rest );
	}
	/* translators: %d: seconds. */
	return sprintf( __( '%d s', 'dm-jobs' ), rest );
}

/**
 * "1.2 MB", "640 KB", "300 bytes".
 *
 * @param bytes Size.
 */
export function formatBytes( bytes: number ): string {
	if ( bytes >= 1024 * 1024 ) {
		return sprintf(
			/* translators: %s: size in megabytes. */
			__( '%s MB', 'dm-jobs' ),
			( bytes / 1048576 ).toFixed( 1 )
		);
	}
	if ( bytes >= 1024 ) {
		return sprintf(
			/* translators: %s: size in kilobytes. */
			__( '%s KB', 'dm-jobs' ),
			( bytes / 1024 ).toFixed( 0 )
		);
	}
	/* translators: %d: size in bytes. */
	return sprintf( _n( '%d byte', '%d bytes', bytes, 'dm-jobs' ), bytes );
}

/**
 * The time of a log line in the site's zone, "14:03:07".
 *
 * @param value    ISO 8601 UTC.
 * @param timeZone IANA name or offset.
 */
export function formatLogTime(
	value: string | null,
	timeZone: string
): string {
	const date = parseTimestamp( value );
	if ( date === null ) {
		return '—';
	}
	return format( new TZDate( date.getTime(), timeZone ), 'HH:mm:ss' );
}

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

/**
 * Size of a value as UTF-8 JSON.
 *
 * @param value Any JSON value.
 */
export function jsonSize( value: unknown ): number {
	const text = JSON.stringify( value ) ?? '';
	return new TextEncoder().encode( text ).length;
}
