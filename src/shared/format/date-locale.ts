/**
 * External dependencies
 */
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';

/**
 * Internal dependencies
 */
import { dateLocaleCandidates } from './locale-tags';

let current: Locale = enUS;

/**
 * The date-fns locale month and weekday names and relative times are written
 * in (US English until `loadDateLocale` found the site's).
 */
export function getDateLocale(): Locale {
	return current;
}

async function importDateLocale( code: string ): Promise< Locale | null > {
	try {
		// The list of loaders is a chunk of its own too: US English sites never fetch it.
		const { DATE_LOCALE_LOADERS } = await import(
			/* webpackChunkName: "date-locales" */ './date-locale-loaders'
		);
		const load = Object.hasOwn( DATE_LOCALE_LOADERS, code )
			? DATE_LOCALE_LOADERS[ code ]
			: undefined;
		return load === undefined ? null : await load();
	} catch {
		return null;
	}
}

/**
 * Loads the date-fns locale of a WordPress locale (`de_DE` → `de`) and makes
 * it the one every date formatter uses; US English when date-fns has none.
 *
 * @param wordpressLocale e.g. `de_DE`.
 * @return The locale now in use.
 */
export async function loadDateLocale(
	wordpressLocale: string
): Promise< Locale > {
	for ( const code of dateLocaleCandidates( wordpressLocale ) ) {
		const locale = await importDateLocale( code );
		if ( locale !== null ) {
			current = locale;
			return current;
		}
	}
	current = enUS;
	return current;
}
