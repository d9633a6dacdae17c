/**
 * Chart colours. Finished statuses follow the status badges: completed is
 * green, failed is red, every other status a shade of the badges' neutral
 * grey (darker for the more frequent ones, so stacked bars stay readable).
 */

/**
 * Internal dependencies
 */
import type { FinalStatus } from '../types';

export const STATUS_COLORS: Record< FinalStatus, string > = {
	completed: '#00a32a',
	completed_no_items: '#8c8f94',
	agent_skipped: '#c3c4c7',
	failed: '#d63638',
	cancelled: '#50575e',
	other: '#dcdcde',
};

/**
 * Lines that are not statuses (pipelines, averages): admin blue first, then
 * hues that are neither green nor red.
 */
export const SERIES_COLORS = [
	'#2271b1',
	'#b26200',
	'#8a4baf',
	'#007c89',
	'#c9356e',
	'#5c6b00',
	'#1d35b4',
	'#7a5a3a',
];

export function seriesColor( index: number ): string {
	return SERIES_COLORS[ index % SERIES_COLORS.length ];
}

/** Average duration bars. */
export const AVG_COLOR = '#72aee6';
/** p95 duration bars. */
export const P95_COLOR = '#135e96';
/** Success rate line (the badge green). */
export const SUCCESS_COLOR = '#00a32a';
/** Heatmap cells, with opacity by count. */
export const HEAT_COLOR = '34, 113, 177';
