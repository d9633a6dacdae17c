/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { store } from '../store';
import type { LiveContext } from '../store/live';
import { PollScheduler } from '../utils/poll-scheduler';
import type { PollSchedulerOptions, PollState } from '../utils/poll-scheduler';

/** The element the "nothing moves under the pointer" rule protects. */
export const TABLE_SELECTOR = '.dm-jobs-table-wrapper';

/**
 * Where the user is, read from the DOM: whether the table's top is in view
 * and whether the pointer or keyboard focus is on the table.
 *
 * @param doc The document.
 * @return The context, and a function that stops tracking the pointer.
 */
export function trackUserPosition(
	doc: Document = document
): LiveContext & { stop: () => void } {
	let pointerOnTable = false;
	const onPointerOver = ( event: Event ) => {
		const { target } = event;
		pointerOnTable =
			target instanceof Element &&
			target.closest( TABLE_SELECTOR ) !== null;
	};
	const onPointerLeave = () => {
		pointerOnTable = false;
	};
	doc.addEventListener( 'mouseover', onPointerOver );
	doc.documentElement.addEventListener( 'mouseleave', onPointerLeave );

	return {
		isAtTop: () => {
			const table = doc.querySelector( TABLE_SELECTOR );
			if ( table === null ) {
				return true;
			}
			return table.getBoundingClientRect().top >= 0;
		},
		isUserOnTable: () => {
			const table = doc.querySelector( TABLE_SELECTOR );
			if ( table === null ) {
				return false;
			}
			return pointerOnTable || table.contains( doc.activeElement );
		},
		stop: () => {
			doc.removeEventListener( 'mouseover', onPointerOver );
			doc.documentElement.removeEventListener(
				'mouseleave',
				onPointerLeave
			);
		},
	};
}

export interface LiveUpdates {
	state: PollState;
	/** Polls now (the "Retry now" button). */
	retryNow: () => void;
}

/**
 * Keeps the list live while the tab is visible: polls for changes every 3 s
 * (never two polls in flight), pauses while the tab is hidden and backs off
 * after errors (3 s → 6 → 12 … 60 s). Starts once the first page is shown.
 *
 * @param options Scheduler overrides (tests).
 */
export function useLiveUpdates(
	options: Partial< Omit< PollSchedulerOptions, 'poll' | 'onChange' > > = {}
): LiveUpdates {
	const hasLoaded = useSelect(
		( select ) => select( store ).hasLoaded(),
		[]
	);
	const { pollChanges } = useDispatch( store );
	const [ state, setState ] = useState< PollState >( {
		status: 'idle',
		failures: 0,
		error: null,
		retryAt: null,
		inFlight: false,
	} );
	const scheduler = useRef< PollScheduler | null >( null );
	const optionsRef = useRef( options );

	useEffect( () => {
		if ( ! hasLoaded ) {
			return;
		}
		const position = trackUserPosition();
		const instance = new PollScheduler( {
			...optionsRef.current,
			poll: () => pollChanges( position ),
			onChange: setState,
		} );
		scheduler.current = instance;
		instance.start();
		return () => {
			instance.stop();
			position.stop();
			scheduler.current = null;
		};
	}, [ hasLoaded, pollChanges ] );

	return {
		state,
		retryNow: () => scheduler.current?.pollNow(),
	};
}

/**
 * The current time, updated every `interval` ms (for "Updated 30 s ago").
 *
 * @param interval Milliseconds between updates.
 */
export function useNow( interval: number ): number {
	const [ now, setNow ] = useState( () => Date.now() );
	useEffect( () => {
		const timer = setInterval( () => setNow( Date.now() ), interval );
		return () => clearInterval( timer );
	}, [ interval ] );
	return now;
}
