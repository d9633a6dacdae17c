/**
 * Running Data Machine work: `POST /flows/{id}/run`, `POST /jobs/{id}/rerun`.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../api/api-request-error';
import { isJobListItem } from '../api/is-job-list-item';
import { normalizeApiError } from '../api/normalize-api-error';
import { getConfig } from '../config';
import type { RunResult } from './types';

function isRunResult( body: unknown ): body is RunResult {
	if ( typeof body !== 'object' || body === null ) {
		return false;
	}
	const result = body as Record< string, unknown >;
	return (
		typeof result.flow_id === 'number' &&
		( result.job_id === null || typeof result.job_id === 'number' ) &&
		typeof result.skipped === 'boolean' &&
		( result.job === null || isJobListItem( result.job ) )
	);
}

async function post( path: string ): Promise< RunResult > {
	let body: unknown;
	try {
		body = await apiFetch( {
			path: `/${ getConfig().restNamespace }${ path }`,
			method: 'POST',
		} );
	} catch ( error ) {
		throw new ApiRequestError( await normalizeApiError( error ) );
	}
	if ( ! isRunResult( body ) ) {
		throw new ApiRequestError( {
			code: 'invalid_response',
			message: __(
				'The server sent an answer this screen cannot read.',
				'dm-jobs'
			),
			status: null,
		} );
	}
	return body;
}

/**
 * Runs a flow now through Data Machine.
 *
 * @param flowId The flow.
 */
export function runFlow( flowId: number ): Promise< RunResult > {
	return post( `/flows/${ flowId }/run` );
}

/**
 * Runs the flow of a failed job again (a new job).
 *
 * @param jobId The failed job.
 */
export function rerunJob( jobId: number ): Promise< RunResult > {
	return post( `/jobs/${ jobId }/rerun` );
}
