/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobListItem } from '../types';
import './stuck-badge.scss';

export interface StuckBadgeProps {
	job: Pick< JobListItem, 'is_stuck' >;
}

/**
 * "Stuck" next to the status of a job that has been pending or processing
 * longer than the stuck-jobs alert threshold (the server decides; no query per row).
 *
 * @param props     Component props.
 * @param props.job The job.
 */
export function StuckBadge( { job }: StuckBadgeProps ) {
	if ( job.is_stuck !== true ) {
		return null;
	}
	return (
		<span
			className="dm-jobs-stuck-badge"
			title={ __(
				'Pending or processing for longer than the stuck-jobs alert threshold.',
				'dm-jobs'
			) }
		>
			{ __( 'Stuck', 'dm-jobs' ) }
		</span>
	);
}
