/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { dataMachineUrl, rememberPipeline } from './admin-link';
import { readIntegrationConfig } from './integration-config';

export interface OpenInDataMachineProps {
	pipelineId: number;
	/** For the flow's screen. */
	flowId?: number;
}

/**
 * "Open in Data Machine": the pipeline's (or flow's) screen in Data Machine's
 * own admin, for the Data Machine generation in use; nothing while Data
 * Machine is inactive.
 *
 * @param props            Component props.
 * @param props.pipelineId The pipeline.
 * @param props.flowId     The flow.
 */
export function OpenInDataMachine( {
	pipelineId,
	flowId,
}: OpenInDataMachineProps ) {
	const { links } = readIntegrationConfig();
	if ( links === null || pipelineId < 1 ) {
		return null;
	}
	const remember = () => rememberPipeline( links, pipelineId );
	return (
		<a
			className="dm-jobs-open-in-data-machine"
			href={ dataMachineUrl( links, pipelineId, flowId ?? null ) }
			onClick={ remember }
			onAuxClick={ remember }
			onContextMenu={ remember }
		>
			{ flowId === undefined
				? __( 'Open pipeline in Data Machine', 'dm-jobs' )
				: __( 'Open flow in Data Machine', 'dm-jobs' ) }
		</a>
	);
}
