/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getStatusLabel } from '../../status/status-display';
import type { JobListItem } from '../../types';

/**
 * What a finished job's announcement says: "Job #12 (Hourly import) failed:
 * timeout." Screen readers hear the same words.
 *
 * @param job The job, final.
 */
export function announcementText( job: JobListItem ): string {
	const name = job.flow_name ?? job.pipeline_name;
	const subject =
		name === null
			? sprintf(
					/* translators: %d: job ID */
					__( 'Job #%d', 'dm-jobs' ),
					job.id
				)
			: sprintf(
					/* translators: 1: job ID, 2: flow or pipeline name */
					__( 'Job #%1$d (%2$s)', 'dm-jobs' ),
					job.id,
					name
				);
	const status = getStatusLabel( job.status );
	return job.status_reason === null || job.status_reason === ''
		? sprintf(
				/* translators: 1: "Job #12 (Flow)", 2: status label such as "Completed" */
				__( '%1$s finished: %2$s.', 'dm-jobs' ),
				subject,
				status
			)
		: sprintf(
				/* translators: 1: "Job #12 (Flow)", 2: status label, 3: reason */
				__( '%1$s finished: %2$s (%3$s).', 'dm-jobs' ),
				subject,
				status,
				job.status_reason
			);
}
