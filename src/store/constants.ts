/**
 * Internal dependencies
 */
import type { JobsQuery } from '../types';

export const STORE_NAME = 'dm-jobs/jobs';

export const DEFAULT_PER_PAGE = 20;

/**
 * The list as first shown: newest jobs first, no filters.
 */
export const DEFAULT_QUERY: Readonly< JobsQuery > = Object.freeze( {
	page: 1,
	perPage: DEFAULT_PER_PAGE,
	status: [],
	pipelineId: null,
	flowId: null,
	search: '',
	after: null,
	before: null,
	orderby: 'job_id',
	order: 'desc',
} );
