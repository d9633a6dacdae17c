/**
 * Internal dependencies
 */
import { queryToParams } from '../../../shared/api/jobs-api';
import { queryKey } from '../../../shared/data/query-cache';
import { BASE_STATUSES } from '../../../shared/types';
import type { BaseStatus, JobsQuery } from '../../../shared/types';

function isBaseStatus( value: string ): value is BaseStatus {
	return ( BASE_STATUSES as readonly string[] ).includes( value );
}

/**
 * The query as the server sees it: only the `JobsQuery` fields (a view's
 * `range` name is dropped), values clamped and ordered as they are sent, so
 * two views that ask the same request give equal queries.
 *
 * @param query A query or a view.
 */
export function normalizeJobsQuery( query: JobsQuery ): JobsQuery {
	const params = queryToParams( query );
	return {
		page: params.page,
		perPage: params.per_page,
		status: ( params.status?.split( ',' ) ?? [] ).filter( isBaseStatus ),
		pipelineId: params.pipeline_id ?? null,
		flowId: params.flow_id ?? null,
		search: params.search ?? '',
		after: params.after ?? null,
		before: params.before ?? null,
		orderby: params.orderby,
		order: params.order,
	};
}

/**
 * The cache key of a query's page: its REST parameters.
 *
 * @param query A query or a view.
 */
export function jobsQueryKey( query: JobsQuery ): string {
	return queryKey( queryToParams( query ) );
}
