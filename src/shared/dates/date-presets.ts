/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * The date presets of the jobs list and of Insights, each defined once.
 *
 * "Yesterday" is the same on both: the whole previous day in the site's time
 * zone. The "Last N" presets must differ, and say so: the list filters rows
 * back from now (7d = the last 168 hours); Insights charts whole days in the
 * site's zone (7d = today and the 6 days before; 24h = this hour and the 23
 * before), so its Range control shows `insightsPresetSpan`.
 */
export type DatePreset =
	'any' | 'yesterday' | '24h' | '7d' | '30d' | '90d' | 'custom';

/** Yesterday in the site's time zone, chosen as a one-day custom range. */
export const YESTERDAY = 'yesterday';

/**
 * The name of a preset, the same on every screen.
 *
 * @param preset The preset.
 */
export function datePresetLabel( preset: DatePreset ): string {
	switch ( preset ) {
		case 'any':
			return __( 'Any time', 'dm-jobs' );
		case 'yesterday':
			return __( 'Yesterday', 'dm-jobs' );
		case '24h':
			return __( 'Last 24 hours', 'dm-jobs' );
		case '7d':
			return __( 'Last 7 days', 'dm-jobs' );
		case '30d':
			return __( 'Last 30 days', 'dm-jobs' );
		case '90d':
			return __( 'Last 90 days', 'dm-jobs' );
		case 'custom':
			return __( 'Custom range', 'dm-jobs' );
	}
}

const INSIGHTS_WHOLE_DAYS: Readonly< Partial< Record< DatePreset, number > > > =
	{ '7d': 7, '30d': 30, '90d': 90 };

/**
 * What an Insights preset spans, where it differs from the list's rolling
 * window: whole hours, or whole days in the site's zone, today included.
 *
 * @param preset        The preset.
 * @param timeZoneLabel How the site's zone is named.
 * @return The note, or `null` where Insights means what the list means.
 */
export function insightsPresetSpan(
	preset: DatePreset,
	timeZoneLabel: string
): string | null {
	if ( preset === '24h' ) {
		return sprintf(
			/* translators: %s: time zone name. */
			__( 'Whole hours: this hour and the 23 before (%s).', 'dm-jobs' ),
			timeZoneLabel
		);
	}
	const days = INSIGHTS_WHOLE_DAYS[ preset ];
	if ( days === undefined ) {
		return null;
	}
	return sprintf(
		/* translators: 1: number of days before today, 2: time zone name. */
		__( 'Whole days: today and the %1$d days before (%2$s).', 'dm-jobs' ),
		days - 1,
		timeZoneLabel
	);
}
