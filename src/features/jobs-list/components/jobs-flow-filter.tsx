/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FlowSummary, PipelineSummary } from '../../../shared/types';
import {
	distinctLabels,
	idOptions,
	readIdOption,
} from './jobs-pipeline-filter';

export interface JobsFlowFilterProps {
	value: number | null;
	pipelineId: number | null;
	/** Flows of the chosen pipeline (all flows when none); `null` while loading. */
	flows: FlowSummary[] | null;
	pipelines: PipelineSummary[] | null;
	/** Chooses a flow; with no pipeline chosen, also chooses its pipeline. */
	onChange: ( flowId: number | null, pipelineId: number | null ) => void;
}

/**
 * Flow select, narrowed to the chosen pipeline. Without a pipeline it lists
 * every flow with its pipeline's name.
 *
 * @param props Component props.
 */
export function JobsFlowFilter( props: JobsFlowFilterProps ) {
	const { value, pipelineId, flows, pipelines, onChange } = props;
	const pipelineLabels = distinctLabels( pipelines ?? [] );
	const pipelineName = ( id: number ) =>
		pipelineLabels.get( id ) ??
		sprintf(
			/* translators: %d: pipeline ID. */
			__( 'Pipeline #%d', 'dm-jobs' ),
			id
		);
	const shown = ( flows ?? [] ).filter(
		( flow ) => pipelineId === null || flow.pipeline_id === pipelineId
	);
	const flowLabels = distinctLabels( pipelineId === null ? [] : shown );
	const items = shown.map( ( flow ) => ( {
		id: flow.id,
		pipelineId: flow.pipeline_id,
		label:
			pipelineId === null
				? sprintf(
						/* translators: 1: flow name, 2: pipeline name. */
						__( '%1$s (%2$s)', 'dm-jobs' ),
						flow.name,
						pipelineName( flow.pipeline_id )
					)
				: ( flowLabels.get( flow.id ) ?? flow.name ),
	} ) );

	return (
		<div className="dm-jobs-filter dm-jobs-filter--flow">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Flow', 'dm-jobs' ) }
				value={ value === null ? '' : String( value ) }
				options={ idOptions(
					__( 'All flows', 'dm-jobs' ),
					items,
					value,
					( id ) =>
						sprintf(
							/* translators: %d: flow ID. */
							__( 'Flow #%d', 'dm-jobs' ),
							id
						)
				) }
				onChange={ ( next ) => {
					const flowId = readIdOption( next );
					const flow = items.find( ( item ) => item.id === flowId );
					onChange( flowId, pipelineId ?? flow?.pipelineId ?? null );
				} }
			/>
		</div>
	);
}
