/**
 * Internal dependencies
 */
import type { AdminToolsConfig } from './types';

declare global {
	interface Window {
		dmJobsAdminTools?: Partial< AdminToolsConfig >;
	}
}

function text( value: unknown, fallback = '' ): string {
	return typeof value === 'string' ? value : fallback;
}

/**
 * Reads `window.dmJobsAdminTools` (printed by PHP), with safe defaults.
 *
 * @param raw The raw value.
 */
export function getAdminToolsConfig(
	raw: unknown = typeof window === 'undefined'
		? undefined
		: window.dmJobsAdminTools
): AdminToolsConfig {
	const source =
		typeof raw === 'object' && raw !== null
			? ( raw as Record< string, unknown > )
			: {};
	return {
		restNonce: text( source.restNonce ),
		exportUrl: text( source.exportUrl, '/wp-json/dm-jobs/v1/export' ),
		userLogin: text( source.userLogin ),
		filesDir: text( source.filesDir ),
		usesSqlite: source.usesSqlite === true,
	};
}
