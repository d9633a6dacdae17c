/**
 * External dependencies
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import {
	backoffDelay,
	PollScheduler,
} from '../../../../../src/features/jobs-list/utils/poll-scheduler';
import type {
	PollSchedulerOptions,
	VisibilitySource,
} from '../../../../../src/features/jobs-list/utils/poll-scheduler';

function fakeVisibility() {
	let hidden = false;
	const listeners = new Set< () => void >();
	const source: VisibilitySource = {
		isHidden: () => hidden,
		subscribe: ( listener ) => {
			listeners.add( listener );
			return () => listeners.delete( listener );
		},
	};
	return {
		source,
		listeners,
		set( value: boolean ) {
			hidden = value;
			listeners.forEach( ( listener ) => listener() );
		},
	};
}

/** A poll whose answers the test controls. */
function controlledPoll() {
	const calls: Array< {
		resolve: () => void;
		reject: ( error: unknown ) => void;
	} > = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const poll = vi.fn(
		() =>
			new Promise< void >( ( resolve, reject ) => {
				inFlight++;
				maxInFlight = Math.max( maxInFlight, inFlight );
				calls.push( {
					resolve: () => {
						inFlight--;
						resolve();
					},
					reject: ( error ) => {
						inFlight--;
						reject( error );
					},
				} );
			} )
	);
	return {
		poll,
		calls,
		maxInFlight: () => maxInFlight,
		async answer( ok = true ) {
			const call = calls[ calls.length - 1 ];
			if ( ok ) {
				call.resolve();
			} else {
				call.reject( new Error( 'Gateway timeout' ) );
			}
			// Let the scheduler's `finally` run.
			await vi.advanceTimersByTimeAsync( 0 );
		},
	};
}

/**
 * A started scheduler over a fake page visibility and a poll the test answers.
 *
 * @param options          What else the scheduler starts with.
 * @param options.hidden   The page is hidden when it starts.
 * @param options.onChange Told every state.
 */
function startScheduler( {
	hidden = false,
	onChange,
}: {
	hidden?: boolean;
	onChange?: PollSchedulerOptions[ 'onChange' ];
} = {} ) {
	const visibility = fakeVisibility();
	visibility.set( hidden );
	const control = controlledPoll();
	const scheduler = new PollScheduler( {
		poll: control.poll,
		visibility: visibility.source,
		onChange,
	} );
	scheduler.start();
	return { visibility, control, scheduler };
}

beforeEach( () => {
	vi.useFakeTimers();
} );

afterEach( () => {
	vi.useRealTimers();
} );

describe( 'backoffDelay', () => {
	it( 'doubles from 3 s up to 60 s', () => {
		expect(
			[ 0, 1, 2, 3, 4, 5, 6, 7, 50 ].map( ( failures ) =>
				backoffDelay( failures )
			)
		).toEqual( [
			3000, 3000, 6000, 12000, 24000, 48000, 60000, 60000, 60000,
		] );
	} );
} );

describe( 'PollScheduler', () => {
	it( 'polls every 3 s, each poll after the last one settled', async () => {
		const { control, scheduler } = startScheduler();
		expect( control.poll ).not.toHaveBeenCalled();

		await vi.advanceTimersByTimeAsync( 3000 );
		expect( control.poll ).toHaveBeenCalledTimes( 1 );

		// A slow answer: no second poll while the first is in flight.
		await vi.advanceTimersByTimeAsync( 20_000 );
		expect( control.poll ).toHaveBeenCalledTimes( 1 );
		scheduler.pollNow();
		expect( control.poll ).toHaveBeenCalledTimes( 1 );

		await control.answer();
		await vi.advanceTimersByTimeAsync( 2999 );
		expect( control.poll ).toHaveBeenCalledTimes( 1 );
		await vi.advanceTimersByTimeAsync( 1 );
		expect( control.poll ).toHaveBeenCalledTimes( 2 );
		await control.answer();
		await vi.advanceTimersByTimeAsync( 3000 );
		expect( control.poll ).toHaveBeenCalledTimes( 3 );
		expect( control.maxInFlight() ).toBe( 1 );
		scheduler.stop();
	} );

	it( 'pauses while the page is hidden and catches up when it is shown', async () => {
		const states: string[] = [];
		const { visibility, control, scheduler } = startScheduler( {
			onChange: ( state ) => states.push( state.status ),
		} );
		await vi.advanceTimersByTimeAsync( 3000 );
		await control.answer();

		visibility.set( true );
		expect( scheduler.getState().status ).toBe( 'paused' );
		await vi.advanceTimersByTimeAsync( 60_000 );
		expect( control.poll ).toHaveBeenCalledTimes( 1 );

		visibility.set( false );
		// At once, not after another interval.
		expect( control.poll ).toHaveBeenCalledTimes( 2 );
		expect( states ).toContain( 'paused' );
		await control.answer();
		expect( scheduler.getState().status ).toBe( 'live' );
		scheduler.stop();
	} );

	it( 'does not schedule again when hidden while a poll is in flight', async () => {
		const { visibility, control, scheduler } = startScheduler();
		await vi.advanceTimersByTimeAsync( 3000 );
		visibility.set( true );
		await control.answer();
		await vi.advanceTimersByTimeAsync( 30_000 );
		expect( control.poll ).toHaveBeenCalledTimes( 1 );
		scheduler.stop();
	} );

	it( 'does not start polling while the page starts hidden', async () => {
		const { control, scheduler } = startScheduler( { hidden: true } );
		await vi.advanceTimersByTimeAsync( 30_000 );
		expect( control.poll ).not.toHaveBeenCalled();
		expect( scheduler.getState().status ).toBe( 'paused' );
		scheduler.stop();
	} );

	it( 'backs off after errors (3, 6, 12 … 60 s) and recovers', async () => {
		const { control, scheduler } = startScheduler();
		await vi.advanceTimersByTimeAsync( 3000 );

		const gaps: number[] = [];
		for ( let failure = 1; failure <= 6; failure++ ) {
			const before = control.poll.mock.calls.length;
			const failedAt = Date.now();
			await control.answer( false );
			expect( scheduler.getState() ).toMatchObject( {
				status: 'retrying',
				failures: failure,
			} );
			const retryAt = scheduler.getState().retryAt ?? 0;
			gaps.push( retryAt - failedAt );
			await vi.advanceTimersByTimeAsync( retryAt - Date.now() - 1 );
			expect( control.poll ).toHaveBeenCalledTimes( before );
			await vi.advanceTimersByTimeAsync( 1 );
			expect( control.poll ).toHaveBeenCalledTimes( before + 1 );
		}
		expect( gaps ).toEqual( [ 3000, 6000, 12000, 24000, 48000, 60000 ] );
		expect( scheduler.getState().error ).toEqual(
			new Error( 'Gateway timeout' )
		);

		await control.answer( true );
		expect( scheduler.getState() ).toMatchObject( {
			status: 'live',
			failures: 0,
			error: null,
			retryAt: null,
		} );
		scheduler.stop();
	} );

	it( 'retries at once on "Retry now"', async () => {
		const { control, scheduler } = startScheduler();
		await vi.advanceTimersByTimeAsync( 3000 );
		await control.answer( false );
		await vi.advanceTimersByTimeAsync( 3000 );
		await control.answer( false );
		expect( scheduler.getState().retryAt ).toBe( Date.now() + 6000 );

		scheduler.pollNow();
		expect( control.poll ).toHaveBeenCalledTimes( 3 );
		await control.answer( true );
		expect( scheduler.getState().status ).toBe( 'live' );
		// The old backoff timer is gone: the next poll is 3 s later.
		await vi.advanceTimersByTimeAsync( 3000 );
		expect( control.poll ).toHaveBeenCalledTimes( 4 );
		scheduler.stop();
	} );

	it( 'stops polling and listening when stopped', async () => {
		const { visibility, control, scheduler } = startScheduler();
		expect( visibility.listeners.size ).toBe( 1 );
		scheduler.stop();
		expect( visibility.listeners.size ).toBe( 0 );
		await vi.advanceTimersByTimeAsync( 30_000 );
		expect( control.poll ).not.toHaveBeenCalled();
		expect( scheduler.getState().status ).toBe( 'idle' );
	} );
} );
