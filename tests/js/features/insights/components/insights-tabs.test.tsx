/**
 * External dependencies
 */
import {
	render as renderInPage,
	screen,
	waitFor,
	within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { InsightsTabs } from '../../../../../src/features/insights';
import {
	CAPACITY,
	DEGRADATION,
	makeOverview,
	READY,
	RESOURCES,
} from '../fixtures';
import { stubResizeObserver } from '../helpers';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

/**
 * The tabs over a stand-in jobs list, with a data registry of their own: each
 * test starts with no answers cached.
 */
function renderTabs() {
	return renderInPage(
		<RegistryProvider value={ createRegistry() }>
			<InsightsTabs>
				<p>The jobs list</p>
			</InsightsTabs>
		</RegistryProvider>
	);
}

/**
 * The tabs opened on insights from the URL, as a link to them opens them.
 */
function renderTabsOnInsights() {
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=dm-jobs&view=insights'
	);
	return renderTabs();
}

const requests: string[] = [];

function json( body: unknown ): Response {
	return new Response( JSON.stringify( body ), {
		status: 200,
		headers: { 'Content-Type': 'application/json' },
	} );
}

beforeEach( () => {
	stubResizeObserver();
	requests.length = 0;
	window.history.replaceState( null, '', '/wp-admin/admin.php?page=dm-jobs' );
	vi.mocked( apiFetch ).mockImplementation( ( async ( options: {
		path?: string;
		method?: string;
	} ) => {
		const path = options.path ?? '';
		requests.push( `${ options.method ?? 'GET' } ${ path }` );
		const route = path.split( '?' )[ 0 ];
		const params = new URLSearchParams( path.split( '?' )[ 1 ] ?? '' );
		let body: unknown = {};
		if ( route === '/dm-jobs/v1/metrics' ) {
			body = makeOverview( {
				range: {
					...makeOverview().range,
					preset: ( params.get( 'range' ) ?? '7d' ) as '7d',
				},
				totals: {
					jobs: params.get( 'range' ) === '24h' ? 3 : 25,
					succeeded: 18,
					failed: 6,
					success_rate: 0.75,
				},
			} );
		} else if ( route === '/dm-jobs/v1/metrics/resources' ) {
			body = RESOURCES;
		} else if ( route === '/dm-jobs/v1/metrics/degradation' ) {
			body = DEGRADATION;
		} else if ( route === '/dm-jobs/v1/metrics/capacity' ) {
			body = CAPACITY;
		} else if ( route === '/dm-jobs/v1/metrics/rollup' ) {
			return READY;
		} else if ( route === '/dm-jobs/v1/pipelines' ) {
			body = [ { id: 1, name: 'RSS to Blog', flow_count: 1 } ];
		} else if ( route === '/dm-jobs/v1/flows' ) {
			body = [ { id: 4, pipeline_id: 1, name: 'Tech headlines' } ];
		}
		return json( body );
	} ) as unknown as typeof apiFetch );
} );

afterEach( () => {
	window.history.replaceState( null, '', '/' );
} );

describe( 'InsightsTabs', () => {
	it( 'shows the list first and loads insights only when asked', async () => {
		const user = userEvent.setup();
		renderTabs();
		const list = screen.getByRole( 'tab', { name: 'Jobs list' } );
		expect( list ).toHaveAttribute( 'aria-selected', 'true' );
		expect( screen.getByRole( 'tabpanel' ) ).toHaveTextContent(
			'The jobs list'
		);
		expect( requests ).toEqual( [] );

		await user.click( screen.getByRole( 'tab', { name: 'Insights' } ) );
		expect( window.location.search ).toBe( '?page=dm-jobs&view=insights' );
		await screen.findByRole(
			'region',
			{ name: 'Job volume' },
			{ timeout: 15000 }
		);
		await waitFor( () =>
			expect(
				screen.getByText( 'Last 7 days: 25 finished jobs.' )
			).toBeInTheDocument()
		);
		expect( requests ).toContain( 'GET /dm-jobs/v1/metrics?range=7d' );
		for ( const name of [
			'Job volume',
			'Success rate',
			'Duration by pipeline',
			'Peak usage',
			'Failure rate by pipeline',
			'Concurrent jobs',
			'Jobs table size',
			'Degradation',
			'Capacity planning',
		] ) {
			expect(
				screen.getByRole( 'region', { name } )
			).toBeInTheDocument();
		}

		// The range selector changes the data.
		await user.selectOptions( screen.getByLabelText( 'Range' ), '24h' );
		await waitFor( () =>
			expect(
				screen.getByText( 'Last 24 hours: 3 finished jobs.' )
			).toBeInTheDocument()
		);
		expect( requests ).toContain( 'GET /dm-jobs/v1/metrics?range=24h' );

		// Filters.
		await user.selectOptions( screen.getByLabelText( 'Pipeline' ), '1' );
		await waitFor( () =>
			expect( requests ).toContain(
				'GET /dm-jobs/v1/metrics?range=24h&pipeline_id=1'
			)
		);
		expect( requests ).toContain(
			'GET /dm-jobs/v1/metrics/degradation?pipeline_id=1'
		);

		// Keyboard: arrows move between tabs.
		const insights = screen.getByRole( 'tab', { name: 'Insights' } );
		insights.focus();
		await user.keyboard( '{ArrowLeft}' );
		expect(
			screen.getByRole( 'tab', { name: 'Jobs list' } )
		).toHaveFocus();
		expect(
			screen.getByRole( 'tab', { name: 'Jobs list' } )
		).toHaveAttribute( 'aria-selected', 'true' );
		expect( window.location.search ).toBe( '?page=dm-jobs' );
	}, 30000 );

	it( 'opens on insights from the URL and validates custom ranges', async () => {
		const user = userEvent.setup();
		renderTabsOnInsights();
		await screen.findByRole(
			'region',
			{ name: 'Job volume' },
			{ timeout: 15000 }
		);
		await user.selectOptions( screen.getByLabelText( 'Range' ), 'custom' );
		const form = screen
			.getByRole( 'button', { name: 'Apply' } )
			.closest( 'form' ) as HTMLElement;
		const from = within( form ).getByLabelText( 'From' );
		await user.clear( from );
		await user.type( from, '2026-04-10' );
		await user.clear( within( form ).getByLabelText( 'To' ) );
		await user.type( within( form ).getByLabelText( 'To' ), '2026-04-01' );
		await user.click( screen.getByRole( 'button', { name: 'Apply' } ) );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'The start date must not be after the end date.'
		);
	}, 30000 );

	it( 'keeps asking the server to build history while it is backfilling', async () => {
		let passes = 0;
		const base = vi.mocked( apiFetch ).getMockImplementation();
		vi.mocked( apiFetch ).mockImplementation( ( async ( options: {
			path?: string;
			method?: string;
		} ) => {
			if ( options.method === 'POST' ) {
				passes++;
				return json(
					passes < 3
						? {
								...READY,
								state: 'backfilling',
								percent: passes * 30,
								processed: passes * 300,
							}
						: READY
				);
			}
			const response = await (
				base as ( o: unknown ) => Promise< Response >
			 )( options );
			if (
				( options.path ?? '' ).startsWith( '/dm-jobs/v1/metrics?' ) &&
				passes === 0
			) {
				return json(
					makeOverview( {
						rollup: {
							...READY,
							state: 'backfilling',
							percent: 5,
							processed: 50,
						},
					} )
				);
			}
			return response;
		} ) as unknown as typeof apiFetch );

		renderTabsOnInsights();
		await screen.findByRole(
			'progressbar',
			{ name: 'History built' },
			{ timeout: 15000 }
		);
		await waitFor( () => expect( passes ).toBe( 3 ) );
		await waitFor( () =>
			expect(
				screen.queryByRole( 'progressbar' )
			).not.toBeInTheDocument()
		);
	}, 30000 );
} );
