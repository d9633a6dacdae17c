/**
 * Internal dependencies
 */
import { getConfig } from '../config';
import type { DmJobsConfig } from '../types';
import { toIntlLocale } from './locale-tags';
import { getTimeZoneLabel, resolveTimeZone } from './time-zone';

/**
 * The site's locale and time zone as every formatter uses them, worked out
 * once from the boot data.
 */
export interface SiteFormat {
	/** BCP 47 tag for `Intl`, e.g. `de-DE`; `undefined` for the browser's. */
	intlLocale: string | undefined;
	/** IANA name or fixed offset such as `+05:30` (both work with `TZDate`). */
	timeZone: string;
	/** How the zone is named next to an exact time, e.g. `America/New_York`. */
	timeZoneLabel: string;
}

let current: SiteFormat | null = null;

/**
 * The locale and time zone of boot data.
 *
 * @param config Boot data.
 */
export function siteFormatOf(
	config: Pick< DmJobsConfig, 'locale' | 'timezone' >
): SiteFormat {
	return {
		intlLocale: toIntlLocale( config.locale ),
		timeZone: resolveTimeZone( config.timezone ),
		timeZoneLabel: getTimeZoneLabel( config.timezone ),
	};
}

/**
 * Sets the locale and time zone every formatter uses (the app does it once,
 * from the boot data it mounts with).
 *
 * @param config Boot data.
 */
export function setSiteFormat(
	config: Pick< DmJobsConfig, 'locale' | 'timezone' >
): void {
	current = siteFormatOf( config );
}

/**
 * The site's locale and time zone; read from `window.dmJobsConfig` the first
 * time when nothing set them.
 */
export function getSiteFormat(): SiteFormat {
	current ??= siteFormatOf( getConfig() );
	return current;
}
