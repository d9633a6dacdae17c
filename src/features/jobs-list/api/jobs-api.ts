/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { getConfig } from '../../../shared/config';
import type { JobsPage, JobsQuery } from '../../../shared/types';
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { isJob } from '../../../generated/rest-contract';
import { queryToParams } from '../../../shared/api/query-to-params';
import { readPaginationHeaders } from '../../../shared/api/read-pagination-headers';
import { requestJson } from '../../../shared/api/request-json';

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
