/**
 * Pipelines and flows for the list's filters.
 */

/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { getConfig } from '../config';
import type { FlowSummary, PipelineSummary } from '../types';
import {
	isGetFlowsResponse,
	isGetPipelinesResponse,
} from '../../generated/rest-contract';
import { requestChecked } from './request-json';

/**
 * Every pipeline with its number of flows.
 *
 * @param namespace REST namespace.
 */
export function fetchPipelines(
	namespace: string = getConfig().restNamespace
): Promise< PipelineSummary[] > {
	return requestChecked(
		`/${ namespace }/pipelines`,
		isGetPipelinesResponse
	);
}

/**
 * The flows of one pipeline, or every flow.
 *
 * @param pipelineId The pipeline, or `null` for all flows.
 * @param namespace  REST namespace.
 */
export function fetchFlows(
	pipelineId: number | null,
	namespace: string = getConfig().restNamespace
): Promise< FlowSummary[] > {
	const path =
		pipelineId === null
			? `/${ namespace }/flows`
			: addQueryArgs( `/${ namespace }/flows`, {
					pipeline_id: pipelineId,
				} );
	return requestChecked( path, isGetFlowsResponse );
}
