/**
 * Running Data Machine work: `POST /flows/{id}/run`, `POST /jobs/{id}/rerun`.
 */

/**
 * Internal dependencies
 */
import { isJobListItem } from '../api/is-job-list-item';
import { requestChecked } from '../api/request-json';
import { isRecord } from '../contract/schema-guard';
import { getConfig } from '../config';
import type { RunResult } from './types';

function isRunResult( result: unknown ): result is RunResult {
	return (
		isRecord( result ) &&
		typeof result.flow_id === 'number' &&
		( result.job_id === null || typeof result.job_id === 'number' ) &&
		typeof result.skipped === 'boolean' &&
		( result.job === null || isJobListItem( result.job ) )
	);
}

function post( path: string ): Promise< RunResult > {
	return requestChecked(
		{ path: `/${ getConfig().restNamespace }${ path }`, method: 'POST' },
		isRunResult
	);
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
