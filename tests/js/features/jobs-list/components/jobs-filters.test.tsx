/**
 * External dependencies
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { FakeJobsServer } from '../../../helpers/fake-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeJob } from '../../../helpers/make-job';
import { renderApp } from '../../../helpers/render-app';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

const ADMIN_PAGE = '/wp-admin/admin.php?page=dm-jobs';

function jobs() {
	const statuses = [ 'failed', 'completed', 'pending' ] as const;
	return Array.from( { length: 30 }, ( _, index ) => {
		const id = 30 - index;
		const pipelineId = ( id % 2 ) + 3; // 3 or 4
		return makeJob( {
			id,
			status: statuses[ id % 3 ],
			status_reason: id % 3 === 0 ? 'timeout' : null,
			pipeline_id: pipelineId,
			pipeline_name: pipelineId === 3 ? 'News import' : 'Shop sync',
			flow_id: pipelineId === 3 ? 7 : 8,
			flow_name: pipelineId === 3 ? 'Hourly RSS' : 'Nightly feed',
			created_at: new Date( Date.UTC( 2025, 2, 1 + id ) )
				.toISOString()
				.replace( /\.\d{3}Z$/, 'Z' ),
		} );
	} );
}

beforeEach( () => {
	window.history.replaceState( null, '', ADMIN_PAGE );
	server = new FakeJobsServer( jobs() );
	server.pipelines = [
		{ id: 3, name: 'News import', flow_count: 2 },
		{ id: 4, name: 'Shop sync', flow_count: 1 },
	];
	server.flows = [
		{ id: 7, pipeline_id: 3, name: 'Hourly RSS' },
		{ id: 9, pipeline_id: 3, name: 'Daily digest' },
		{ id: 8, pipeline_id: 4, name: 'Nightly feed' },
	];
	serveApiFetch( server );
} );

function rowIds(): string[] {
	const table = screen.getByRole( 'table', { name: 'Jobs' } );
	return Array.from( table.querySelectorAll( 'tbody tr' ) ).map(
		( row ) => row.getAttribute( 'data-job-id' ) ?? ''
	);
}

function urlParams(): Record< string, string > {
	return Object.fromEntries( new URLSearchParams( window.location.search ) );
}

async function loaded() {
	await screen.findByRole( 'table', { name: 'Jobs' } );
}

describe( 'Jobs filters: the view in the URL', () => {
	it( 'restores filters, sort, page and size from the URL', async () => {
		window.history.replaceState(
			null,
			'',
			`${ ADMIN_PAGE }&status=failed&pipeline=3&s=news&orderby=created_at&order=asc&paged=2&per_page=50&foo=bar`
		);
		renderApp();
		// Five failed News jobs: page 2 of 50 per page is past the end.
		await screen.findByText( 'There are no jobs on this page.' );

		expect( Object.fromEntries( server.lastParams() ) ).toEqual( {
			page: '2',
			per_page: '50',
			status: 'failed',
			pipeline_id: '3',
			search: 'news',
			orderby: 'created_at',
			order: 'asc',
		} );
		expect(
			screen.getByRole( 'button', { name: 'Status Failed' } )
		).toBeVisible();
		expect(
			screen.getByRole( 'combobox', { name: 'Pipeline' } )
		).toHaveValue( '3' );
		expect(
			screen.getByRole( 'combobox', { name: 'Per page' } )
		).toHaveValue( '50' );
		expect(
			screen.getByRole( 'searchbox', { name: 'Search jobs' } )
		).toHaveValue( 'news' );
		// Parameters the list does not own are kept.
		expect( urlParams() ).toMatchObject( { page: 'dm-jobs', foo: 'bar' } );
	} );

	it( 'drops invalid URL values and loads the default view', async () => {
		window.history.replaceState(
			null,
			'',
			`${ ADMIN_PAGE }&status=bogus&pipeline=-1&orderby=engine_data&per_page=7&paged=x`
		);
		renderApp();
		await loaded();
		expect( Object.fromEntries( server.lastParams() ) ).toEqual( {
			page: '1',
			per_page: '20',
			orderby: 'job_id',
			order: 'desc',
		} );
		await waitFor( () =>
			expect( window.location.search ).toBe( '?page=dm-jobs' )
		);
	} );

	it( 'adds a history entry per change and follows Back and Forward from the store', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();
		const lengthBefore = window.history.length;

		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Pipeline' } ),
			'4'
		);
		await waitFor( () => expect( urlParams().pipeline ).toBe( '4' ) );
		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Per page' } ),
			'50'
		);
		await waitFor( () => expect( urlParams().per_page ).toBe( '50' ) );
		expect( window.history.length ).toBe( lengthBefore + 2 );
		await waitFor( () =>
			expect( server.lastParams().get( 'per_page' ) ).toBe( '50' )
		);
		// The first live poll has no token yet and refreshes the shown page
		// once; later polls find nothing changed.
		await waitFor(
			() => {
				const firstPoll = server.requests.findIndex(
					( request ) => request.route === 'changes'
				);
				expect( firstPoll ).toBeGreaterThan( -1 );
				expect(
					server.requests
						.slice( firstPoll )
						.some( ( request ) => request.route === 'jobs' )
				).toBe( true );
			},
			{ timeout: 10_000 }
		);
		const requests = server.requestsTo( 'jobs' ).length;

		act( () => window.history.back() );
		await waitFor( () => expect( urlParams().per_page ).toBeUndefined() );
		await waitFor( () =>
			expect(
				screen.getByRole( 'combobox', { name: 'Per page' } )
			).toHaveValue( '20' )
		);
		expect(
			screen.getByRole( 'combobox', { name: 'Pipeline' } )
		).toHaveValue( '4' );

		act( () => window.history.back() );
		await waitFor( () =>
			expect(
				screen.getByRole( 'combobox', { name: 'Pipeline' } )
			).toHaveValue( '' )
		);

		act( () => window.history.forward() );
		await waitFor( () =>
			expect(
				screen.getByRole( 'combobox', { name: 'Pipeline' } )
			).toHaveValue( '4' )
		);
		expect( rowIds().length ).toBeGreaterThan( 0 );
		// Every view was seen before: shown from the store, no request.
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( requests );
		// Following history does not add entries.
		expect( window.history.length ).toBe( lengthBefore + 2 );
	} );
} );

describe( 'Jobs filters: history moves of other parts of the screen', () => {
	it( 'keeps the list as it is (no reload)', async () => {
		renderApp();
		await loaded();
		window.history.pushState( null, '', `${ ADMIN_PAGE }&view=insights` );
		const requests = server.requestsTo( 'jobs' ).length;

		act( () => window.history.back() );
		await waitFor( () =>
			expect( window.location.search ).toBe( '?page=dm-jobs' )
		);
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( requests );
	} );
} );

describe( 'Jobs filters: each control', () => {
	it( 'filters by status, showing the number of jobs per status', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();

		const toggle = screen.getByRole( 'button', {
			name: 'Status All statuses',
		} );
		await user.click( toggle );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		const failed = await screen.findByRole( 'checkbox', {
			name: 'Failed (10)',
		} );
		expect(
			screen.getByRole( 'checkbox', { name: 'Completed (no items) (0)' } )
		).not.toBeChecked();
		await user.click( failed );
		await user.click(
			screen.getByRole( 'checkbox', { name: 'Pending (10)' } )
		);

		await waitFor( () =>
			expect( server.lastParams().get( 'status' ) ).toBe(
				'pending,failed'
			)
		);
		expect( urlParams().status ).toBe( 'pending,failed' );
		await waitFor( () => expect( rowIds() ).toHaveLength( 20 ) );
		expect(
			screen.getByRole( 'button', { name: 'Status Pending, Failed' } )
		).toBeVisible();

		await user.keyboard( '{Escape}' );
		expect(
			screen.queryByRole( 'checkbox', { name: 'Failed (10)' } )
		).not.toBeInTheDocument();
	} );

	it( 'says "about" next to estimated status counts', async () => {
		const user = userEvent.setup();
		server.totalExact = false;
		renderApp();
		await loaded();
		await user.click(
			screen.getByRole( 'button', { name: 'Status All statuses' } )
		);
		expect(
			await screen.findByRole( 'checkbox', { name: 'Failed (about 10)' } )
		).toBeVisible();
		expect( screen.getByText( /Counts are estimates/ ) ).toBeVisible();
	} );

	it( 'filters by a preset created-date range', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();

		const before = Date.now();
		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Created' } ),
			'7d'
		);
		await waitFor( () =>
			expect( server.lastParams().get( 'after' ) ).not.toBeNull()
		);
		const after = Date.parse( server.lastParams().get( 'after' ) ?? '' );
		const week = 7 * 24 * 3600 * 1000;
		expect( after ).toBeGreaterThanOrEqual( before - week - 1000 );
		expect( after ).toBeLessThanOrEqual( Date.now() - week );
		expect( server.lastParams().get( 'before' ) ).toBeNull();
		// The preset stays relative in the URL.
		expect( urlParams() ).toMatchObject( { range: '7d' } );
		expect( urlParams().after ).toBeUndefined();
	} );

	it( 'filters by yesterday in the site time zone', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();

		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Created' } ),
			'yesterday'
		);
		await waitFor( () =>
			expect( server.lastParams().get( 'before' ) ).not.toBeNull()
		);
		const after = Date.parse( server.lastParams().get( 'after' ) ?? '' );
		const before = Date.parse( server.lastParams().get( 'before' ) ?? '' );
		// One whole site-local day (New York), ending before today began there.
		expect( before - after ).toBe( 24 * 3600 * 1000 - 1000 );
		expect( before ).toBeLessThan( Date.now() );
		expect( Date.now() - before ).toBeLessThanOrEqual( 24 * 3600 * 1000 );
		expect(
			new Date( after ).toLocaleString( 'en-US', {
				timeZone: 'America/New_York',
				hour: '2-digit',
				hourCycle: 'h23',
			} )
		).toBe( '00' );
		expect(
			screen.getByRole( 'combobox', { name: 'Created' } )
		).toHaveValue( 'yesterday' );
	} );

	it( 'filters by custom days in the site time zone', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();

		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Created' } ),
			'custom'
		);
		const from = screen.getByLabelText( 'From' );
		const to = screen.getByLabelText( 'To' );
		expect(
			screen.getByText(
				/Days in the site’s time zone \(America\/New_York\)/
			)
		).toBeVisible();
		await user.type( from, '2025-03-05' );
		await user.type( to, '2025-03-10' );

		await waitFor( () =>
			expect( server.lastParams().get( 'before' ) ).toBe(
				'2025-03-11T03:59:59Z'
			)
		);
		expect( server.lastParams().get( 'after' ) ).toBe(
			'2025-03-05T05:00:00Z'
		);
		expect( urlParams() ).toMatchObject( {
			range: 'custom',
			after: '2025-03-05T05:00:00Z',
			before: '2025-03-11T03:59:59Z',
		} );
		// Jobs created March 5 to 10 in New York: 00:00 UTC on March 6 to 11.
		await waitFor( () =>
			expect( rowIds() ).toEqual( [ '10', '9', '8', '7', '6', '5' ] )
		);
		expect( from ).toHaveValue( '2025-03-05' );
	} );

	it( 'filters by pipeline, then by one of its flows', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();

		const flow = screen.getByRole( 'combobox', { name: 'Flow' } );
		// No pipeline yet: every flow, named with its pipeline.
		await waitFor( () =>
			expect(
				within( flow ).getByRole( 'option', {
					name: 'Nightly feed (Shop sync)',
				} )
			).toBeInTheDocument()
		);

		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Pipeline' } ),
			'3'
		);
		await waitFor( () =>
			expect( server.lastParams().get( 'pipeline_id' ) ).toBe( '3' )
		);
		expect(
			server
				.requestsTo( 'flows' )
				.map( ( request ) => request.params.get( 'pipeline_id' ) )
		).toContain( '3' );
		await waitFor( () =>
			expect(
				within( flow )
					.getAllByRole( 'option' )
					.map( ( option ) => option.textContent )
			).toEqual( [ 'All flows', 'Hourly RSS', 'Daily digest' ] )
		);

		await user.selectOptions( flow, '7' );
		await waitFor( () =>
			expect( server.lastParams().get( 'flow_id' ) ).toBe( '7' )
		);
		expect( urlParams() ).toMatchObject( { pipeline: '3', flow: '7' } );

		// Another pipeline clears the flow.
		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Pipeline' } ),
			'4'
		);
		await waitFor( () =>
			expect( server.lastParams().get( 'pipeline_id' ) ).toBe( '4' )
		);
		expect( server.lastParams().get( 'flow_id' ) ).toBeNull();
	} );

	it( 'tells apart pipelines with the same name', async () => {
		server.pipelines = [
			...server.pipelines,
			{ id: 11, name: 'News import', flow_count: 0 },
		];
		renderApp();
		await loaded();
		const pipeline = screen.getByRole( 'combobox', { name: 'Pipeline' } );
		await waitFor( () =>
			expect(
				within( pipeline )
					.getAllByRole( 'option' )
					.map( ( option ) => option.textContent )
			).toEqual( [
				'All pipelines',
				'News import (#3)',
				'Shop sync',
				'News import (#11)',
			] )
		);
	} );

	it( 'chooses the pipeline of a flow picked first', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();
		const flow = screen.getByRole( 'combobox', { name: 'Flow' } );
		await waitFor( () =>
			expect( within( flow ).getAllByRole( 'option' ) ).toHaveLength( 4 )
		);
		await user.selectOptions( flow, '8' );
		await waitFor( () =>
			expect( server.lastParams().get( 'flow_id' ) ).toBe( '8' )
		);
		expect( server.lastParams().get( 'pipeline_id' ) ).toBe( '4' );
	} );

	it( 'searches once typing pauses, not on every key', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();
		await user.type(
			screen.getByRole( 'searchbox', { name: 'Search jobs' } ),
			'timeout'
		);
		await waitFor( () =>
			expect( server.lastParams().get( 'search' ) ).toBe( 'timeout' )
		);
		// No request for "t", "ti", "tim"…
		expect(
			server
				.requestsTo( 'jobs' )
				.map( ( request ) => request.params.get( 'search' ) )
				.filter( ( search ) => search !== null )
				.every( ( search ) => search === 'timeout' )
		).toBe( true );
		expect( urlParams().s ).toBe( 'timeout' );
		await waitFor( () => expect( rowIds() ).toHaveLength( 10 ) );
	} );

	it( 'highlights a job searched by its ID and opens it on Enter', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();
		const search = screen.getByRole( 'searchbox', { name: 'Search jobs' } );

		await user.type( search, '12' );
		await waitFor( () =>
			expect(
				document.querySelector( 'tr[data-job-id="12"]' )
			).toHaveAttribute( 'data-highlighted', 'true' )
		);
		expect(
			screen.getByText(
				'Job #12 is highlighted. Press Enter to open it.'
			)
		).toBeVisible();
		// Typing never moves the focus away.
		expect( search ).toHaveFocus();
		expect( urlParams().job ).toBeUndefined();

		await user.keyboard( '{Enter}' );
		await waitFor( () => expect( urlParams().job ).toBe( '12' ) );
		expect( urlParams().s ).toBe( '12' );
	} );

	it( 'changes the page size', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();
		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Per page' } ),
			'50'
		);
		await waitFor( () => expect( rowIds() ).toHaveLength( 30 ) );
		expect( server.lastParams().get( 'per_page' ) ).toBe( '50' );
		expect( urlParams().per_page ).toBe( '50' );
	} );

	it( 'tells "no match" apart from "no jobs" and clears the filters', async () => {
		const user = userEvent.setup();
		renderApp();
		await loaded();

		await user.type(
			screen.getByRole( 'searchbox', { name: 'Search jobs' } ),
			'nothing like this'
		);
		const heading = await screen.findByRole( 'heading', {
			name: 'No jobs match these filters',
		} );
		expect( screen.queryByText( 'No jobs yet' ) ).not.toBeInTheDocument();
		const section = heading.closest( 'section' );
		if ( section === null ) {
			throw new Error( 'No section around the heading.' );
		}
		await user.click(
			within( section ).getByRole( 'button', { name: 'Clear filters' } )
		);

		await loaded();
		expect( rowIds() ).toHaveLength( 20 );
		expect( window.location.search ).toBe( '?page=dm-jobs' );
		expect(
			screen.getByRole( 'searchbox', { name: 'Search jobs' } )
		).toHaveValue( '' );
		expect(
			screen.queryByRole( 'button', { name: 'Clear filters' } )
		).not.toBeInTheDocument();
	} );

	it( 'folds the filters into a panel behind a labelled toggle', async () => {
		const user = userEvent.setup();
		window.history.replaceState(
			null,
			'',
			`${ ADMIN_PAGE }&status=failed&pipeline=3`
		);
		renderApp();
		await loaded();

		const toggle = screen.getByRole( 'button', { name: 'Filters (2)' } );
		const panel = document.getElementById(
			toggle.getAttribute( 'aria-controls' ) ?? ''
		);
		expect( panel ).toHaveAccessibleName( 'Filter jobs' );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		await user.click( toggle );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( panel ).toHaveClass( 'is-open' );
		// Sorting has its own controls there (the narrow table hides its header).
		expect(
			within( panel as HTMLElement ).getByRole( 'combobox', {
				name: 'Sort by',
			} )
		).toHaveValue( 'job_id' );
		await user.selectOptions(
			within( panel as HTMLElement ).getByRole( 'combobox', {
				name: 'Order',
			} ),
			'asc'
		);
		await waitFor( () =>
			expect( server.lastParams().get( 'order' ) ).toBe( 'asc' )
		);
	} );
} );
