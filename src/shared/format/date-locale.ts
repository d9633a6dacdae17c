/**
 * External dependencies
 */
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';

declare global {
	interface Window {
		/**
		 * The date-fns locale of the site's language: set by the script PHP
		 * enqueues before the app on sites not in US English
		 * (build/date-locales/<code>.js).
		 */
		dmJobsDateLocale?: unknown;
	}
}

let current: Locale = enUS;

function isDateLocale( value: unknown ): value is Locale {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const { code, formatDistance, localize } = value as Partial< Locale >;
	return (
		typeof code === 'string' &&
		typeof formatDistance === 'function' &&
		typeof localize === 'object'
	);
}

/**
 * The date-fns locale month and weekday names and relative times are written
 * in (US English until `applySiteDateLocale` found the site's).
 */
export function getDateLocale(): Locale {
	return current;
}

/**
 * Makes the date-fns locale the page loaded for the site's language the one
 * every date formatter uses; US English when the page has none.
 *
 * @return The locale now in use.
 */
export function applySiteDateLocale(): Locale {
	current = isDateLocale( window.dmJobsDateLocale )
		? window.dmJobsDateLocale
		: enUS;
	return current;
}
