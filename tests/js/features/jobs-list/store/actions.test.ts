/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '../../../../../src/features/jobs-list/store';
import { FakeJobsServer } from '../../../helpers/fake-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeJobs } from '../../../helpers/make-job';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

function setup() {
	const registry = createRegistry();
	registry.register( store );
	return {
		select: () => registry.select( store ),
		dispatch: registry.dispatch( store ),
	};
}

beforeEach( () => {
	server = serveApiFetch( new FakeJobsServer( makeJobs( 45 ) ) );
} );

describe( 'fetchJobs', () => {
	it( 'loads the current query into the store', async () => {
		const { select, dispatch } = setup();
		await dispatch.fetchJobs();

		expect( select().getJobs() ).toHaveLength( 20 );
		expect( select().getTotal() ).toBe( 45 );
		expect( select().getTotalPages() ).toBe( 3 );
		expect( select().getRequestStatus() ).toBe( 'success' );
		expect( server.lastParams().get( 'orderby' ) ).toBe( 'job_id' );
		expect( server.lastParams().get( 'order' ) ).toBe( 'desc' );
	} );

	it( 'stores the error of a failed request', async () => {
		const { select, dispatch } = setup();
		server.failNext( {
			status: 500,
			body: {
				code: 'db_error',
				message: 'Database went away',
				data: { status: 500 },
			},
		} );
		await dispatch.fetchJobs();

		expect( select().getRequestStatus() ).toBe( 'error' );
		expect( select().getError() ).toEqual( {
			code: 'db_error',
			message: 'Database went away',
			status: 500,
		} );
	} );

	it( 'keeps the newest answer when answers arrive out of order', async () => {
		const { select, dispatch } = setup();
		server.hold();
		const first = dispatch.goToPage( 2 );
		const second = dispatch.goToPage( 3 );
		// Each resolver asks the server on the next tick.
		await vi.waitFor( () =>
			expect( server.requestsTo( 'jobs' ) ).toHaveLength( 2 )
		);
		// Page 3 answers first, then the slower page-2 answer arrives.
		server.releaseOne( 1 );
		await second;
		server.releaseOne( 0 );
		await first;

		expect( select().getQuery().page ).toBe( 3 );
		expect( select().getLoadedQuery()?.page ).toBe( 3 );
		expect( select().getJobs()[ 0 ].id ).toBe( 5 );
	} );
} );

describe( 'goToPage / updateQuery', () => {
	it( 'requests the asked page', async () => {
		const { select, dispatch } = setup();
		await dispatch.goToPage( 2 );

		expect( server.lastParams().get( 'page' ) ).toBe( '2' );
		expect( select().getJobs()[ 0 ].id ).toBe( 25 );
	} );

	it( 'goes back to page 1 when the sort changes', async () => {
		const { select, dispatch } = setup();
		await dispatch.goToPage( 3 );
		await dispatch.updateQuery( { order: 'asc' } );

		expect( select().getQuery() ).toMatchObject( {
			page: 1,
			order: 'asc',
		} );
		expect( server.lastParams().get( 'page' ) ).toBe( '1' );
		expect( server.lastParams().get( 'order' ) ).toBe( 'asc' );
	} );
} );
