/**
 * A bounded cache of server answers keyed by their normalised query: what
 * every store keeps for its resolvers. The least recently used entry goes
 * first when the cache is full.
 */

export interface CachedAnswer< Query, Data > {
	/** The normalised query (the resolver's argument). */
	query: Query;
	data: Data;
	/** When the answer arrived (ms). */
	receivedAt: number;
}

export interface QueryCache< Query, Data > {
	entries: Readonly< Record< string, CachedAnswer< Query, Data > > >;
	/** Keys, least recently used first. */
	order: readonly string[];
}

export function emptyCache< Query, Data >(): QueryCache< Query, Data > {
	return { entries: {}, order: [] };
}

/**
 * A stable key of a normalised query: equal queries give equal keys.
 *
 * @param query The query (JSON-serialisable, properties in a fixed order).
 */
export function queryKey( query: unknown ): string {
	return JSON.stringify( query ) ?? '';
}

export function cachedData< Query, Data >(
	cache: QueryCache< Query, Data >,
	key: string
): Data | undefined {
	return cache.entries[ key ]?.data;
}

/**
 * The queries a `put` of `key` would push out of a cache of `limit` entries.
 *
 * @param cache The cache.
 * @param key   The key about to be stored (or used).
 * @param limit Most entries kept.
 */
export function overflowingQueries< Query, Data >(
	cache: QueryCache< Query, Data >,
	key: string,
	limit: number
): Query[] {
	const others = cache.order.filter( ( item ) => item !== key );
	const excess = others.length + 1 - limit;
	if ( excess <= 0 ) {
		return [];
	}
	return others
		.slice( 0, excess )
		.map( ( item ) => cache.entries[ item ].query );
}

/**
 * The cache with an answer stored (as the most recently used) and the least
 * recently used entries dropped beyond `limit`.
 *
 * @param cache  The cache.
 * @param key    The query's key.
 * @param answer The answer.
 * @param limit  Most entries kept.
 */
export function putAnswer< Query, Data >(
	cache: QueryCache< Query, Data >,
	key: string,
	answer: CachedAnswer< Query, Data >,
	limit: number
): QueryCache< Query, Data > {
	const order = [ ...cache.order.filter( ( item ) => item !== key ), key ];
	const dropped = order.splice( 0, Math.max( 0, order.length - limit ) );
	const entries = { ...cache.entries, [ key ]: answer };
	dropped.forEach( ( item ) => delete entries[ item ] );
	return { entries, order };
}

/**
 * The cache with `key` marked as just used (kept longest).
 *
 * @param cache The cache.
 * @param key   The key.
 */
export function touchAnswer< Query, Data >(
	cache: QueryCache< Query, Data >,
	key: string
): QueryCache< Query, Data > {
	if (
		cache.entries[ key ] === undefined ||
		cache.order[ cache.order.length - 1 ] === key
	) {
		return cache;
	}
	return {
		entries: cache.entries,
		order: [ ...cache.order.filter( ( item ) => item !== key ), key ],
	};
}

/**
 * The cache without the given keys.
 *
 * @param cache The cache.
 * @param keys  Keys to drop.
 */
export function dropAnswers< Query, Data >(
	cache: QueryCache< Query, Data >,
	keys: readonly string[]
): QueryCache< Query, Data > {
	const gone = keys.filter( ( key ) => cache.entries[ key ] !== undefined );
	if ( gone.length === 0 ) {
		return cache;
	}
	const entries = { ...cache.entries };
	gone.forEach( ( key ) => delete entries[ key ] );
	return {
		entries,
		order: cache.order.filter( ( item ) => ! gone.includes( item ) ),
	};
}

/**
 * The queries of every entry but `keep`.
 *
 * @param cache The cache.
 * @param keep  Key to leave out.
 */
export function otherQueries< Query, Data >(
	cache: QueryCache< Query, Data >,
	keep: string | null
): Query[] {
	return cache.order
		.filter( ( key ) => key !== keep )
		.map( ( key ) => cache.entries[ key ].query );
}
