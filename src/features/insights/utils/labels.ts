/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getStatusLabel } from '../../../shared/status/status-display';
import type { FinalStatus } from '../types';

/**
 * Label of a finished-job status in charts ("other" is an unknown status).
 *
 * @param status A final status.
 */
export function finalStatusLabel( status: FinalStatus ): string {
	return status === 'other'
		? __( 'Other status', 'dm-jobs' )
		: getStatusLabel( status );
}

/**
 * Name of a pipeline, or a placeholder for one that no longer exists.
 *
 * @param name       Pipeline name, or `null`.
 * @param pipelineId Its ID.
 */
export function pipelineLabel(
	name: string | null,
	pipelineId: number
): string {
	return (
		name ??
		sprintf(
			/* translators: %d: pipeline ID. */
			__( 'Pipeline #%d (deleted)', 'dm-jobs' ),
			pipelineId
		)
	);
}
