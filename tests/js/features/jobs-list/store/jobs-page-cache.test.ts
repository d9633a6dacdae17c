/**
 * The jobs list's server state: pages resolved once per normalised query,
 * answered from the store afterwards, invalidated by writes and by the live
 * feed, in a bounded cache. Real @wordpress/data registry; only api-fetch's
 * transport is replaced (by the fake server).
 */

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
import {
	DEFAULT_QUERY,
	PAGE_CACHE_LIMIT,
} from '../../../../../src/features/jobs-list/store/constants';
import { FakeJobsServer } from '../../../helpers/fake-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeJobs } from '../../../helpers/make-job';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

function setup() {
	const registry = createRegistry();
	registry.register( store );
	return {
		registry,
		select: () => registry.select( store ),
		resolveSelect: () => registry.resolveSelect( store ),
		dispatch: registry.dispatch( store ),
	};
}

const idle = { isAtTop: () => true, isUserOnTable: () => false };

beforeEach( () => {
	server = serveApiFetch( new FakeJobsServer( makeJobs( 95 ) ) );
} );

describe( 'getJobsPage resolver', () => {
	it( 'asks the server once for the same query', async () => {
		const { resolveSelect } = setup();
		const query = { ...DEFAULT_QUERY, page: 2 };
		const [ first, second ] = await Promise.all( [
			resolveSelect().getJobsPage( query ),
			resolveSelect().getJobsPage( { ...query } ),
		] );
		await resolveSelect().getJobsPage( query );

		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 1 );
		expect( first?.items[ 0 ].id ).toBe( 75 );
		expect( second ).toBe( first );
	} );

	it( 'treats views asking the same request as one query', async () => {
		const { resolveSelect } = setup();
		await resolveSelect().getJobsPage( {
			...DEFAULT_QUERY,
			status: [ 'failed', 'completed' ],
			search: '  rss ',
		} );
		await resolveSelect().getJobsPage( {
			...DEFAULT_QUERY,
			status: [ 'completed', 'failed', 'failed' ],
			search: 'rss',
		} );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 1 );
	} );
} );

describe( 'views and history', () => {
	it( 'shows a view seen before (Back) without a request', async () => {
		const { select, dispatch } = setup();
		await dispatch.applyView( DEFAULT_QUERY );
		await dispatch.updateView( { status: [ 'failed' ] } );
		await dispatch.updateView( { perPage: 50 } );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 3 );

		// Back, Back, Forward.
		await dispatch.applyView( {
			...DEFAULT_QUERY,
			status: [ 'failed' ],
		} );
		await dispatch.applyView( DEFAULT_QUERY );
		await dispatch.applyView( {
			...DEFAULT_QUERY,
			status: [ 'failed' ],
		} );

		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 3 );
		expect( select().getRequestStatus() ).toBe( 'success' );
		expect( select().getLoadedQuery()?.status ).toEqual( [ 'failed' ] );
		expect(
			select()
				.getJobs()
				.every( ( job ) => job.status === 'failed' )
		).toBe( true );
	} );

	it( 'asks again for a view whose request failed', async () => {
		const { select, dispatch } = setup();
		server.failNext( {
			status: 503,
			body: { code: 'busy', message: 'Busy', data: { status: 503 } },
		} );
		await dispatch.applyView( DEFAULT_QUERY );
		expect( select().getRequestStatus() ).toBe( 'error' );
		expect( select().getError()?.code ).toBe( 'busy' );

		await dispatch.applyView( { ...DEFAULT_QUERY, page: 2 } );
		await dispatch.applyView( DEFAULT_QUERY );
		expect( select().getRequestStatus() ).toBe( 'success' );
		expect( select().getJobs() ).toHaveLength( 20 );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 3 );
	} );

	it( 'keeps at most PAGE_CACHE_LIMIT pages and asks again for one dropped', async () => {
		const { select, dispatch } = setup();
		const pages = PAGE_CACHE_LIMIT + 2;
		for ( let page = 1; page <= pages; page++ ) {
			await dispatch.applyView( { ...DEFAULT_QUERY, perPage: 1, page } );
		}
		expect( select().getCachedPageCount() ).toBe( PAGE_CACHE_LIMIT );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( pages );

		// The most recent pages answer from the cache …
		await dispatch.applyView( {
			...DEFAULT_QUERY,
			perPage: 1,
			page: pages - 1,
		} );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( pages );
		// … the oldest were dropped, with their resolution.
		await dispatch.applyView( { ...DEFAULT_QUERY, perPage: 1, page: 1 } );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( pages + 1 );
		expect( select().getJobs()[ 0 ].id ).toBe( 95 );
		expect( select().getCachedPageCount() ).toBe( PAGE_CACHE_LIMIT );
	} );
} );

describe( 'writes and the live feed', () => {
	it( 'a write refetches the shown page and the counts, and drops the other pages', async () => {
		const { select, resolveSelect, dispatch } = setup();
		await dispatch.applyView( DEFAULT_QUERY );
		await dispatch.updateView( { page: 2 } );
		await resolveSelect().getStatusCounts();
		expect( select().getStatusCounts()?.total ).toBe( 95 );

		// A bulk delete removed jobs 71–95.
		server.setJobs( makeJobs( 70 ) );
		await dispatch.invalidateJobs();

		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 3 );
		expect( select().getJobs()[ 0 ].id ).toBe( 50 );
		await resolveSelect().getStatusCounts();
		expect( server.requestsTo( 'counts' ) ).toHaveLength( 2 );
		expect( select().getStatusCounts()?.total ).toBe( 70 );

		// Page 1 was dropped: going back asks the server.
		await dispatch.goToPage( 1 );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 4 );
		expect( select().getJobs()[ 0 ].id ).toBe( 70 );
	} );

	it( 'counts are asked once until invalidated', async () => {
		const { resolveSelect } = setup();
		await resolveSelect().getStatusCounts();
		await resolveSelect().getStatusCounts();
		expect( server.requestsTo( 'counts' ) ).toHaveLength( 1 );
	} );

	it( 'a change seen by the live feed drops the pages not shown; nothing changed keeps them', async () => {
		const { select, dispatch } = setup();
		await dispatch.applyView( DEFAULT_QUERY );
		await dispatch.updateView( { status: [ 'failed' ] } );
		// The first poll has no token: it refreshes the shown page once.
		await dispatch.pollChanges( idle );
		const afterFirstPoll = server.requestsTo( 'jobs' ).length;

		await dispatch.pollChanges( idle );
		await dispatch.applyView( { ...DEFAULT_QUERY, status: [ 'failed' ] } );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( afterFirstPoll );

		server.setJobs( makeJobs( 97 ) );
		await dispatch.pollChanges( idle );
		expect( select().getCachedPageCount() ).toBe( 1 );
		const afterChange = server.requestsTo( 'jobs' ).length;
		await dispatch.applyView( DEFAULT_QUERY );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( afterChange + 1 );
		expect( select().getJobs()[ 0 ].id ).toBe( 97 );
	} );
} );
