/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SiteTimezone } from '../types';

function isIanaTimeZone( name: string ): boolean {
	if ( name === '' ) {
		return false;
	}
	try {
		new Intl.DateTimeFormat( 'en-US', { timeZone: name } ).format( 0 );
		return true;
	} catch {
		return false;
	}
}

/**
 * Formats an offset in minutes as `+05:30` / `-03:00`.
 *
 * @param offsetMinutes Offset from UTC in minutes.
 */
export function formatUtcOffset( offsetMinutes: number ): string {
	const rounded = Number.isFinite( offsetMinutes )
		? Math.round( offsetMinutes )
		: 0;
	const sign = rounded < 0 ? '-' : '+';
	const absolute = Math.abs( rounded );
	const hours = String( Math.floor( absolute / 60 ) ).padStart( 2, '0' );
	const minutes = String( absolute % 60 ).padStart( 2, '0' );
	return `${ sign }${ hours }:${ minutes }`;
}

/**
 * The time zone to convert timestamps into: the site's IANA name when it has a
 * valid one, else its fixed UTC offset (`+05:30`). Both work with `TZDate`.
 *
 * @param timezone The site's time zone settings.
 */
export function resolveTimeZone( timezone: SiteTimezone ): string {
	return isIanaTimeZone( timezone.name )
		? timezone.name
		: formatUtcOffset( timezone.offsetMinutes );
}

/**
 * How the site's time zone is named next to an exact time.
 *
 * @param timezone The site's time zone settings.
 */
export function getTimeZoneLabel( timezone: SiteTimezone ): string {
	if ( isIanaTimeZone( timezone.name ) ) {
		return timezone.name;
	}
	if ( Math.round( timezone.offsetMinutes ) === 0 ) {
		return __( 'UTC', 'dm-jobs' );
	}
	return sprintf(
		/* translators: %s: offset from UTC, e.g. +05:30. */
		__( 'UTC%s', 'dm-jobs' ),
		formatUtcOffset( timezone.offsetMinutes )
	);
}
