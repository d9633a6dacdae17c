/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { store } from '../store';
import type {
	FlowSummary,
	PipelineSummary,
	StatusCounts,
} from '../../../shared/types';

export interface JobsFilterOptions {
	/** `null` while loading. */
	pipelines: PipelineSummary[] | null;
	/** Flows of the chosen pipeline (or all flows); `null` while loading. */
	flows: FlowSummary[] | null;
	counts: StatusCounts | null;
}

/**
 * What the filters offer: pipelines, the flows of the chosen pipeline (every
 * flow when none is chosen) and the jobs per status. Loads what is missing.
 *
 * @param pipelineId The chosen pipeline, or `null`.
 */
export function useJobsFilterOptions(
	pipelineId: number | null
): JobsFilterOptions {
	const options = useSelect(
		( select ) => ( {
			pipelines: select( store ).getPipelines(),
			flows: select( store ).getFlows( pipelineId ),
			counts: select( store ).getStatusCounts(),
		} ),
		[ pipelineId ]
	);
	const { fetchPipelines, fetchFlows, fetchStatusCounts } =
		useDispatch( store );

	useEffect( () => {
		void fetchPipelines();
		void fetchStatusCounts();
	}, [ fetchPipelines, fetchStatusCounts ] );

	useEffect( () => {
		void fetchFlows( pipelineId );
	}, [ fetchFlows, pipelineId ] );

	return options;
}
