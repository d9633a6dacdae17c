/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { FakeJobsServer } from '../helpers/fake-server';
import { serveApiFetch } from '../helpers/serve-api-fetch';
import { makeJob, makeJobs } from '../helpers/make-job';
import { renderApp, TEST_CONFIG } from '../helpers/render-app';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

beforeEach( () => {
	server = serveApiFetch( new FakeJobsServer() );
} );

function errorNotice(): HTMLElement {
	const notice = document.querySelector( '.dm-jobs-error' );
	if ( ! ( notice instanceof HTMLElement ) ) {
		throw new Error( 'No error notice is shown.' );
	}
	return notice;
}

function rowIds(): string[] {
	const table = screen.getByRole( 'table', { name: 'Jobs' } );
	return within( table )
		.getAllByRole( 'row' )
		.slice( 1 )
		.map( ( row ) => row.getAttribute( 'data-job-id' ) ?? '' );
}

describe( 'Jobs screen: table', () => {
	it( 'lists jobs with their pipeline, flow, status and times', async () => {
		const minutesAgo = ( minutes: number ) =>
			new Date( Date.now() - minutes * 60_000 )
				.toISOString()
				.replace( /\.\d{3}Z$/, 'Z' );
		server.setJobs( [
			makeJob( {
				id: 12,
				status: 'failed',
				status_reason: 'step_execution_failure',
				raw_status: 'failed - step_execution_failure',
				created_at: minutesAgo( 10 ),
				completed_at: minutesAgo( 5 ),
				error_summary: 'The rss handler got HTTP 500 from the feed',
			} ),
			makeJob( {
				id: 11,
				pipeline_name: null,
				flow_name: null,
				pipeline_id: 8,
				flow_id: 21,
				status: 'processing',
				raw_status: 'processing',
				is_final: false,
				created_at: minutesAgo( 3 ),
				completed_at: null,
				duration: null,
			} ),
			makeJob( { id: 10 } ),
		] );
		renderApp();

		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Jobs' } )
		).toBeInTheDocument();
		const table = await screen.findByRole( 'table', { name: 'Jobs' } );
		expect(
			within( table )
				.getAllByRole( 'columnheader' )
				// Without the sort arrows (decoration, hidden from screen readers).
				.map( ( header ) =>
					header.textContent?.replace( /[↑↓↕]/g, '' )
				)
		).toEqual( [
			'', // The row-selection checkbox (Admin tools).
			'Job ID',
			'Pipeline → Flow',
			'Status',
			'Created',
			'Completed',
			'Duration',
		] );
		expect( rowIds() ).toEqual( [ '12', '11', '10' ] );
		expect(
			table.querySelector( '.dm-jobs-time-warning' )
		).not.toBeInTheDocument();

		const failedRow = table.querySelector( 'tr[data-job-id="12"]' );
		if ( ! ( failedRow instanceof HTMLElement ) ) {
			throw new Error( 'Row 12 is missing.' );
		}
		const failed = within( failedRow );
		expect( failed.getByText( 'News import → Hourly RSS' ) ).toBeVisible();
		expect( failed.getByText( 'Failed' ) ).toHaveClass(
			'dm-jobs-status-badge',
			'is-failed'
		);
		expect( failed.getByText( 'step_execution_failure' ) ).toBeVisible();
		expect(
			failed.getByText( 'The rss handler got HTTP 500 from the feed' )
		).toBeVisible();
		expect(
			failed.getByText( '10 minutes ago' ).closest( 'time' )
		).toHaveAttribute(
			'title',
			expect.stringContaining( '(America/New_York)' )
		);
		expect(
			failed.getByText( '5 minutes ago' ).closest( 'time' )
		).toBeInTheDocument();

		const runningRow = table.querySelector( 'tr[data-job-id="11"]' );
		if ( ! ( runningRow instanceof HTMLElement ) ) {
			throw new Error( 'Row 11 is missing.' );
		}
		const running = within( runningRow );
		expect( running.getByText( 'Pipeline #8 → Flow #21' ) ).toBeVisible();
		expect( running.getByText( 'Processing' ) ).toHaveClass( 'is-neutral' );
		expect(
			within(
				runningRow.querySelector( '.dm-jobs-column-completed' ) ??
					runningRow
			).getByText( '—' )
		).toBeVisible();

		expect(
			table.querySelector(
				'tr[data-job-id="10"] .dm-jobs-status-badge.is-completed'
			)
		).toHaveAttribute( 'data-status', 'completed' );
	} );

	it( 'flags a completion time before the creation time', async () => {
		server.setJobs( [
			makeJob( {
				id: 20,
				created_at: '2026-03-01T10:30:00Z',
				completed_at: '2026-03-01T10:04:00Z',
				duration: -1560,
			} ),
		] );
		renderApp();
		const table = await screen.findByRole( 'table', { name: 'Jobs' } );
		const row = within(
			table.querySelector( 'tr[data-job-id="20"]' ) as HTMLElement
		);
		expect(
			row.getByText( 'Impossible: before it was created' )
		).toBeVisible();
		expect( row.getByText( 'Invalid' ) ).toBeVisible();
	} );

	it( 'labels every cell with its column for the narrow layout', async () => {
		server.setJobs( [ makeJob( { id: 3 } ) ] );
		renderApp();
		const table = await screen.findByRole( 'table', { name: 'Jobs' } );
		const labels = Array.from(
			table.querySelectorAll( 'tbody td:not(.dm-jobs-column-select)' )
		).map( ( cell ) => cell.getAttribute( 'data-label' ) );
		expect( labels ).toEqual( [
			'Job ID',
			'Pipeline → Flow',
			'Status',
			'Created',
			'Completed',
			'Duration',
		] );
	} );
} );

describe( 'Jobs screen: pagination', () => {
	beforeEach( () => {
		server.setJobs( makeJobs( 45 ) );
	} );

	it(
		'shows the total and the page, and loads the next and previous pages',
		{ timeout: 30_000 },
		async () => {
			const user = userEvent.setup();
			const { container } = renderApp();
			await screen.findByRole( 'table', { name: 'Jobs' } );

			expect(
				container.querySelector( '.dm-jobs-total' )
			).toHaveTextContent( '45 jobs' );
			expect( screen.getByText( 'Page 1 of 3' ) ).toBeVisible();
			expect( rowIds()[ 0 ] ).toBe( '45' );
			expect( rowIds() ).toHaveLength( 20 );
			expect(
				screen.getByRole( 'button', { name: 'Previous page' } )
			).toHaveAttribute( 'aria-disabled', 'true' );

			await user.click(
				screen.getByRole( 'button', { name: 'Next page' } )
			);

			await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '25' ) );
			expect( server.lastParams().get( 'page' ) ).toBe( '2' );
			expect( server.lastParams().get( 'per_page' ) ).toBe( '20' );
			expect( screen.getByText( 'Page 2 of 3' ) ).toBeVisible();

			await user.click(
				screen.getByRole( 'button', { name: 'Next page' } )
			);
			await waitFor( () =>
				expect( rowIds() ).toEqual( [ '5', '4', '3', '2', '1' ] )
			);
			expect( screen.getByText( 'Page 3 of 3' ) ).toBeVisible();
			const next = screen.getByRole( 'button', { name: 'Next page' } );
			expect( next ).toHaveAttribute( 'aria-disabled', 'true' );
			await user.click( next );
			expect(
				server
					.requestsTo( 'jobs' )
					.filter(
						( request ) => request.params.get( 'page' ) === '4'
					)
			).toHaveLength( 0 );

			await user.click(
				screen.getByRole( 'button', { name: 'Previous page' } )
			);
			await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '25' ) );
		}
	);

	// Many tab stops (filters, sort buttons, row checkboxes): give it time.
	it( 'can be paged by keyboard alone', { timeout: 30_000 }, async () => {
		const user = userEvent.setup();
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );

		const next = screen.getByRole( 'button', { name: 'Next page' } );
		for (
			let presses = 0;
			presses < 200 && next.ownerDocument.activeElement !== next;
			presses++
		) {
			await user.tab();
		}
		expect( next ).toHaveFocus();
		await user.keyboard( '{Enter}' );
		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '25' ) );
		expect( next ).toHaveFocus();
	} );

	it( 'keeps the rows and says it is loading while the next page loads', async () => {
		const user = userEvent.setup();
		renderApp();
		const table = await screen.findByRole( 'table', { name: 'Jobs' } );

		server.hold();
		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );

		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Loading jobs'
		);
		expect( table ).toHaveAttribute( 'aria-busy', 'true' );
		expect( rowIds()[ 0 ] ).toBe( '45' );

		server.release();
		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '25' ) );
		expect( screen.queryByRole( 'status' ) ).not.toBeInTheDocument();
		expect( table ).toHaveAttribute( 'aria-busy', 'false' );
	} );
} );

describe( 'Jobs screen: loading, error and empty states', () => {
	it( 'shows a loading status until the first page arrives', async () => {
		server.setJobs( makeJobs( 2 ) );
		server.hold();
		renderApp();

		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Loading jobs'
		);
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();

		server.release();
		expect(
			await screen.findByRole( 'table', { name: 'Jobs' } )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'status' ) ).not.toBeInTheDocument();
	} );

	it( 'shows the error with a Retry button that loads again', async () => {
		const user = userEvent.setup();
		server.setJobs( makeJobs( 2 ) );
		server.failNext( {
			route: 'jobs',
			status: 500,
			body: {
				code: 'db_error',
				message: 'Database went away',
				data: { status: 500 },
			},
		} );
		renderApp();

		const retry = await screen.findByRole( 'button', { name: 'Retry' } );
		expect( errorNotice() ).toHaveTextContent(
			'Jobs could not be loaded: Database went away'
		);
		expect( errorNotice() ).toContainElement( retry );
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 1 );

		await user.click( retry );

		expect(
			await screen.findByRole( 'table', { name: 'Jobs' } )
		).toBeInTheDocument();
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 2 );
		expect( rowIds() ).toEqual( [ '2', '1' ] );
		expect( document.querySelector( '.dm-jobs-error' ) ).toBeNull();
	} );

	it( 'keeps the shown page when loading another one fails', async () => {
		const user = userEvent.setup();
		server.setJobs( makeJobs( 45 ) );
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );

		server.failNext( {
			route: 'jobs',
			status: 403,
			body: {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				data: { status: 403 },
			},
		} );
		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );

		await screen.findByRole( 'button', { name: 'Retry' } );
		expect( errorNotice() ).toHaveTextContent(
			'Jobs could not be loaded: Sorry, you are not allowed to do that.'
		);
		expect( rowIds()[ 0 ] ).toBe( '45' );

		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );
		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '25' ) );
	} );

	it( 'explains jobs and links to pipeline setup and docs when there are none', async () => {
		renderApp();

		expect(
			await screen.findByRole( 'heading', { name: 'No jobs yet' } )
		).toBeVisible();
		expect(
			screen.getByText( /Each run of a Data Machine flow creates a job/ )
		).toBeVisible();
		expect( screen.getByText( /pending to processing/ ) ).toBeVisible();
		expect( screen.getByText( /DM Jobs API/ ) ).toBeVisible();
		expect(
			screen.getByRole( 'link', { name: 'Set up a pipeline' } )
		).toHaveAttribute( 'href', TEST_CONFIG.pipelinesUrl );
		expect(
			screen.getByRole( 'link', {
				name: /Read the Data Machine documentation/,
			} )
		).toHaveAttribute( 'href', TEST_CONFIG.docsUrl );
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();
	} );

	it( 'offers to install Data Machine when it is not active', async () => {
		renderApp( {
			...TEST_CONFIG,
			pipelinesUrl: null,
			dataMachineActive: false,
		} );

		await screen.findByRole( 'heading', { name: 'No jobs yet' } );
		expect(
			screen.getByText( /Data Machine is not active/ )
		).toBeVisible();
		expect(
			screen.getByRole( 'link', { name: 'Install Data Machine' } )
		).toHaveAttribute(
			'href',
			'plugin-install.php?s=data+machine&tab=search&type=term'
		);
	} );

	it( 'offers the last page when the shown page no longer exists', async () => {
		const user = userEvent.setup();
		server.setJobs( makeJobs( 45 ) );
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );
		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '25' ) );

		// Jobs were deleted elsewhere; page 3 of the old count is now empty.
		server.setJobs( makeJobs( 10 ) );
		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		const last = await screen.findByRole( 'button', {
			name: 'Go to the last page',
		} );
		await user.click( last );

		await waitFor( () => expect( rowIds()[ 0 ] ).toBe( '10' ) );
		expect( server.lastParams().get( 'page' ) ).toBe( '1' );
	} );
} );
