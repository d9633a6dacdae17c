/**
 * External dependencies
 */
import { TZDate } from '@date-fns/tz';
import { formatDistance } from 'date-fns';

/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getDateLocale } from './date-locale';
import { formatInTimeZone } from './format-date';
import { NO_VALUE } from './no-value';

/**
 * A MySQL-style date-time without zone: the jobs tables store UTC.
 */
const ZONELESS_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Parses an API timestamp (ISO 8601, UTC). Zone-less values are read as UTC.
 *
 * @param value The timestamp, e.g. `2025-03-05T14:03:04Z`.
 * @return The date, or `null` when it cannot be read.
 */
export function parseTimestamp( value: string | null ): Date | null {
	if ( value === null || value.trim() === '' ) {
		return null;
	}
	const trimmed = value.trim();
	const normalised = ZONELESS_DATE_TIME.test( trimmed )
		? `${ trimmed.replace( ' ', 'T' ) }Z`
		: trimmed;
	const date = new Date( normalised );
	return Number.isNaN( date.getTime() ) ? null : date;
}

/**
 * Relative text in the site's language, such as "5 minutes ago" ("vor 5
 * Minuten" in German).
 *
 * @param date When it happened.
 * @param now  The reference time.
 */
export function formatRelativeTime(
	date: Date,
	now: Date = new Date()
): string {
	return formatDistance( date, now, {
		addSuffix: true,
		locale: getDateLocale(),
	} );
}

/**
 * Exact date and time in the site's time zone, e.g.
 * "Mar 5, 2025, 9:03:04 AM (America/New_York)".
 *
 * @param date          When it happened.
 * @param timeZone      IANA name or UTC offset such as `+05:30`.
 * @param timeZoneLabel How to name the zone after the time.
 */
export function formatExactTime(
	date: Date,
	timeZone: string,
	timeZoneLabel: string
): string {
	return sprintf(
		/* translators: 1: date and time, 2: time zone name such as America/New_York or UTC+05:30. */
		__( '%1$s (%2$s)', 'dm-jobs' ),
		formatInTimeZone( date, 'PPpp', timeZone ),
		timeZoneLabel
	);
}

/**
 * Short date and time in the site's time zone for lists, e.g. "Mar 5, 09:03"
 * (with the year when it is not the current one).
 *
 * @param date     When it happened.
 * @param timeZone IANA name or UTC offset such as `+05:30`.
 * @param now      The reference time (decides whether the year is shown).
 */
export function formatShortTime(
	date: Date,
	timeZone: string,
	now: Date = new Date()
): string {
	const sameYear =
		new TZDate( date.getTime(), timeZone ).getFullYear() ===
		new TZDate( now.getTime(), timeZone ).getFullYear();
	return formatInTimeZone(
		date,
		sameYear ? 'dayTime' : 'dayYearTime',
		timeZone
	);
}

/**
 * A moment in the site's time zone, always without the year, e.g.
 * "Mar 29, 14:05"; "—" when the timestamp cannot be read.
 *
 * @param iso      ISO 8601 timestamp.
 * @param timeZone IANA name or UTC offset such as `+05:30`.
 */
export function formatMoment( iso: string | null, timeZone: string ): string {
	const date = parseTimestamp( iso );
	return date === null
		? NO_VALUE
		: formatInTimeZone( date, 'dayTime', timeZone );
}

/**
 * The time of day in the site's time zone, to the second, e.g. "14:03:07";
 * "—" when the timestamp cannot be read.
 *
 * @param iso      ISO 8601 timestamp.
 * @param timeZone IANA name or UTC offset such as `+05:30`.
 */
export function formatTimeOfDay(
	iso: string | null,
	timeZone: string
): string {
	const date = parseTimestamp( iso );
	return date === null
		? NO_VALUE
		: formatInTimeZone( date, 'timeSeconds', timeZone );
}
