/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';

export interface RequestState< T > {
	data: T | null;
	error: ApiRequestError | null;
	loading: boolean;
	/** Loads again (keeps the previous data while loading). */
	reload: () => void;
}

/**
 * Loads something when the component mounts and whenever `key` changes;
 * ignores answers that arrive after a newer request or after unmount.
 *
 * @param load A function returning the promise.
 * @param key  A value that changes when the request should be made again.
 */
export function useRequest< T >(
	load: () => Promise< T >,
	key: string
): RequestState< T > {
	const [ data, setData ] = useState< T | null >( null );
	const [ error, setError ] = useState< ApiRequestError | null >( null );
	const [ loading, setLoading ] = useState( true );
	const latest = useRef( 0 );
	const loader = useRef( load );
	loader.current = load;

	const run = useCallback( () => {
		const id = ++latest.current;
		setLoading( true );
		loader
			.current()
			.then( ( answer ) => {
				if ( id === latest.current ) {
					setData( answer );
					setError( null );
				}
			} )
			.catch( ( caught: unknown ) => {
				if ( id === latest.current ) {
					setError( ApiRequestError.from( caught ) );
				}
			} )
			.finally( () => {
				if ( id === latest.current ) {
					setLoading( false );
				}
			} );
	}, [] );

	useEffect( () => {
		run();
		const requests = latest;
		return () => {
			// Answers to this (or an older) request are ignored from now on.
			requests.current++;
		};
	}, [ key, run ] );

	return { data, error, loading, reload: run };
}
