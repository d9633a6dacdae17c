/**
 * Live updates and counts of the jobs list: `GET /jobs/changes`,
 * `GET /jobs/counts`, and the look-ups they need.
 */

/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { getConfig } from '../../../shared/config';
import { BASE_STATUSES } from '../../../shared/types';
import type {
	BaseStatus,
	JobsChanges,
	JobsQuery,
	StatusCounts,
} from '../../../shared/types';
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { isJobsChanges, isJobsCounts } from '../../../generated/rest-contract';
import { fetchJobsPage, filterParams } from '../../../shared/api/jobs-api';
import { requestChecked, requestJson } from '../../../shared/api/request-json';
import { isRecord } from '../../../shared/contract/schema-guard';

export interface ChangesRequest {
	/** Token of the last poll, `''` for the first one. */
	token: string;
	/** Newest job ID known to the view; new matching jobs above it are counted. */
	sinceId: number | null;
	/** Filters of the view. */
	query: JobsQuery;
	/** Jobs whose state should come back with the answer (the screen watches them). */
	watch?: readonly number[];
}

/**
 * Path of `GET /jobs/changes` for a poll.
 *
 * @param request   Token, since_id and filters.
 * @param namespace REST namespace.
 */
export function changesPath(
	request: ChangesRequest,
	namespace: string = getConfig().restNamespace
): string {
	const args: Record< string, string | number > = { token: request.token };
	if ( request.sinceId !== null ) {
		args.since_id = request.sinceId;
	}
	if ( request.watch !== undefined && request.watch.length > 0 ) {
		args.watch = request.watch.join( ',' );
	}
	return addQueryArgs( `/${ namespace }/jobs/changes`, {
		...args,
		...filterParams( request.query ),
	} );
}

/**
 * Asks whether anything moved since the last poll. Cheap when nothing did.
 *
 * @param request   Token, since_id and filters.
 * @param namespace REST namespace.
 */
export async function fetchChanges(
	request: ChangesRequest,
	namespace?: string
): Promise< JobsChanges > {
	const body = await requestChecked(
		changesPath( request, namespace ),
		isJobsChanges
	);
	const changes: JobsChanges = {
		token: body.token,
		changed: body.changed,
		newJobs: body.new_jobs ?? null,
	};
	if ( body.watched !== undefined ) {
		changes.watched = body.watched;
	}
	return changes;
}

/**
 * Jobs per base status.
 *
 * @param namespace REST namespace.
 */
export async function fetchStatusCounts(
	namespace: string = getConfig().restNamespace
): Promise< StatusCounts > {
	const body = await requestChecked(
		`/${ namespace }/jobs/counts`,
		isJobsCounts
	);
	const byStatus = Object.fromEntries(
		BASE_STATUSES.map( ( status ) => [
			status,
			body.by_status[ status ] ?? 0,
		] )
	) as Record< BaseStatus, number >;
	return {
		total: body.total,
		exact: body.exact,
		asOf: body.as_of,
		byStatus,
	};
}

/**
 * The highest job ID matching the query's filters (0 when none), so a poll
 * can count jobs newer than everything the view knows of.
 *
 * @param query     The view's query (its filters are used).
 * @param namespace REST namespace.
 */
export async function fetchNewestJobId(
	query: JobsQuery,
	namespace?: string
): Promise< number > {
	const page = await fetchJobsPage(
		{ ...query, page: 1, perPage: 1, orderby: 'job_id', order: 'desc' },
		namespace
	);
	return page.items[ 0 ]?.id ?? 0;
}

/**
 * Whether a job with this ID exists (for "search by ID jumps to the job").
 *
 * @param jobId     The ID.
 * @param namespace REST namespace.
 */
export async function jobExists(
	jobId: number,
	namespace: string = getConfig().restNamespace
): Promise< boolean > {
	try {
		const { body } = await requestJson(
			addQueryArgs( `/${ namespace }/jobs/${ jobId }`, { _fields: 'id' } )
		);
		return isRecord( body ) && body.id === jobId;
	} catch ( error ) {
		if ( error instanceof ApiRequestError && error.status === 404 ) {
			return false;
		}
		throw error;
	}
}
