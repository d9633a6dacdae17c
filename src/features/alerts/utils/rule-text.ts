/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AlertRuleId } from '../types';

/**
 * What a rule watches, in one sentence.
 *
 * @param rule The rule.
 */
export function ruleDescription( rule: AlertRuleId ): string {
	const descriptions: Record< AlertRuleId, string > = {
		failure_rate: __(
			'A pipeline whose finished jobs failed at or above a percentage in the last hours, once enough jobs finished to judge.',
			'dm-jobs'
		),
		degraded: __(
			'A pipeline whose durations or failure rate left its own baseline (the rule Insights uses).',
			'dm-jobs'
		),
		stuck: __(
			'Jobs pending or processing for longer than a number of minutes. The list also marks them "Stuck".',
			'dm-jobs'
		),
		table_size: __(
			'The jobs table grew over a size or a number of rows (measured hourly).',
			'dm-jobs'
		),
		refresh_stale: __(
			'The background refresh (WP-Cron, every five minutes) has not run for a number of minutes.',
			'dm-jobs'
		),
	};
	return descriptions[ rule ];
}

/**
 * The label of one threshold field.
 *
 * @param field The field name from the API.
 */
export function fieldLabel( field: string ): string {
	const labels: Record< string, string > = {
		threshold_percent: __( 'Failure rate at or above (%)', 'dm-jobs' ),
		hours: __( 'In the last (hours)', 'dm-jobs' ),
		min_jobs: __( 'Only with at least (finished jobs)', 'dm-jobs' ),
		recent_hours: __( 'Recent window (hours)', 'dm-jobs' ),
		baseline_days: __( 'Baseline (days before it)', 'dm-jobs' ),
		minutes: __( 'After (minutes)', 'dm-jobs' ),
		max_mb: __( 'Larger than (MB, 0 = off)', 'dm-jobs' ),
		max_rows: __( 'More rows than (0 = off)', 'dm-jobs' ),
	};
	return labels[ field ] ?? field;
}
