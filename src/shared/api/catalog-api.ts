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
import { isRecord } from '../contract/schema-guard';
import { invalidResponseError, isCount, requestJson } from './request-json';

function isId( value: unknown ): value is number {
	return isCount( value ) && value > 0;
}

function isPipeline( value: unknown ): value is PipelineSummary {
	return (
		isRecord( value ) &&
		isId( value.id ) &&
		typeof value.name === 'string' &&
		isCount( value.flow_count )
	);
}

function isFlow( value: unknown ): value is FlowSummary {
	return (
		isRecord( value ) &&
		isId( value.id ) &&
		isId( value.pipeline_id ) &&
		typeof value.name === 'string'
	);
}

/**
 * Every pipeline with its number of flows.
 *
 * @param namespace REST namespace.
 */
export async function fetchPipelines(
	namespace: string = getConfig().restNamespace
): Promise< PipelineSummary[] > {
	const { body } = await requestJson( `/${ namespace }/pipelines` );
	if ( ! Array.isArray( body ) || ! body.every( isPipeline ) ) {
		throw invalidResponseError();
	}
	return body.map( ( pipeline ) => ( {
		id: pipeline.id,
		name: pipeline.name,
		flow_count: pipeline.flow_count,
	} ) );
}

/**
 * The flows of one pipeline, or every flow.
 *
 * @param pipelineId The pipeline, or `null` for all flows.
 * @param namespace  REST namespace.
 */
export async function fetchFlows(
	pipelineId: number | null,
	namespace: string = getConfig().restNamespace
): Promise< FlowSummary[] > {
	const path =
		pipelineId === null
			? `/${ namespace }/flows`
			: addQueryArgs( `/${ namespace }/flows`, {
					pipeline_id: pipelineId,
				} );
	const { body } = await requestJson( path );
	if ( ! Array.isArray( body ) || ! body.every( isFlow ) ) {
		throw invalidResponseError();
	}
	return body.map( ( flow ) => ( {
		id: flow.id,
		pipeline_id: flow.pipeline_id,
		name: flow.name,
	} ) );
}
