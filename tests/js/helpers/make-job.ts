/**
 * Internal dependencies
 */
import type { JobListItem } from '../../../src/shared/types';

/**
 * A job as the REST API returns it, with overridable fields.
 *
 * @param overrides Fields to change.
 */
export function makeJob( overrides: Partial< JobListItem > = {} ): JobListItem {
	return {
		id: 1,
		pipeline_id: 3,
		pipeline_name: 'News import',
		flow_id: 7,
		flow_name: 'Hourly RSS',
		status: 'completed',
		status_known: true,
		status_reason: null,
		raw_status: 'completed',
		source: null,
		label: null,
		parent_job_id: null,
		user_id: null,
		is_final: true,
		created_at: '2025-03-05T14:03:04Z',
		completed_at: '2025-03-05T14:04:10Z',
		duration: 66,
		...overrides,
	};
}

/**
 * `count` jobs with descending IDs, as the default sort returns them.
 *
 * @param count How many jobs.
 */
export function makeJobs( count: number ): JobListItem[] {
	return Array.from( { length: count }, ( _, index ) =>
		makeJob( { id: count - index } )
	);
}
