/**
 * External dependencies
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * WordPress dependencies
 */
import { _x } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getDateLocale } from './date-locale';

export type DatePattern =
	| 'day'
	| 'dayYear'
	| 'dayTime'
	| 'dayYearTime'
	| 'weekdayDayTime'
	| 'weekdayDayYear'
	| 'time'
	| 'timeSeconds';

/**
 * A date-fns pattern in the order the site's language writes dates: the
 * patterns are translatable ("MMM d, HH:mm" becomes "d. MMM, HH:mm" in
 * German), the month and weekday names come from the date-fns locale.
 *
 * @param name Which parts the date shows.
 */
export function datePattern( name: DatePattern ): string {
	switch ( name ) {
		case 'day':
			return _x( 'MMM d', 'date-fns format: day', 'dm-jobs' );
		case 'dayYear':
			return _x(
				'MMM d, yyyy',
				'date-fns format: day and year',
				'dm-jobs'
			);
		case 'dayTime':
			return _x(
				'MMM d, HH:mm',
				'date-fns format: day and time',
				'dm-jobs'
			);
		case 'dayYearTime':
			return _x(
				'MMM d yyyy, HH:mm',
				'date-fns format: day, year and time',
				'dm-jobs'
			);
		case 'weekdayDayTime':
			return _x(
				'EEE, MMM d, HH:mm',
				'date-fns format: weekday, day and time',
				'dm-jobs'
			);
		case 'weekdayDayYear':
			return _x(
				'EEE, MMM d, yyyy',
				'date-fns format: weekday, day and year',
				'dm-jobs'
			);
		case 'time':
			return _x( 'HH:mm', 'date-fns format: time', 'dm-jobs' );
		case 'timeSeconds':
			return _x(
				'HH:mm:ss',
				'date-fns format: time with seconds',
				'dm-jobs'
			);
	}
}

/**
 * A moment in a time zone, in the site's language ("Mar 5, 09:03", or
 * "5. März, 09:03" in German).
 *
 * @param date     The moment (a date or ms since epoch).
 * @param pattern  Which parts to show, or a date-fns pattern that needs no
 *                 translation (`PPpp` is already the locale's own).
 * @param timeZone IANA name or UTC offset such as `+05:30`.
 */
export function formatInTimeZone(
	date: Date | number,
	pattern: DatePattern | 'PPpp',
	timeZone: string
): string {
	const time = typeof date === 'number' ? date : date.getTime();
	return format(
		new TZDate( time, timeZone ),
		pattern === 'PPpp' ? pattern : datePattern( pattern ),
		{ locale: getDateLocale() }
	);
}

function calendarDay( day: string ): Date {
	const [ year, month, date ] = day.split( '-' ).map( Number );
	return new Date( year, month - 1, date );
}

/**
 * A calendar date that has no time zone (a `YYYY-MM-DD` day the server
 * already counted in the site's zone), in the site's language.
 *
 * @param day     `YYYY-MM-DD`.
 * @param pattern Which parts to show.
 */
export function formatCalendarDay(
	day: string,
	pattern: 'day' | 'dayYear' | 'weekdayDayYear'
): string {
	return format( calendarDay( day ), datePattern( pattern ), {
		locale: getDateLocale(),
	} );
}

/**
 * Name of an ISO weekday (1 = Monday … 7 = Sunday) in the site's language.
 *
 * @param weekday ISO weekday.
 * @param style   `long` (Monday) or `short` (Mon).
 */
export function weekdayName(
	weekday: number,
	style: 'long' | 'short' = 'long'
): string {
	// 2024-01-01 was a Monday.
	return format(
		calendarDay( `2024-01-${ String( weekday ).padStart( 2, '0' ) }` ),
		style === 'long' ? 'EEEE' : 'EEE',
		{ locale: getDateLocale() }
	);
}

/**
 * An hour of the day as "09:00".
 *
 * @param hour 0–23.
 */
export function hourLabel( hour: number ): string {
	return `${ String( hour ).padStart( 2, '0' ) }:00`;
}
