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
import type { LiveContext } from '../../../../../src/features/jobs-list/store/live';
import { FakeJobsServer } from '../../../helpers/fake-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeJob, makeJobs } from '../../../helpers/make-job';

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

function context(
	changes: Partial< Record< keyof LiveContext, boolean > > = {}
) {
	const { isAtTop = true, isUserOnTable = false } = changes;
	return { isAtTop: () => isAtTop, isUserOnTable: () => isUserOnTable };
}

beforeEach( () => {
	server = serveApiFetch( new FakeJobsServer( makeJobs( 45 ) ) );
} );

describe( 'pollChanges', () => {
	it( 'keeps the token and refetches nothing when nothing changed', async () => {
		const { select, dispatch } = setup();
		await dispatch.fetchJobs();
		// The first poll has no token: "changed", so the page is refetched once.
		await dispatch.pollChanges( context() );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 2 );
		expect( select().getChangeToken() ).toBe( server.token() );

		await dispatch.pollChanges( context() );
		expect( server.requestsTo( 'jobs' ) ).toHaveLength( 2 );
		const last = server.requestsTo( 'changes' ).pop();
		expect( Object.fromEntries( last?.params ?? [] ) ).toEqual( {
			token: server.token(),
			since_id: '45',
		} );
	} );

	it( 'shows new jobs at the top of page 1 when nobody is on the table', async () => {
		const { select, dispatch } = setup();
		await dispatch.fetchJobs();
		await dispatch.pollChanges( context() );

		server.setJobs( makeJobs( 47 ) );
		await dispatch.pollChanges( context() );
		expect( select().getJobs()[ 0 ].id ).toBe( 47 );
		expect( select().getTotal() ).toBe( 47 );
		expect( select().getNewJobsCount() ).toBe( 0 );
		expect( select().getSinceId() ).toBe( 47 );
		// No loading state for a live refresh.
		expect( select().getRequestStatus() ).toBe( 'success' );
	} );

	it( 'keeps the rows still and counts new jobs when the pointer is on the table', async () => {
		const { select, dispatch } = setup();
		await dispatch.fetchJobs();
		await dispatch.pollChanges( context() );
		const shown = select().getJobs();

		const jobs = makeJobs( 48 );
		jobs[ 3 ] = makeJob( { id: 45, status: 'failed', status_reason: 'x' } );
		server.setJobs( jobs );
		await dispatch.pollChanges( context( { isUserOnTable: true } ) );

		const rows = select().getJobs();
		expect( rows.map( ( job ) => job.id ) ).toEqual(
			shown.map( ( job ) => job.id )
		);
		expect( rows[ 0 ] ).toMatchObject( { id: 45, status: 'failed' } );
		expect( select().getNewJobsCount() ).toBe( 3 );
		expect( select().getTotal() ).toBe( 48 );

		// More arrive: the count grows from the same since_id.
		server.setJobs( makeJobs( 50 ) );
		await dispatch.pollChanges( context( { isUserOnTable: true } ) );
		expect( select().getNewJobsCount() ).toBe( 5 );
		expect( select().getJobs()[ 0 ].id ).toBe( 45 );

		// "Show" loads them.
		await dispatch.showNewJobs();
		expect( select().getJobs()[ 0 ].id ).toBe( 50 );
		expect( select().getNewJobsCount() ).toBe( 0 );
	} );

	it( 'looks up the newest ID once for views that do not show it', async () => {
		const { select, dispatch } = setup();
		await dispatch.updateView( { orderby: 'status', order: 'asc' } );
		expect( select().getSinceId() ).toBeNull();

		await dispatch.pollChanges( context() );
		expect( select().getSinceId() ).toBe( 45 );
		const lookups = server
			.requestsTo( 'jobs' )
			.filter( ( request ) => request.params.get( 'per_page' ) === '1' );
		expect( lookups ).toHaveLength( 1 );

		server.setJobs( makeJobs( 46 ) );
		await dispatch.pollChanges( context() );
		// Sorted by status, a new job may land anywhere: the bar, not a shift.
		expect( select().getNewJobsCount() ).toBe( 1 );
		expect( select().getSinceId() ).toBe( 45 );
	} );

	it( 'goes to page 1 to show new jobs of a newest-first view', async () => {
		const { select, dispatch } = setup();
		await dispatch.goToPage( 2 );
		await dispatch.pollChanges( context() );
		server.setJobs( makeJobs( 46 ) );
		await dispatch.pollChanges( context() );
		expect( select().getNewJobsCount() ).toBe( 1 );
		expect( select().getJobs()[ 0 ].id ).toBe( 25 );

		await dispatch.showNewJobs();
		expect( select().getQuery().page ).toBe( 1 );
		expect( select().getJobs()[ 0 ].id ).toBe( 46 );
	} );

	it( 'skips while a load the user asked for is in flight', async () => {
		const { select, dispatch } = setup();
		await dispatch.fetchJobs();
		server.hold();
		const paging = dispatch.goToPage( 2 );
		await dispatch.pollChanges( context() );
		expect( server.requestsTo( 'changes' ) ).toHaveLength( 0 );
		server.release();
		await paging;
		expect( select().getJobs()[ 0 ].id ).toBe( 25 );
	} );

	it( 'drops a live refresh the user overtook, keeping the token unapplied', async () => {
		const { select, dispatch } = setup();
		await dispatch.fetchJobs();
		await dispatch.pollChanges( context() );
		server.setJobs( makeJobs( 46 ) );

		server.hold();
		const poll = dispatch.pollChanges( context() );
		server.releaseOne( 0 ); // The changes answer.
		await vi.waitFor( () =>
			expect( server.requestsTo( 'jobs' ) ).toHaveLength( 3 )
		);
		const paging = dispatch.goToPage( 2 );
		server.release();
		await Promise.all( [ poll, paging ] );
		expect( select().getQuery().page ).toBe( 2 );
		expect( select().getJobs()[ 0 ].id ).toBe( 26 );
	} );

	it( 'rejects when the server fails, so the scheduler backs off', async () => {
		const { select, dispatch } = setup();
		await dispatch.fetchJobs();
		server.failNext( {
			route: 'changes',
			status: 503,
			body: {
				code: 'unavailable',
				message: 'Service unavailable',
				data: { status: 503 },
			},
		} );
		await expect( dispatch.pollChanges( context() ) ).rejects.toMatchObject(
			{ message: 'Service unavailable' }
		);
		// The rows stay.
		expect( select().getJobs() ).toHaveLength( 20 );
		expect( select().getError() ).toBeNull();
	} );
} );

describe( 'searchJobs', () => {
	it( 'highlights a job found by its ID, and opens it on Enter', async () => {
		const { select, dispatch } = setup();
		await dispatch.searchJobs( '12' );
		expect( server.lastParams().get( 'search' ) ).toBe( '12' );
		expect( select().getHighlightedJobId() ).toBe( 12 );
		expect( select().getJumpRequest() ).toEqual( {
			jobId: 12,
			open: false,
			sequence: 1,
		} );

		await dispatch.searchJobs( '12', { open: true } );
		expect( select().getJumpRequest() ).toEqual( {
			jobId: 12,
			open: true,
			sequence: 2,
		} );
		// Same term: no second list request.
		expect(
			server
				.requestsTo( 'jobs' )
				.filter( ( request ) => request.params.get( 'search' ) )
		).toHaveLength( 1 );
	} );

	it( 'checks IDs that are not on the page and ignores unknown ones', async () => {
		const { select, dispatch } = setup();
		server.setJobs( [
			...makeJobs( 45 ),
			...Array.from( { length: 30 }, ( _, index ) =>
				makeJob( { id: 1000 + index, pipeline_name: 'Feed 7' } )
			),
		] );
		await dispatch.searchJobs( '7' );
		expect( server.requestsTo( 'job' ) ).toHaveLength( 1 );
		expect( select().getHighlightedJobId() ).toBe( 7 );

		await dispatch.searchJobs( '999' );
		expect( select().getHighlightedJobId() ).toBeNull();

		await dispatch.searchJobs( 'timeout' );
		expect( server.requestsTo( 'job' ) ).toHaveLength( 2 );
	} );
} );

describe( 'view changes', () => {
	it( 'clears every filter but keeps the sort and page size', async () => {
		const { select, dispatch } = setup();
		await dispatch.updateView( {
			status: [ 'failed' ],
			pipelineId: 3,
			flowId: 7,
			search: 'x',
			range: '7d',
			orderby: 'created_at',
			order: 'asc',
			perPage: 50,
		} );
		await dispatch.clearFilters();
		expect( select().getQuery() ).toMatchObject( {
			status: [],
			pipelineId: null,
			flowId: null,
			search: '',
			range: 'any',
			after: null,
			before: null,
			orderby: 'created_at',
			order: 'asc',
			perPage: 50,
			page: 1,
		} );
	} );

	it( 'applies a whole view as it is', async () => {
		const { select, dispatch } = setup();
		await dispatch.applyView( {
			...select().getQuery(),
			page: 3,
			status: [ 'completed' ],
		} );
		expect( select().getLoadedQuery() ).toMatchObject( {
			page: 3,
			status: [ 'completed' ],
		} );
		expect( server.lastParams().get( 'page' ) ).toBe( '3' );
	} );
} );
