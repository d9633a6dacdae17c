/**
 * Internal dependencies
 */
import type { JobListItem, JobsView } from '../types';

/**
 * The view changes that put a new job at the top of the list: newest first,
 * page 1, and no filter that would hide it (a pipeline or flow filter it
 * matches stays). `null` when the view already shows it there.
 *
 * @param view The current view.
 * @param job  The new job.
 */
export function viewShowingJob(
	view: JobsView,
	job: Pick< JobListItem, 'pipeline_id' | 'flow_id' >
): Partial< JobsView > | null {
	const keepsPipeline =
		view.pipelineId === null || view.pipelineId === job.pipeline_id;
	const keepsFlow = view.flowId === null || view.flowId === job.flow_id;
	const showsIt =
		view.page === 1 &&
		view.orderby === 'job_id' &&
		view.order === 'desc' &&
		view.status.length === 0 &&
		view.search === '' &&
		view.range === 'any' &&
		view.after === null &&
		view.before === null &&
		keepsPipeline &&
		keepsFlow;
	if ( showsIt ) {
		return null;
	}
	return {
		page: 1,
		orderby: 'job_id',
		order: 'desc',
		status: [],
		search: '',
		range: 'any',
		after: null,
		before: null,
		pipelineId: keepsPipeline ? view.pipelineId : null,
		flowId: keepsFlow ? view.flowId : null,
	};
}
