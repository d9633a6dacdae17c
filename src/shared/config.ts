/**
 * Internal dependencies
 */
import type { DmJobsConfig, FirstPaint, SiteTimezone } from './types';

declare global {
	interface Window {
		dmJobsConfig?: Partial< DmJobsConfig >;
	}
}

export const DEFAULT_REST_NAMESPACE = 'dm-jobs/v1';

function readTimezone( value: unknown ): SiteTimezone {
	if ( typeof value !== 'object' || value === null ) {
		return { name: '', offsetMinutes: 0 };
	}
	const { name, offsetMinutes } = value as Record< string, unknown >;
	return {
		name: typeof name === 'string' ? name : '',
		offsetMinutes:
			typeof offsetMinutes === 'number' &&
			Number.isFinite( offsetMinutes )
				? offsetMinutes
				: 0,
	};
}

function readFirstPaint( value: unknown ): FirstPaint | null {
	if ( typeof value !== 'object' || value === null ) {
		return null;
	}
	const { renderedAt, changeToken } = value as Record< string, unknown >;
	if (
		typeof renderedAt !== 'string' ||
		Number.isNaN( new Date( renderedAt ).getTime() ) ||
		typeof changeToken !== 'string'
	) {
		return null;
	}
	return { renderedAt, changeToken };
}

/** WordPress locale names: `de_DE`, `pt_BR_ao90`, `de_CH_informal`, `fr`. */
const WORDPRESS_LOCALE = /^[a-z]{2,3}(_[A-Za-z0-9]+)*$/;

export const DEFAULT_LOCALE = 'en_US';

function readLocale( value: unknown ): string {
	return typeof value === 'string' && WORDPRESS_LOCALE.test( value )
		? value
		: DEFAULT_LOCALE;
}

function readString( value: unknown ): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Reads the boot data PHP prints as `window.dmJobsConfig`, filling in safe
 * defaults for anything missing or of the wrong type.
 *
 * @param raw The raw value, `window.dmJobsConfig` by default.
 */
export function getConfig(
	raw: unknown = typeof window === 'undefined'
		? undefined
		: window.dmJobsConfig
): DmJobsConfig {
	const source: Record< string, unknown > =
		typeof raw === 'object' && raw !== null
			? ( raw as Record< string, unknown > )
			: {};

	return {
		restNamespace:
			readString( source.restNamespace ) ?? DEFAULT_REST_NAMESPACE,
		timezone: readTimezone( source.timezone ),
		locale: readLocale( source.locale ),
		pipelinesUrl: readString( source.pipelinesUrl ),
		docsUrl: readString( source.docsUrl ) ?? '',
		dataMachineActive: source.dataMachineActive === true,
		version: readString( source.version ) ?? '',
		firstPaint: readFirstPaint( source.firstPaint ),
	};
}
