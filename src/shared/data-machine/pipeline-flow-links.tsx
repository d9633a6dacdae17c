/**
 * Internal dependencies
 */
import { formatPipelineFlow } from '../format/format-pipeline-flow';
import type { JobListItem } from '../types';
import { readIntegrationConfig } from './integration-config';
import { DataMachineLink } from './data-machine-link';

export interface PipelineFlowLinksProps {
	job: Pick<
		JobListItem,
		'pipeline_id' | 'pipeline_name' | 'flow_id' | 'flow_name'
	>;
}

/**
 * "Pipeline → Flow" of a job; while Data Machine is active each name links to
 * its screen in Data Machine's admin (deleted ones say so).
 *
 * @param props     Component props.
 * @param props.job The job.
 */
export function PipelineFlowLinks( { job }: PipelineFlowLinksProps ) {
	if ( readIntegrationConfig().links === null ) {
		return <>{ formatPipelineFlow( job ) }</>;
	}
	return (
		<span className="dm-jobs-pipeline-flow">
			<DataMachineLink
				pipelineId={ job.pipeline_id ?? 0 }
				pipelineName={ job.pipeline_name }
			/>
			{ ' → ' }
			<DataMachineLink
				pipelineId={ job.pipeline_id ?? 0 }
				pipelineName={ job.pipeline_name }
				flowId={ job.flow_id ?? 0 }
				flowName={ job.flow_name }
			/>
		</span>
	);
}
