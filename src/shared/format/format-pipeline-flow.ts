/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobListItem } from '../types';

function named( name: string | null ): string | null {
	const trimmed = name?.trim() ?? '';
	return trimmed === '' ? null : trimmed;
}

/**
 * "Pipeline → Flow" text of a job, naming deleted or unnamed pipelines and
 * flows by their ID.
 *
 * @param job A job from the list.
 */
export function formatPipelineFlow(
	job: Pick<
		JobListItem,
		'pipeline_id' | 'pipeline_name' | 'flow_id' | 'flow_name'
	>
): string {
	const pipeline =
		named( job.pipeline_name ) ??
		( job.pipeline_id === null
			? '—'
			: sprintf(
					/* translators: %d: pipeline ID. */
					__( 'Pipeline #%d', 'dm-jobs' ),
					job.pipeline_id
				) );
	const flow =
		named( job.flow_name ) ??
		( job.flow_id === null
			? '—'
			: sprintf(
					/* translators: %d: flow ID. */
					__( 'Flow #%d', 'dm-jobs' ),
					job.flow_id
				) );
	return sprintf(
		/* translators: 1: pipeline name, 2: flow name. */
		__( '%1$s → %2$s', 'dm-jobs' ),
		pipeline,
		flow
	);
}
