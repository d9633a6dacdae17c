/**
 * Running Data Machine work: `POST /flows/{id}/run`, `POST /jobs/{id}/rerun`.
 */

/**
 * Internal dependencies
 */
import { isFlowRun } from '../../generated/rest-contract';
import { requestChecked } from '../api/request-json';
import { getConfig } from '../config';
import type { RunResult } from './types';

function post( path: string ): Promise< RunResult > {
	return requestChecked(
		{ path: `/${ getConfig().restNamespace }${ path }`, method: 'POST' },
		isFlowRun
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
