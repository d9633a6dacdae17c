/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as catalogStore } from '../../../shared/catalog/store';
import { useStoreInRegistry } from '../../../shared/data/use-store-in-registry';
import { store } from '../store';
import {
	distinctLabels,
	idOptions,
	readIdOption,
} from './jobs-pipeline-filter';

/**
 * Flow select, narrowed to the chosen pipeline. Without a pipeline it lists
 * every flow with its pipeline's name, and choosing a flow chooses its
 * pipeline too. Reads and changes the list's view in the store; flows and
 * pipelines come from the catalog (`null` while loading).
 */
export function JobsFlowFilter() {
	useStoreInRegistry( catalogStore );
	const { flowId: value, pipelineId } = useSelect(
		( select ) => select( store ).getQuery(),
		[]
	);
	const { flows, pipelines } = useSelect(
		( select ) => ( {
			flows: select( catalogStore ).getFlows( pipelineId ),
			pipelines: select( catalogStore ).getPipelines(),
		} ),
		[ pipelineId ]
	);
	const { updateView } = useDispatch( store );
	const onChange = ( flowId: number | null, flowPipelineId: number | null ) =>
		void updateView( { flowId, pipelineId: flowPipelineId } );
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
