/**
 * External dependencies
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { makeJob } from '../../../helpers/make-job';
import { renderApp } from '../../../helpers/render-app';
import { FakeDetailsServer } from '../helpers/fake-details-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import {
	makeDetail,
	makeFailedDetail,
	makeLines,
} from '../helpers/make-detail';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeDetailsServer;

beforeEach( () => {
	window.history.replaceState( null, '', '/wp-admin/admin.php?page=dm-jobs' );
	server = new FakeDetailsServer();
	server.list.setJobs( [ makeJob( { id: 42 } ), makeJob( { id: 41 } ) ] );
	serveApiFetch( server );
} );

afterEach( () => {
	vi.useRealTimers();
} );

function row( id: number ): HTMLElement {
	const element = document.querySelector( `tr[data-job-id="${ id }"]` );
	if ( ! ( element instanceof HTMLElement ) ) {
		throw new Error( `No row for job ${ id }.` );
	}
	return element;
}

function openLink( id: number ): HTMLElement {
	return within( row( id ) ).getByRole( 'link' );
}

describe( 'Job details panel', { timeout: 30_000 }, () => {
	it( 'opens from a row click, shows the failure and closes with Escape back to the row', async () => {
		const user = userEvent.setup();
		server.addJob( makeFailedDetail( { id: 42 } ), makeLines( 3 ) );
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );

		await user.click( within( row( 42 ) ).getByText( '42' ) );
		const panel = await screen.findByRole(
			'dialog',
			{ name: 'Job #42' },
			{ timeout: 10_000 }
		);
		expect( window.location.search ).toContain( 'job=42' );
		expect(
			await within( panel ).findByText(
				'AI provider returned 429 Too Many Requests'
			)
		).toBeInTheDocument();
		expect(
			within( panel ).getByText( 'Step 2: Summarise' )
		).toBeInTheDocument();
		expect(
			within( panel ).getByText( 'Run the flow less often.' )
		).toBeInTheDocument();
		expect( row( 42 ) ).toHaveAttribute( 'aria-current', 'true' );
		expect(
			within( panel ).getByRole( 'heading', { name: 'Job #42' } )
		).toHaveFocus();

		await user.keyboard( '{Escape}' );
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		expect( window.location.search ).not.toContain( 'job=' );
		await waitFor( () => expect( openLink( 42 ) ).toHaveFocus() );
	} );

	it( "opens with Enter on the job's ID link and closes with the close button", async () => {
		const user = userEvent.setup();
		server.addJob( makeDetail( { id: 41 } ) );
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );

		// Rows are no Tab stops; each job opens through a named link.
		expect( row( 42 ) ).not.toHaveAttribute( 'tabindex' );
		const link = within( row( 41 ) ).getByRole( 'link', {
			name: 'Job 41: open details',
		} );
		expect( link ).toHaveAttribute(
			'href',
			expect.stringContaining( 'job=41' )
		);
		act( () => link.focus() );
		await user.keyboard( '{Enter}' );

		const panel = await screen.findByRole(
			'dialog',
			{ name: 'Job #41' },
			{ timeout: 10_000 }
		);
		await within( panel ).findByText( 'This job has no log lines yet.' );
		await user.click(
			within( panel ).getByRole( 'button', { name: 'Close job details' } )
		);
		await waitFor( () => expect( openLink( 41 ) ).toHaveFocus() );
	} );

	it( 'restores the open job from the URL (deep link)', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=dm-jobs&paged=2&job=7'
		);
		server.addJob( makeDetail( { id: 7, pipeline_name: 'Deep linked' } ) );
		renderApp();
		const panel = await screen.findByRole(
			'dialog',
			{ name: 'Job #7' },
			{ timeout: 10_000 }
		);
		expect(
			await within( panel ).findByText( 'Deep linked (#3)' )
		).toBeInTheDocument();
		// Other parameters are left alone.
		expect( window.location.search ).toContain( 'paged=2' );
	} );

	it( 'says when the job no longer exists', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=dm-jobs&job=999'
		);
		renderApp();
		const panel = await screen.findByRole(
			'dialog',
			{ name: 'Job #999' },
			{ timeout: 10_000 }
		);
		expect(
			(
				await within( panel ).findAllByText(
					'This job no longer exists.'
				)
			).length
		).toBeGreaterThan( 0 );
		expect(
			within( panel ).queryByRole( 'button', { name: 'Retry' } )
		).not.toBeInTheDocument();
	} );

	it( 'tails a running job: new lines appear without reloading', async () => {
		vi.useFakeTimers( { shouldAdvanceTime: true } );
		server.addJob(
			makeDetail( {
				id: 42,
				is_final: false,
				status: 'processing',
				completed_at: null,
				duration: null,
			} ),
			makeLines( 2 )
		);
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=dm-jobs&job=42'
		);
		renderApp();
		const panel = await screen.findByRole(
			'dialog',
			{ name: 'Job #42' },
			{ timeout: 10_000 }
		);
		await within( panel ).findByText( 'Line 2' );
		expect(
			within( panel ).getByText( 'Live: new lines appear here.' )
		).toBeInTheDocument();

		server.appendLines( 42, [
			{ ...makeLines( 1, 3 )[ 0 ], message: 'Fresh line' },
		] );
		await act( async () => {
			await vi.advanceTimersByTimeAsync( 1600 );
		} );
		expect(
			await within( panel ).findByText( 'Fresh line' )
		).toBeInTheDocument();
	} );
} );
