/**
 * External dependencies
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { LogViewer } from '../../../../../src/features/job-details/components/log-viewer';
import { store } from '../../../../../src/features/job-details/store';
import type { LogLine } from '../../../../../src/features/job-details/types';
import { FakeDetailsServer } from '../helpers/fake-details-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeDetail, makeLines } from '../helpers/make-detail';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeDetailsServer;

beforeEach( () => {
	server = serveApiFetch( new FakeDetailsServer() );
} );

async function renderViewer( lines: LogLine[], live = false ) {
	const job = makeDetail( { id: 42, is_final: ! live } );
	server.addJob( job, lines );
	const registry = createRegistry();
	registry.register( store );
	await registry.dispatch( store ).openJob( 42 );
	const view = render(
		<RegistryProvider value={ registry }>
			<LogViewer
				jobId={ 42 }
				live={ live }
				counts={ job.log_counts }
				timeZone="UTC"
			/>
		</RegistryProvider>
	);
	return { ...view, registry };
}

function shownMessages(): string[] {
	return Array.from(
		document.querySelectorAll( '.dm-jobs-log-message' ),
		( element ) => element.textContent ?? ''
	);
}

describe( 'LogViewer', { timeout: 30_000 }, () => {
	it( 'filters by level through the toggles', async () => {
		const user = userEvent.setup();
		await renderViewer( makeLines( 9 ) );
		expect( shownMessages() ).toHaveLength( 9 );

		const error = screen.getByRole( 'button', { name: /^Error/ } );
		expect( error ).toHaveAttribute( 'aria-pressed', 'false' );
		await user.click( error );
		await waitFor( () =>
			expect( shownMessages() ).toEqual( [
				'Line 3',
				'Line 6',
				'Line 9',
			] )
		);
		expect( error ).toHaveAttribute( 'aria-pressed', 'true' );
		expect( server.logRequests().at( -1 )?.get( 'level' ) ).toBe( 'error' );

		await user.click( screen.getByRole( 'button', { name: /^Warning/ } ) );
		await waitFor( () => expect( shownMessages() ).toHaveLength( 6 ) );
		expect( server.logRequests().at( -1 )?.get( 'level' ) ).toBe(
			'warning,error'
		);
	} );

	it( 'searches once typing pauses', async () => {
		const user = userEvent.setup();
		await renderViewer( makeLines( 30 ) );
		await user.type(
			screen.getByRole( 'searchbox', { name: 'Search the log' } ),
			'Line 2'
		);
		await waitFor( () => expect( shownMessages() ).toHaveLength( 11 ) );
		const searches = server
			.logRequests()
			.map( ( params ) => params.get( 'search' ) )
			.filter( Boolean );
		expect( searches ).toEqual( [ 'Line 2' ] );
	} );

	it( 'says when nothing matches', async () => {
		const user = userEvent.setup();
		await renderViewer( makeLines( 3 ) );
		await user.click( screen.getByRole( 'button', { name: /^Critical/ } ) );
		expect(
			await screen.findByText( 'No log lines match these filters.' )
		).toBeInTheDocument();
	} );

	it( 'keeps only a window of a 10,000-line log in the DOM', async () => {
		const { registry } = await renderViewer( makeLines( 10_000 ) );
		await registry.dispatch( store ).loadAllLogs();
		const list = await screen.findByRole( 'list', {
			name: 'Job log, 10,000 lines',
		} );
		const rows = within( list ).getAllByRole( 'listitem' );
		expect( rows.length ).toBeLessThan( 80 );
		expect( rows[ rows.length - 1 ] ).toHaveAttribute(
			'aria-setsize',
			'10000'
		);
	}, 30_000 );

	it( 'shows a selected line in full, markup as text', async () => {
		const user = userEvent.setup();
		const hostile = '<img src=x onerror=window.__xss=1>';
		const [ line ] = makeLines( 1 );
		const { container } = await renderViewer( [
			{
				...line,
				message: hostile,
				step: hostile,
				context: { [ hostile ]: hostile },
			},
		] );
		await user.click(
			screen.getByRole( 'button', { name: new RegExp( 'onerror' ) } )
		);
		expect(
			screen.getByRole( 'heading', { name: /Line #1/ } )
		).toBeInTheDocument();
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( screen.getAllByText( hostile ).length ).toBeGreaterThanOrEqual(
			3
		);
	} );

	it( "shows the selected line's time in the site's zone, not as raw ISO", async () => {
		const user = userEvent.setup();
		await renderViewer( makeLines( 3 ) );
		await user.click( screen.getByRole( 'button', { name: /Line 2/ } ) );
		const details = screen
			.getByRole( 'heading', { name: /Line #2/ } )
			.closest( 'div' ) as HTMLElement;
		expect( details ).not.toHaveTextContent( '2025-03-05T14:03:06Z' );
		expect( details ).toHaveTextContent( /Mar 5, 2025.*2:03:06/ );
	} );

	it( "hides the selected line's details when a filter hides the line", async () => {
		const user = userEvent.setup();
		await renderViewer( makeLines( 9 ) );
		await user.click( screen.getByRole( 'button', { name: /Line 1$/ } ) );
		expect(
			screen.getByRole( 'heading', { name: /Line #1/ } )
		).toBeVisible();
		await user.click( screen.getByRole( 'button', { name: /^Error/ } ) );
		await waitFor( () => expect( shownMessages() ).toHaveLength( 3 ) );
		expect(
			screen.queryByRole( 'heading', { name: /Line #1/ } )
		).not.toBeInTheDocument();
	} );

	it( 'lets the keyboard skip past a long log in one step', async () => {
		const user = userEvent.setup();
		await renderViewer( makeLines( 300 ) );
		const skip = screen.getByRole( 'button', {
			name: /Skip the log \(\d+ lines\)/,
		} );
		skip.focus();
		await user.keyboard( '{Enter}' );
		expect( screen.getByText( 'End of the log' ) ).toHaveFocus();
	} );

	it( 'offers to jump to new lines while scrolled up', async () => {
		const { registry } = await renderViewer( makeLines( 40 ), true );
		expect(
			screen.getByText( 'Live: new lines appear here.' )
		).toBeInTheDocument();
		const list = screen.getByRole( 'list', { name: /Job log/ } );
		// jsdom has no layout: pretend the user scrolled away from the bottom.
		Object.defineProperty( list, 'scrollHeight', {
			configurable: true,
			value: 5000,
		} );
		Object.defineProperty( list, 'clientHeight', {
			configurable: true,
			value: 400,
		} );
		let scrollTop = 100;
		Object.defineProperty( list, 'scrollTop', {
			configurable: true,
			get: () => scrollTop,
			set: ( value: number ) => {
				scrollTop = value;
			},
		} );
		list.dispatchEvent( new Event( 'scroll' ) );

		server.appendLines( 42, makeLines( 2, 100 ) );
		await registry.dispatch( store ).pollLogs();
		expect(
			await screen.findByRole( 'button', {
				name: 'Jump to newest (2 new lines)',
			} )
		).toBeInTheDocument();
		// Scrolled up, the view stays where the user left it.
		expect( scrollTop ).toBe( 100 );
	} );
} );
