/**
 * The jobs list request, `GET /dm-jobs/v1/jobs`: the one place a query (a
 * view's filters, sort, page and size) becomes request parameters, the query
 * those parameters stand for (the store's cache key), and the request that
 * sends them.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { GET_JOBS_PARAMS_SCHEMA, isJob } from '../../generated/rest-contract';
import { getConfig } from '../config';
import { queryKey } from '../data/query-cache';
import { BASE_STATUSES } from '../types';
import type {
	BaseStatus,
	JobsPage,
	JobsQuery,
	JobsRequestParams,
} from '../types';
import { ApiRequestError } from './api-request-error';
import { readPaginationHeaders } from './read-pagination-headers';
import { requestJson } from './request-json';

export const MAX_PER_PAGE = GET_JOBS_PARAMS_SCHEMA.properties.per_page.maximum;

function positiveInteger( value: number | null ): number | undefined {
	if ( value === null || ! Number.isFinite( value ) ) {
		return undefined;
	}
	const integer = Math.floor( value );
	return integer >= 1 ? integer : undefined;
}

function nonEmpty( value: string | null ): string | undefined {
	if ( value === null ) {
		return undefined;
	}
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

function statusList( statuses: BaseStatus[] ): string | undefined {
	const known = BASE_STATUSES.filter( ( status ) =>
		statuses.includes( status )
	);
	return known.length > 0 ? known.join( ',' ) : undefined;
}

/**
 * Turns the screen's query into the REST parameters of `GET /dm-jobs/v1/jobs`.
 *
 * Pure: empty filters are left out, numbers are clamped to what the API
 * accepts, and statuses are de-duplicated in a stable order so equal queries
 * give equal URLs.
 *
 * @param query The query the UI asks for.
 */
export function queryToParams( query: JobsQuery ): JobsRequestParams {
	const params: JobsRequestParams = {
		page: positiveInteger( query.page ) ?? 1,
		per_page: Math.min(
			positiveInteger( query.perPage ) ?? 1,
			MAX_PER_PAGE
		),
		orderby: query.orderby,
		order: query.order,
	};

	const status = statusList( query.status );
	if ( status !== undefined ) {
		params.status = status;
	}
	const pipelineId = positiveInteger( query.pipelineId );
	if ( pipelineId !== undefined ) {
		params.pipeline_id = pipelineId;
	}
	const flowId = positiveInteger( query.flowId );
	if ( flowId !== undefined ) {
		params.flow_id = flowId;
	}
	const search = nonEmpty( query.search );
	if ( search !== undefined ) {
		params.search = search;
	}
	const after = nonEmpty( query.after );
	if ( after !== undefined ) {
		params.after = after;
	}
	const before = nonEmpty( query.before );
	if ( before !== undefined ) {
		params.before = before;
	}

	return params;
}

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

/** The filters of `GET /jobs` as REST parameters (no page, size or sort). */
export type JobsFilterParams = Omit<
	JobsRequestParams,
	'page' | 'per_page' | 'orderby' | 'order'
>;

/**
 * The filter part of a query's REST parameters: exactly what `GET /jobs` is
 * sent, without paging and sort. The live poll, bulk actions and the export
 * send this, so they cover the rows the list shows.
 *
 * @param query The query.
 */
export function filterParams( query: JobsQuery ): JobsFilterParams {
	const {
		page,
		per_page: perPage,
		orderby,
		order,
		...filters
	} = queryToParams( query );
	return filters;
}

function invalidResponse(): ApiRequestError {
	return new ApiRequestError( {
		code: 'invalid_response',
		message: __(
			'The server sent a jobs list this screen cannot read.',
			'dm-jobs'
		),
		status: null,
	} );
}

/**
 * Builds the request path of the jobs list.
 *
 * @param query     What to list.
 * @param namespace REST namespace, `dm-jobs/v1` unless configured otherwise.
 */
export function jobsPath(
	query: JobsQuery,
	namespace: string = getConfig().restNamespace
): string {
	const params = queryToParams( query );
	return addQueryArgs( `/${ namespace }/jobs`, { ...params } );
}

/**
 * Fetches one page of jobs with its totals.
 *
 * Rejects with an `ApiRequestError`.
 *
 * @param query     What to list.
 * @param namespace REST namespace.
 */
export async function fetchJobsPage(
	query: JobsQuery,
	namespace?: string
): Promise< JobsPage > {
	const { body, headers } = await requestJson( jobsPath( query, namespace ) );
	if ( ! Array.isArray( body ) || ! body.every( isJob ) ) {
		throw invalidResponse();
	}

	const { total, totalPages } = readPaginationHeaders(
		headers,
		body.length,
		queryToParams( query ).per_page
	);
	return {
		items: body,
		total,
		totalPages,
		// Past 10,000 matches the server may estimate a filtered total.
		totalExact: headers.get( 'X-DM-Jobs-Total-Exact' ) !== '0',
	};
}
