/**
 * External dependencies
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { FakeJobsServer } from '../../../helpers/fake-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeJob, makeJobs } from '../../../helpers/make-job';
import { renderApp } from '../../../helpers/render-app';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

beforeEach( () => {
	window.history.replaceState( null, '', '/wp-admin/admin.php?page=dm-jobs' );
	vi.useFakeTimers( { shouldAdvanceTime: true } );
	server = serveApiFetch( new FakeJobsServer( makeJobs( 45 ) ) );
} );

afterEach( () => {
	vi.useRealTimers();
} );

function rowIds(): string[] {
	const table = screen.getByRole( 'table', { name: 'Jobs' } );
	return Array.from( table.querySelectorAll( 'tbody tr' ) ).map(
		( row ) => row.getAttribute( 'data-job-id' ) ?? ''
	);
}

/**
 * Runs the next poll (3 s later) and lets its requests settle.
 *
 * @param ms How far to move the clock.
 */
async function nextPoll( ms = 3000 ) {
	await act( async () => {
		await vi.advanceTimersByTimeAsync( ms );
	} );
	await act( async () => {
		await vi.advanceTimersByTimeAsync( 50 );
	} );
}

async function shown() {
	await screen.findByRole( 'table', { name: 'Jobs' } );
	// The first poll has no token yet: let it pass.
	await nextPoll();
}

function setHidden( hidden: boolean ) {
	Object.defineProperty( document, 'hidden', {
		configurable: true,
		get: () => hidden,
	} );
	document.dispatchEvent( new Event( 'visibilitychange' ) );
}

describe( 'Jobs screen: live updates', () => {
	it( 'shows new jobs at the top of page 1 without a reload', async () => {
		renderApp();
		await shown();
		expect( screen.getByText( 'Updated just now' ) ).toBeVisible();

		server.setJobs( makeJobs( 47 ) );
		await nextPoll();
		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '47' ) );
		expect( rowIds() ).toHaveLength( 20 );
		expect( document.querySelector( '.dm-jobs-total' ) ).toHaveTextContent(
			'47 jobs'
		);
		// Quietly: no loading state, no bar.
		expect( screen.queryByText( /Loading jobs/ ) ).not.toBeInTheDocument();
		expect( screen.queryByText( /new job/ ) ).not.toBeInTheDocument();
	} );

	it( 'updates a changed row in place', async () => {
		renderApp();
		await shown();
		const row = document.querySelector( 'tr[data-job-id="44"]' );

		server.setJobs(
			makeJobs( 45 ).map( ( job ) =>
				job.id === 44
					? makeJob( {
							id: 44,
							status: 'failed',
							status_reason: 'x',
							raw_status: 'failed - x',
						} )
					: job
			)
		);
		await nextPoll();
		await waitFor( () =>
			expect(
				row?.querySelector( '.dm-jobs-status-badge' )
			).toHaveAttribute( 'data-status', 'failed' )
		);
		// The same row element, still in its place.
		expect( document.querySelector( 'tr[data-job-id="44"]' ) ).toBe( row );
		expect( rowIds()[ 1 ] ).toBe( '44' );
	} );

	it( 'holds new jobs behind a bar while the pointer is on the table', async () => {
		const user = userEvent.setup( {
			advanceTimers: vi.advanceTimersByTime,
		} );
		renderApp();
		await shown();
		const before = rowIds();

		fireEvent.mouseOver(
			document.querySelector( 'tr[data-job-id="40"] td' ) as Element
		);
		server.setJobs( makeJobs( 48 ) );
		await nextPoll();

		expect( await screen.findByText( '3 new jobs' ) ).toBeVisible();
		expect( rowIds() ).toEqual( before );
		expect( document.querySelector( '.dm-jobs-total' ) ).toHaveTextContent(
			'48 jobs'
		);

		await user.click( screen.getByRole( 'button', { name: 'Show' } ) );
		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '48' ) );
		expect( screen.queryByText( '3 new jobs' ) ).not.toBeInTheDocument();
	} );

	it( 'says "100+" when more than a hundred jobs are new', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=dm-jobs&paged=2'
		);
		renderApp();
		await shown();
		server.setJobs( makeJobs( 200 ) );
		await nextPoll();
		expect( await screen.findByText( '100+ new jobs' ) ).toBeVisible();
		expect( rowIds()[ 0 ] ).toBe( '25' );
	} );

	it( 'asks only for the change token while nothing changes', async () => {
		renderApp();
		await shown();
		const jobsRequests = server.requestsTo( 'jobs' ).length;
		const polls = server.requestsTo( 'changes' ).length;
		await nextPoll();
		await nextPoll();
		expect( server.requestsTo( 'changes' ).length ).toBe( polls + 2 );
		expect( server.requestsTo( 'jobs' ).length ).toBe( jobsRequests );
	} );

	it( 'pauses while the tab is hidden', async () => {
		renderApp();
		await shown();
		const polls = server.requestsTo( 'changes' ).length;

		setHidden( true );
		await nextPoll( 30_000 );
		expect( server.requestsTo( 'changes' ) ).toHaveLength( polls );

		setHidden( false );
		await nextPoll( 0 );
		expect( server.requestsTo( 'changes' ) ).toHaveLength( polls + 1 );
		setHidden( false );
	} );

	it( 'backs off with a visible notice when polls fail, and retries on demand', async () => {
		const user = userEvent.setup( {
			advanceTimers: vi.advanceTimersByTime,
		} );
		renderApp();
		await shown();
		const unavailable = {
			route: 'changes' as const,
			status: 503,
			body: {
				code: 'unavailable',
				message: 'Service unavailable',
				data: { status: 503 },
			},
		};
		server.failNext( unavailable );
		await nextPoll();
		expect(
			await screen.findByText(
				/Live updates paused: Service unavailable\. Retrying in 3 s\./
			)
		).toBeVisible();

		server.failNext( unavailable );
		await nextPoll();
		expect( await screen.findByText( /Retrying in 6 s\./ ) ).toBeVisible();
		// The rows stay, and no error replaces them.
		expect( rowIds() ).toHaveLength( 20 );
		expect( screen.queryByRole( 'button', { name: 'Retry' } ) ).toBeNull();

		server.setJobs( makeJobs( 46 ) );
		await user.click( screen.getByRole( 'button', { name: 'Retry now' } ) );
		await waitFor( () =>
			expect(
				document.querySelector( '.dm-jobs-live__notice' )
			).toBeNull()
		);
		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '46' ) );
	} );

	it( 'shows an estimated total as approximate', async () => {
		server.totalExact = false;
		server.setJobs( makeJobs( 12_345 ) );
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );
		expect( document.querySelector( '.dm-jobs-total' ) ).toHaveTextContent(
			'about 12.3K jobs'
		);
		expect( screen.getByText( /Page 1 of about 618/ ) ).toBeVisible();
	} );
} );
