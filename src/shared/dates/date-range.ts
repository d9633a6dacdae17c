/**
 * External dependencies
 */
import { TZDate } from '@date-fns/tz';
import { format, subDays } from 'date-fns';

/**
 * Internal dependencies
 */
import { DATE_RANGES } from '../types';
import type { DateRange } from '../types';

export type PresetRange = Exclude< DateRange, 'any' | 'custom' >;

const HOUR_MS = 60 * 60 * 1000;

const PRESET_LENGTH_MS: Readonly< Record< PresetRange, number > > = {
	'24h': 24 * HOUR_MS,
	'7d': 7 * 24 * HOUR_MS,
	'30d': 30 * 24 * HOUR_MS,
};

/** ISO 8601 date-time with a `Z` or `±hh:mm` zone (what the API accepts). */
const ISO_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A calendar day as `<input type="date">` gives it. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateRange( value: string ): value is DateRange {
	return ( DATE_RANGES as readonly string[] ).includes( value );
}

export function isPresetRange( range: DateRange ): range is PresetRange {
	return range in PRESET_LENGTH_MS;
}

/**
 * A date as ISO 8601 UTC without milliseconds: `2025-03-05T14:03:04Z`.
 *
 * @param date The date.
 */
export function toIsoSeconds( date: Date ): string {
	return date.toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/**
 * Reads an ISO 8601 date-time with a zone and returns it in UTC, or `null`
 * when it is not one (so a hand-edited URL cannot send nonsense).
 *
 * @param value e.g. `2025-03-05T09:03:04-05:00`.
 */
export function normalizeIsoDateTime( value: string ): string | null {
	const trimmed = value.trim();
	if ( ! ISO_DATE_TIME.test( trimmed ) ) {
		return null;
	}
	const date = new Date( trimmed );
	return Number.isNaN( date.getTime() ) ? null : toIsoSeconds( date );
}

/**
 * The `after` bound of a preset range ("the last 7 days" ends now, so it has
 * no `before`).
 *
 * @param range A preset.
 * @param now   The reference time.
 */
export function presetBounds(
	range: PresetRange,
	now: Date
): { after: string; before: null } {
	return {
		after: toIsoSeconds(
			new Date( now.getTime() - PRESET_LENGTH_MS[ range ] )
		),
		before: null,
	};
}

function parseDay( day: string ): [ number, number, number ] | null {
	const match = DAY.exec( day.trim() );
	if ( ! match ) {
		return null;
	}
	const [ year, month, date ] = [
		Number( match[ 1 ] ),
		Number( match[ 2 ] ),
		Number( match[ 3 ] ),
	];
	// Rejects 2025-02-31 and the like.
	const check = new Date( Date.UTC( year, month - 1, date ) );
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== date
	) {
		return null;
	}
	return [ year, month, date ];
}

/**
 * A time of a day in the site's time zone, as ISO 8601 UTC.
 *
 * @param day      `YYYY-MM-DD`.
 * @param timeZone IANA name or offset such as `+05:30`.
 * @param time     Hours, minutes and seconds on that day's clock.
 */
function siteDayTime(
	day: string,
	timeZone: string,
	time: readonly [ number, number, number ]
): string | null {
	const parts = parseDay( day );
	if ( parts === null ) {
		return null;
	}
	const [ year, month, date ] = parts;
	const [ hours, minutes, seconds ] = time;
	return toIsoSeconds(
		new Date(
			new TZDate(
				year,
				month - 1,
				date,
				hours,
				minutes,
				seconds,
				timeZone
			).getTime()
		)
	);
}

/**
 * The first second of a day in the site's time zone, as ISO 8601 UTC.
 *
 * @param day      `YYYY-MM-DD`.
 * @param timeZone IANA name or offset such as `+05:30`.
 */
export function siteDayStart( day: string, timeZone: string ): string | null {
	return siteDayTime( day, timeZone, [ 0, 0, 0 ] );
}

/**
 * The last second of a day in the site's time zone, as ISO 8601 UTC.
 *
 * @param day      `YYYY-MM-DD`.
 * @param timeZone IANA name or offset such as `+05:30`.
 */
export function siteDayEnd( day: string, timeZone: string ): string | null {
	return siteDayTime( day, timeZone, [ 23, 59, 59 ] );
}

/**
 * The day (in the site's time zone) of an ISO 8601 time, for a date input.
 *
 * @param iso      ISO 8601 time, or `null`.
 * @param timeZone IANA name or offset such as `+05:30`.
 * @return `YYYY-MM-DD`, or `''` when there is no valid time.
 */
export function isoToSiteDay( iso: string | null, timeZone: string ): string {
	if ( iso === null ) {
		return '';
	}
	const normalized = normalizeIsoDateTime( iso );
	if ( normalized === null ) {
		return '';
	}
	return format(
		new TZDate( new Date( normalized ).getTime(), timeZone ),
		'yyyy-MM-dd'
	);
}

/**
 * Yesterday's date in the site's time zone.
 *
 * @param timeZone IANA name or offset such as `+05:30`.
 * @param now      The reference time.
 * @return `YYYY-MM-DD`.
 */
export function siteYesterday(
	timeZone: string,
	now: Date = new Date()
): string {
	return format(
		subDays( new TZDate( now.getTime(), timeZone ), 1 ),
		'yyyy-MM-dd'
	);
}
