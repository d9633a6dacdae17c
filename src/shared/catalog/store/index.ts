/**
 * The pipelines and flows the filters of the list, the admin tools and the
 * insights offer: resolved once per query and shared by every feature.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { fetchFlows, fetchPipelines } from '../../api/catalog-api';
import {
	cachedData,
	emptyCache,
	overflowingQueries,
	putAnswer,
	queryKey,
} from '../../data/query-cache';
import type { QueryCache } from '../../data/query-cache';
import { forgetQueries } from '../../data/resolution';
import type { ResolutionDispatch } from '../../data/resolution';
import type { FlowSummary, PipelineSummary } from '../../types';

export const STORE_NAME = 'dm-jobs/catalog';

/** Most flow lists kept (one per pipeline asked for, and "every flow"). */
export const FLOWS_CACHE_LIMIT = 20;

export interface CatalogState {
	/** `null` until loaded. */
	pipelines: PipelineSummary[] | null;
	/** Flows by pipeline ID (`null`: every flow). */
	flows: QueryCache< number | null, FlowSummary[] >;
}

type CatalogAction =
	| { type: 'RECEIVE_PIPELINES'; pipelines: PipelineSummary[] }
	| {
			type: 'RECEIVE_FLOWS';
			pipelineId: number | null;
			flows: FlowSummary[];
	  };

const initialState: CatalogState = { pipelines: null, flows: emptyCache() };

function reducer(
	state: CatalogState = initialState,
	action: CatalogAction
): CatalogState {
	switch ( action.type ) {
		case 'RECEIVE_PIPELINES':
			return { ...state, pipelines: action.pipelines };
		case 'RECEIVE_FLOWS':
			return {
				...state,
				flows: putAnswer(
					state.flows,
					queryKey( action.pipelineId ),
					{
						query: action.pipelineId,
						data: action.flows,
						receivedAt: Date.now(),
					},
					FLOWS_CACHE_LIMIT
				),
			};
		default:
			return state;
	}
}

const selectors = {
	getPipelines( state: CatalogState ): PipelineSummary[] | null {
		return state.pipelines;
	},
	/**
	 * The flows of a pipeline (or every flow), `null` until loaded.
	 *
	 * @param state      Store state.
	 * @param pipelineId The pipeline, or `null` for every flow.
	 */
	getFlows(
		state: CatalogState,
		pipelineId: number | null
	): FlowSummary[] | null {
		return cachedData( state.flows, queryKey( pipelineId ) ) ?? null;
	},
	getFlowListsPushedOutBy(
		state: CatalogState,
		pipelineId: number | null
	): Array< number | null > {
		return overflowingQueries(
			state.flows,
			queryKey( pipelineId ),
			FLOWS_CACHE_LIMIT
		);
	},
};

interface ResolverArgs {
	dispatch: ( ( action: CatalogAction ) => void ) & ResolutionDispatch;
	select: {
		getFlowListsPushedOutBy: (
			pipelineId: number | null
		) => Array< number | null >;
	};
}

const resolvers = {
	getPipelines:
		() =>
		async ( { dispatch }: ResolverArgs ): Promise< void > => {
			let pipelines: PipelineSummary[];
			try {
				pipelines = await fetchPipelines();
			} catch {
				// The filters work without the list.
				pipelines = [];
			}
			dispatch( { type: 'RECEIVE_PIPELINES', pipelines } );
		},
	getFlows:
		( pipelineId: number | null ) =>
		async ( { dispatch, select }: ResolverArgs ): Promise< void > => {
			let flows: FlowSummary[];
			try {
				flows = await fetchFlows( pipelineId );
			} catch {
				flows = [];
			}
			const pushedOut = select.getFlowListsPushedOutBy( pipelineId );
			dispatch( { type: 'RECEIVE_FLOWS', pipelineId, flows } );
			forgetQueries( dispatch, 'getFlows', pushedOut );
		},
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	selectors,
	resolvers,
} );

register( store );
