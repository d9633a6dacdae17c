/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { dataMachineUrl, rememberPipeline } from './admin-link';
import { readIntegrationConfig } from './integration-config';

export interface DataMachineLinkProps {
	pipelineId: number;
	/** The pipeline's name; `null` when it no longer exists. */
	pipelineName: string | null;
	/** For a flow link: the flow and its name (`null` when it no longer exists). */
	flowId?: number;
	flowName?: string | null;
}

/**
 * A pipeline's or flow's name, linked to Data Machine's own screen for it
 * while Data Machine is active; "deleted pipeline #12" when it is gone.
 *
 * @param props              Component props.
 * @param props.pipelineId   The pipeline.
 * @param props.pipelineName Its name.
 * @param props.flowId       The flow, for a flow link.
 * @param props.flowName     Its name.
 */
export function DataMachineLink( {
	pipelineId,
	pipelineName,
	flowId,
	flowName,
}: DataMachineLinkProps ) {
	const isFlow = flowId !== undefined;
	const name = isFlow ? ( flowName ?? null ) : pipelineName;
	const id = isFlow ? flowId : pipelineId;
	if ( id < 1 ) {
		return <span>{ name ?? '—' }</span>;
	}
	if ( name === null ) {
		return (
			<span className="dm-jobs-deleted-ref">
				{ isFlow
					? sprintf(
							/* translators: %d: flow ID */
							__( 'deleted flow #%d', 'dm-jobs' ),
							id
						)
					: sprintf(
							/* translators: %d: pipeline ID */
							__( 'deleted pipeline #%d', 'dm-jobs' ),
							id
						) }
			</span>
		);
	}
	const { links } = readIntegrationConfig();
	if (
		links === null ||
		pipelineId < 1 ||
		( isFlow && pipelineName === null )
	) {
		return <span>{ name }</span>;
	}
	const remember = () => rememberPipeline( links, pipelineId );
	return (
		<a
			href={ dataMachineUrl( links, pipelineId, isFlow ? id : null ) }
			onClick={ remember }
			onAuxClick={ remember }
			onContextMenu={ remember }
			title={
				isFlow
					? __( 'Open this flow in Data Machine', 'dm-jobs' )
					: __( 'Open this pipeline in Data Machine', 'dm-jobs' )
			}
		>
			{ name }
		</a>
	);
}
