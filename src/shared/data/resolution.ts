/**
 * What the stores' thunks and resolvers use of @wordpress/data's resolution
 * metadata: the resolver cache keyed by the (normalised) selector arguments.
 */

export interface ResolutionDispatch {
	invalidateResolution: ( selectorName: string, args: unknown[] ) => void;
	invalidateResolutionForStoreSelector: ( selectorName: string ) => void;
}

export interface ResolutionSelect {
	hasResolutionFailed: ( selectorName: string, args?: unknown[] ) => boolean;
	hasFinishedResolution: (
		selectorName: string,
		args?: unknown[]
	) => boolean;
	isResolving: ( selectorName: string, args?: unknown[] ) => boolean;
}

/**
 * Forgets the resolutions of some queries, so the next read of each asks
 * the server again (after a write, or when the cache dropped their answers).
 *
 * @param dispatch     The store's dispatch.
 * @param selectorName The resolver's selector.
 * @param queries      The normalised queries (one argument each).
 */
export function forgetQueries(
	dispatch: ResolutionDispatch,
	selectorName: string,
	queries: readonly unknown[]
): void {
	queries.forEach( ( query ) =>
		dispatch.invalidateResolution( selectorName, [ query ] )
	);
}
