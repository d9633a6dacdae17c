/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { RetentionStep } from '../types';
import { formatRows } from './row-counts';

export function stepLabel( key: RetentionStep[ 'key' ] ): string {
	const labels: Record< RetentionStep[ 'key' ], string > = {
		completed: __( 'Completed jobs', 'dm-jobs' ),
		failed: __( 'Failed and cancelled jobs', 'dm-jobs' ),
		engine_data: __( 'Engine data shed', 'dm-jobs' ),
		audit: __( 'Audit entries', 'dm-jobs' ),
	};
	return labels[ key ];
}

/**
 * One step of a retention run or dry run, e.g. "Completed jobs: 1,234 jobs
 * (older than 30 days)".
 *
 * @param step The step's rule and its age in days.
 * @param rows How many rows it removed (or would remove).
 */
export function describeRetentionStep(
	step: Pick< RetentionStep, 'key' | 'days' >,
	rows: number
): string {
	return sprintf(
		/* translators: 1: rule name, 2: e.g. "1,234 jobs", 3: days. */
		__( '%1$s: %2$s (older than %3$d days)', 'dm-jobs' ),
		stepLabel( step.key ),
		formatRows( rows, step.key === 'audit' ? 'entries' : 'jobs' ),
		step.days
	);
}
