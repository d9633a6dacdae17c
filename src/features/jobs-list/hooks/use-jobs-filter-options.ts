/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store as catalogStore } from '../../../shared/catalog/store';
import { useStoreInRegistry } from '../../../shared/data/use-store-in-registry';
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
 * flow when none is chosen) and the jobs per status, each read through its
 * resolver (asked of the server once, again after a write).
 *
 * @param pipelineId The chosen pipeline, or `null`.
 */
export function useJobsFilterOptions(
	pipelineId: number | null
): JobsFilterOptions {
	useStoreInRegistry( catalogStore );
	return useSelect(
		( select ) => ( {
			pipelines: select( catalogStore ).getPipelines(),
			flows: select( catalogStore ).getFlows( pipelineId ),
			counts: select( store ).getStatusCounts(),
		} ),
		[ pipelineId ]
	);
}
