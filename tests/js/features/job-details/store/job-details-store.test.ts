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
import { store } from '../../../../../src/features/job-details/store';
import { JOB_CACHE_LIMIT } from '../../../../../src/features/job-details/constants';
import {
	initialState,
	reducer,
} from '../../../../../src/features/job-details/store/reducer';
import * as selectors from '../../../../../src/features/job-details/store/selectors';
import { FakeDetailsServer } from '../helpers/fake-details-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeDetail, makeLines } from '../helpers/make-detail';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeDetailsServer;

beforeEach( () => {
	server = serveApiFetch( new FakeDetailsServer() );
} );

function setup() {
	const registry = createRegistry();
	registry.register( store );
	return {
		select: registry.select( store ),
		dispatch: registry.dispatch( store ),
	};
}

describe( 'job details reducer', () => {
	it( 'ignores log answers for another job or older filters', () => {
		const opened = reducer( initialState, { type: 'OPEN_JOB', jobId: 5 } );
		const filtered = reducer( opened, {
			type: 'LOGS_SET_FILTERS',
			jobId: 5,
			filters: { levels: [ 'error' ], search: '' },
		} );
		expect(
			reducer( filtered, {
				type: 'LOGS_RECEIVE_LATEST',
				key: opened.logs.key,
				page: {
					items: makeLines( 2 ),
					next_cursor: 2,
					prev_cursor: 1,
					has_more: false,
					has_older: false,
				},
			} )
		).toBe( filtered );
	} );

	it( 'keeps the shown job when a refresh fails', () => {
		const opened = reducer( initialState, { type: 'OPEN_JOB', jobId: 5 } );
		const loaded = reducer( opened, {
			type: 'DETAIL_RECEIVE',
			jobId: 5,
			job: makeDetail( { id: 5 } ),
		} );
		const failed = reducer( loaded, {
			type: 'DETAIL_FAILURE',
			jobId: 5,
			error: { code: 'x', message: 'down', status: 500 },
		} );
		expect( selectors.getJob( failed ) ).not.toBeNull();
		expect( selectors.getDetailStatus( failed ) ).toBe( 'ready' );
	} );

	it( 'keeps at most JOB_CACHE_LIMIT jobs', () => {
		let state = initialState;
		for ( let id = 1; id <= JOB_CACHE_LIMIT + 3; id++ ) {
			state = reducer( state, {
				type: 'DETAIL_RECEIVE',
				jobId: id,
				job: makeDetail( { id } ),
			} );
		}
		expect( state.jobs.order ).toHaveLength( JOB_CACHE_LIMIT );
		expect( selectors.getJobDetail( state, 3 ) ).toBeUndefined();
		expect( selectors.getJobDetail( state, 4 )?.id ).toBe( 4 );
	} );
} );

describe( 'job details: jobs resolved once', { timeout: 30_000 }, () => {
	it( 'opens a job seen before from the store, a final one without a request', async () => {
		server.addJob( makeDetail( { id: 7 } ), makeLines( 3 ) );
		server.addJob( makeDetail( { id: 8 } ), makeLines( 3 ) );
		const { select, dispatch } = setup();
		await dispatch.openJob( 7 );
		await dispatch.openJob( 8 );
		await dispatch.openJob( 7 );

		expect( select.getJob()?.id ).toBe( 7 );
		expect( server.jobRequests() ).toEqual( [ 7, 8 ] );
	} );

	it( 'asks again for a job that failed to load, and for a refresh', async () => {
		const { select, dispatch } = setup();
		await dispatch.openJob( 9 );
		expect( select.getDetailStatus() ).toBe( 'error' );

		server.addJob( makeDetail( { id: 9 } ), makeLines( 1 ) );
		await dispatch.loadJob();
		expect( select.getDetailStatus() ).toBe( 'ready' );
		await dispatch.loadJob( { reload: true } );
		expect( server.jobRequests() ).toEqual( [ 9, 9, 9 ] );
	} );
} );

describe( 'job details actions', { timeout: 30_000 }, () => {
	it( 'opens a job: loads it and the newest page of its log', async () => {
		server.addJob( makeDetail( { id: 7 } ), makeLines( 800 ) );
		const { select, dispatch } = setup();
		await dispatch.openJob( 7 );

		expect( select.getOpenJobId() ).toBe( 7 );
		expect( select.getJob()?.id ).toBe( 7 );
		expect( select.getLogLines() ).toHaveLength( 500 );
		expect( select.getLogLines()[ 0 ].id ).toBe( 301 );
		expect( select.hasOlderLogLines() ).toBe( true );
		expect( server.logRequests()[ 0 ].get( 'tail' ) ).toBe( 'true' );

		await dispatch.loadAllLogs();
		expect( select.getLogLines().map( ( line ) => line.id ) ).toEqual(
			Array.from( { length: 800 }, ( _, index ) => index + 1 )
		);
		expect( select.hasOlderLogLines() ).toBe( false );
		expect( server.logRequests()[ 1 ].get( 'before' ) ).toBe( '301' );
	} );

	it( 'live tail: reads after the older cursor, so a late line still shows', async () => {
		server.addJob(
			makeDetail( { id: 7, is_final: false } ),
			makeLines( 3 )
		);
		const { select, dispatch } = setup();
		await dispatch.openJob( 7 );

		server.appendLines( 7, makeLines( 1, 10 ) );
		await dispatch.pollLogs();
		expect( server.logRequests().at( -1 )?.get( 'after' ) ).toBe( '3' );

		// Line 8 commits after line 10 was read; line 11 is new.
		server.appendLines( 7, [
			...makeLines( 1, 8 ),
			...makeLines( 1, 11 ),
		] );
		await dispatch.pollLogs();
		// The poll re-read from the cursor before the last one.
		expect( server.logRequests().at( -1 )?.get( 'after' ) ).toBe( '3' );
		expect( select.getLogLines().map( ( line ) => line.id ) ).toEqual( [
			1, 2, 3, 8, 10, 11,
		] );

		await dispatch.pollLogs();
		expect( server.logRequests().at( -1 )?.get( 'after' ) ).toBe( '10' );
		expect( select.getLogLines() ).toHaveLength( 6 );
	} );

	it( 'reads several pages when many lines arrived between polls', async () => {
		server.addJob(
			makeDetail( { id: 7, is_final: false } ),
			makeLines( 1 )
		);
		const { select, dispatch } = setup();
		await dispatch.openJob( 7 );
		server.appendLines( 7, makeLines( 1200, 2 ) );
		await dispatch.pollLogs();
		expect( select.getLogLines() ).toHaveLength( 1201 );
	} );

	it( 'sends the level and search filters and reloads', async () => {
		server.addJob( makeDetail( { id: 7 } ), makeLines( 30 ) );
		const { select, dispatch } = setup();
		await dispatch.openJob( 7 );
		await dispatch.setLogFilters( {
			levels: [ 'error' ],
			search: 'Line 2',
		} );

		const params = server.logRequests().at( -1 );
		expect( params?.get( 'level' ) ).toBe( 'error' );
		expect( params?.get( 'search' ) ).toBe( 'Line 2' );
		expect( select.getLogLines().map( ( line ) => line.message ) ).toEqual(
			[ 'Line 21', 'Line 24', 'Line 27' ]
		);
	} );

	it( 'keeps the lines shown when a tail poll fails', async () => {
		server.addJob(
			makeDetail( { id: 7, is_final: false } ),
			makeLines( 3 )
		);
		const { select, dispatch } = setup();
		await dispatch.openJob( 7 );
		server.failNextLogRequests( 1 );
		await dispatch.pollLogs();
		expect( select.getLogLines() ).toHaveLength( 3 );
		expect( select.getTailError()?.message ).toBe( 'Database went away' );
		await dispatch.pollLogs();
		expect( select.getTailError() ).toBeNull();
	} );

	it( 'reports a job that does not exist', async () => {
		const { select, dispatch } = setup();
		await dispatch.openJob( 99 );
		expect( select.getDetailStatus() ).toBe( 'error' );
		expect( select.getDetailError()?.status ).toBe( 404 );
	} );
} );
