/**
 * The one way features read server state: a @wordpress/data store whose
 * `getAnswer( resource, query )` selector is resolved once per query (the
 * resolver calls the feature's api function), cached in a bounded cache per
 * resource, and invalidated by writes (`invalidate( resource )`). The jobs
 * list's store follows the same pattern by hand for its live updates.
 */

/**
 * WordPress dependencies
 */
import {
	createReduxStore,
	register,
	useDispatch,
	useSelect,
} from '@wordpress/data';
import { useCallback } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../api/api-request-error';
import type { ApiError } from '../types';
import {
	cachedData,
	dropAnswers,
	emptyCache,
	overflowingQueries,
	putAnswer,
	queryKey,
} from './query-cache';
import type { QueryCache } from './query-cache';
import type { ResolutionDispatch } from './resolution';
import { useStoreInRegistry } from './use-store-in-registry';

export interface QueryResource< Query, Data > {
	/** Asks the server (the feature's api function). */
	fetch: ( query: Query ) => Promise< Data >;
	/** Most answers kept (least recently used dropped first); 10 by default. */
	limit?: number;
}

type AnyResource = QueryResource< never, unknown >;
type QueryOf< R > =
	R extends QueryResource< infer Query, unknown > ? Query : never;
type DataOf< R > = R extends QueryResource< never, infer Data > ? Data : never;

interface FailedQuery {
	query: unknown;
	error: ApiError;
}

export interface QueryStoreState {
	answers: Record< string, QueryCache< unknown, unknown > >;
	errors: Record< string, Record< string, FailedQuery > >;
}

type QueryStoreAction =
	| {
			type: 'RECEIVE_ANSWER';
			resource: string;
			query: unknown;
			data: unknown;
			limit: number;
	  }
	| {
			type: 'RECEIVE_ERROR';
			resource: string;
			query: unknown;
			error: ApiError;
	  }
	| { type: 'FORGET_ANSWERS'; resource: string; queries: unknown[] };

const DEFAULT_LIMIT = 10;

const initialState: QueryStoreState = { answers: {}, errors: {} };

function withoutKey< T >(
	record: Record< string, T > | undefined,
	key: string
): Record< string, T > {
	const copy = { ...record };
	delete copy[ key ];
	return copy;
}

function reducer(
	state: QueryStoreState = initialState,
	action: QueryStoreAction
): QueryStoreState {
	switch ( action.type ) {
		case 'RECEIVE_ANSWER': {
			const key = queryKey( action.query );
			return {
				answers: {
					...state.answers,
					[ action.resource ]: putAnswer(
						state.answers[ action.resource ] ?? emptyCache(),
						key,
						{
							query: action.query,
							data: action.data,
							receivedAt: Date.now(),
						},
						action.limit
					),
				},
				errors: {
					...state.errors,
					[ action.resource ]: withoutKey(
						state.errors[ action.resource ],
						key
					),
				},
			};
		}
		case 'RECEIVE_ERROR':
			return {
				...state,
				errors: {
					...state.errors,
					[ action.resource ]: {
						...state.errors[ action.resource ],
						[ queryKey( action.query ) ]: {
							query: action.query,
							error: action.error,
						},
					},
				},
			};
		case 'FORGET_ANSWERS': {
			const cache = state.answers[ action.resource ];
			if ( cache === undefined ) {
				return state;
			}
			return {
				...state,
				answers: {
					...state.answers,
					[ action.resource ]: dropAnswers(
						cache,
						action.queries.map( queryKey )
					),
				},
			};
		}
		default:
			return state;
	}
}

const selectors = {
	/**
	 * A resource's answer to a query, `undefined` until it arrived.
	 *
	 * @param state    Store state.
	 * @param resource The resource.
	 * @param query    Its query.
	 */
	getAnswer(
		state: QueryStoreState,
		resource: string,
		query: unknown
	): unknown {
		const cache = state.answers[ resource ];
		return cache === undefined
			? undefined
			: cachedData( cache, queryKey( query ) );
	},
	getError(
		state: QueryStoreState,
		resource: string,
		query: unknown
	): ApiError | null {
		return state.errors[ resource ]?.[ queryKey( query ) ]?.error ?? null;
	},
	/**
	 * Every query of a resource the store knows of (answered or failed).
	 *
	 * @param state    Store state.
	 * @param resource The resource.
	 */
	getKnownQueries( state: QueryStoreState, resource: string ): unknown[] {
		const answered = state.answers[ resource ]?.order ?? [];
		const cache = state.answers[ resource ];
		const failed = Object.values( state.errors[ resource ] ?? {} );
		return [
			...answered.map( ( key ) => cache?.entries[ key ].query ),
			...failed.map( ( item ) => item.query ),
		];
	},
	getPushedOut(
		state: QueryStoreState,
		resource: string,
		query: unknown,
		limit: number
	): unknown[] {
		const cache = state.answers[ resource ];
		return cache === undefined
			? []
			: overflowingQueries( cache, queryKey( query ), limit );
	},
	getCachedCount( state: QueryStoreState, resource: string ): number {
		return state.answers[ resource ]?.order.length ?? 0;
	},
};

interface ThunkArgs {
	dispatch: ( ( action: QueryStoreAction ) => void ) & ResolutionDispatch;
	select: {
		getKnownQueries: ( resource: string ) => unknown[];
		getPushedOut: (
			resource: string,
			query: unknown,
			limit: number
		) => unknown[];
	};
}

export interface QueryState< Data > {
	/** The answer, `undefined` until it arrived (kept while reloading). */
	data: Data | undefined;
	error: ApiError | null;
	/** A request for this query is on its way. */
	loading: boolean;
	/** Asks the server again. */
	reload: () => void;
}

/**
 * Creates (and registers) a feature's server-state store.
 *
 * @param name      Store name, e.g. `dm-jobs/insights-data`.
 * @param resources What can be read, by resource name.
 * @return The store, a hook that reads one query of a resource, and a hook
 *         that gives the store's actions.
 */
export function createQueryStore<
	Resources extends Record< string, AnyResource >,
>( name: string, resources: Resources ) {
	const limitOf = ( resource: string ) =>
		resources[ resource ]?.limit ?? DEFAULT_LIMIT;

	const actions = {
		/**
		 * Stores an answer a write returned (the new state of the resource).
		 *
		 * @param resource The resource.
		 * @param query    Its query.
		 * @param data     The answer.
		 */
		receiveAnswer(
			resource: keyof Resources & string,
			query: unknown,
			data: unknown
		): QueryStoreAction {
			return {
				type: 'RECEIVE_ANSWER',
				resource,
				query,
				data,
				limit: limitOf( resource ),
			};
		},
		/**
		 * After a write: every query of the resource is asked again when next
		 * read (now, for what is on screen); answers stay shown meanwhile.
		 *
		 * @param resource The resource.
		 */
		invalidate:
			( resource: keyof Resources & string ) =>
			( { dispatch, select }: ThunkArgs ): void => {
				select
					.getKnownQueries( resource )
					.forEach( ( query ) =>
						dispatch.invalidateResolution( 'getAnswer', [
							resource,
							query,
						] )
					);
			},
		/**
		 * Asks the server again for one query.
		 *
		 * @param resource The resource.
		 * @param query    Its query.
		 */
		reload:
			( resource: keyof Resources & string, query: unknown ) =>
			( { dispatch }: ThunkArgs ): void => {
				dispatch.invalidateResolution( 'getAnswer', [
					resource,
					query,
				] );
			},
	};

	const resolvers = {
		getAnswer:
			( resource: string, query: unknown ) =>
			async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
				const source = resources[ resource ] as
					QueryResource< unknown, unknown > | undefined;
				if ( source === undefined ) {
					return;
				}
				let data: unknown;
				try {
					data = await source.fetch( query );
				} catch ( caught ) {
					const error = ApiRequestError.from( caught );
					dispatch( {
						type: 'RECEIVE_ERROR',
						resource,
						query,
						error: error.toJSON(),
					} );
					throw error;
				}
				const limit = limitOf( resource );
				const pushedOut = select.getPushedOut( resource, query, limit );
				dispatch( {
					type: 'RECEIVE_ANSWER',
					resource,
					query,
					data,
					limit,
				} );
				dispatch( {
					type: 'FORGET_ANSWERS',
					resource,
					queries: pushedOut,
				} );
				pushedOut.forEach( ( old ) =>
					dispatch.invalidateResolution( 'getAnswer', [
						resource,
						old,
					] )
				);
			},
	};

	const store = createReduxStore( name, {
		reducer,
		selectors,
		actions,
		resolvers,
	} );
	register( store );

	/**
	 * Reads one query of a resource through its resolver: asked of the
	 * server once, answered from the store afterwards, asked again after a
	 * write invalidated it.
	 *
	 * @param resource The resource.
	 * @param query    Its query (`null` for resources without one).
	 * @param enabled  `false` reads nothing (and asks nothing).
	 */
	function useQuery< Name extends keyof Resources & string >(
		resource: Name,
		query: QueryOf< Resources[ Name ] >,
		enabled = true
	): QueryState< DataOf< Resources[ Name ] > > {
		useStoreInRegistry( store );
		const key = queryKey( query );
		const state = useSelect(
			( select ) => {
				if ( ! enabled ) {
					return { data: undefined, error: null, resolving: false };
				}
				const read = select( store );
				return {
					// The resolver stored what `resources[ resource ].fetch` returned.
					data: read.getAnswer( resource, query ) as
						DataOf< Resources[ Name ] > | undefined,
					error: read.getError( resource, query ),
					resolving: read.isResolving( 'getAnswer', [
						resource,
						query,
					] ),
				};
			},
			// `key` stands for the query's value.
			// eslint-disable-next-line react-hooks/exhaustive-deps
			[ resource, key, enabled ]
		);
		const { reload } = useDispatch( store );
		const reloadQuery = useCallback(
			() => reload( resource, query ),
			// eslint-disable-next-line react-hooks/exhaustive-deps
			[ reload, resource, key ]
		);
		return {
			data: state.data,
			error: state.error,
			loading:
				enabled &&
				( state.resolving ||
					( state.data === undefined && state.error === null ) ),
			reload: reloadQuery,
		};
	}

	/**
	 * The store's actions (`invalidate`, `receiveAnswer`, `reload`) in the
	 * registry the component renders in.
	 */
	function useActions() {
		useStoreInRegistry( store );
		return useDispatch( store );
	}

	return { store, useQuery, useActions };
}
