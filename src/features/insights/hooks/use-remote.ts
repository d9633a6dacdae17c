/**
 * Loads something from the server whenever its key changes, ignoring answers
 * to requests that were superseded, and keeping the last data while a new
 * request runs (charts stay visible, marked busy).
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';
import type { LoadState } from '../types';

function toApiError( error: unknown ): ApiError {
	if (
		typeof error === 'object' &&
		error !== null &&
		'message' in error &&
		typeof error.message === 'string'
	) {
		const record = error as { code?: unknown; status?: unknown };
		return {
			code:
				typeof record.code === 'string' ? record.code : 'unknown_error',
			message: error.message,
			status: typeof record.status === 'number' ? record.status : null,
		};
	}
	return { code: 'unknown_error', message: String( error ), status: null };
}

export interface Remote< T > {
	state: LoadState< T >;
	reload: () => void;
}

/**
 * @param key  Changes when the request changes (e.g. its query string); `null`
 *             means "do not load".
 * @param load Fetches the data.
 */
export function useRemote< T >(
	key: string | null,
	load: () => Promise< T >
): Remote< T > {
	const [ state, setState ] = useState< LoadState< T > >( {
		status: 'loading',
		data: null,
		error: null,
	} );
	const [ attempt, setAttempt ] = useState( 0 );
	const latest = useRef( 0 );
	const loadRef = useRef( load );
	loadRef.current = load;

	useEffect( () => {
		if ( key === null ) {
			return;
		}
		const request = ++latest.current;
		setState( ( previous ) => ( {
			status: 'loading',
			data: previous.data,
			error: null,
		} ) );
		loadRef.current().then(
			( data ) => {
				if ( request === latest.current ) {
					setState( { status: 'ready', data, error: null } );
				}
			},
			( error: unknown ) => {
				if ( request === latest.current ) {
					setState( ( previous ) => ( {
						status: 'error',
						data: previous.data,
						error: toApiError( error ),
					} ) );
				}
			}
		);
	}, [ key, attempt ] );

	const reload = useCallback(
		() => setAttempt( ( value ) => value + 1 ),
		[]
	);
	return { state, reload };
}
