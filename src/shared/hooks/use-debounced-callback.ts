/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useRef } from '@wordpress/element';

export interface DebouncedCallback< Args extends unknown[] > {
	( ...args: Args ): void;
	/** Runs a pending call now. */
	flush: () => void;
	/** Drops a pending call. */
	cancel: () => void;
}

/**
 * A stable function that calls `callback` once calls have stopped for
 * `delay` ms (with the last arguments). Pending calls are dropped on unmount.
 *
 * @param callback What to call.
 * @param delay    Quiet time in ms.
 */
export function useDebouncedCallback< Args extends unknown[] >(
	callback: ( ...args: Args ) => void,
	delay: number
): DebouncedCallback< Args > {
	const latest = useRef( callback );
	const timer = useRef< ReturnType< typeof setTimeout > | null >( null );
	const pending = useRef< Args | null >( null );

	useEffect( () => {
		latest.current = callback;
	}, [ callback ] );

	const cancel = useCallback( () => {
		if ( timer.current !== null ) {
			clearTimeout( timer.current );
			timer.current = null;
		}
		pending.current = null;
	}, [] );

	const flush = useCallback( () => {
		const args = pending.current;
		cancel();
		if ( args !== null ) {
			latest.current( ...args );
		}
	}, [ cancel ] );

	useEffect( () => cancel, [ cancel ] );

	const debounced = useCallback(
		( ...args: Args ) => {
			if ( timer.current !== null ) {
				clearTimeout( timer.current );
			}
			pending.current = args;
			timer.current = setTimeout( flush, delay );
		},
		[ delay, flush ]
	);

	return Object.assign( debounced, { flush, cancel } );
}
