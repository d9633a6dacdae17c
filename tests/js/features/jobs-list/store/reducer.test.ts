/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	receiveJobsPage,
	setQuery,
} from '../../../../../src/features/jobs-list/store/view';
import {
	DEFAULT_QUERY,
	PAGE_CACHE_LIMIT,
} from '../../../../../src/features/jobs-list/store/constants';
import {
	initialState,
	reducer,
} from '../../../../../src/features/jobs-list/store/reducer';
import * as selectors from '../../../../../src/features/jobs-list/store/selectors';
import { normalizeJobsQuery } from '../../../../../src/shared/api/jobs-api';
import type { JobsView } from '../../../../../src/shared/types';
import { makeJobs } from '../../../helpers/make-job';

const page2: JobsView = { ...DEFAULT_QUERY, page: 2 };
const jobsPage = { items: makeJobs( 2 ), total: 42, totalPages: 3 };
const serverError = { code: 'boom', message: 'Boom', status: 500 };

describe( 'reducer', () => {
	it( 'starts idle on the default query with nothing loaded', () => {
		expect( initialState ).toMatchObject( {
			query: DEFAULT_QUERY,
			viewApplied: false,
			requestStatus: 'idle',
			loadedQuery: null,
			error: null,
		} );
		expect( selectors.getJobs( initialState ) ).toEqual( [] );
	} );

	it( 'asks for a view not in the cache: loading, nothing shown yet', () => {
		const state = reducer( initialState, setQuery( page2 ) );
		expect( state ).toMatchObject( {
			query: page2,
			viewApplied: true,
			requestStatus: 'loading',
			loadedQuery: null,
		} );
	} );

	it( 'shows the page of the asked view when it arrives', () => {
		const state = reducer(
			reducer( initialState, setQuery( page2 ) ),
			receiveJobsPage( normalizeJobsQuery( page2 ), jobsPage, 1000 )
		);
		expect( state ).toMatchObject( {
			loadedQuery: page2,
			requestStatus: 'success',
		} );
		expect( selectors.getJobs( state ) ).toBe( jobsPage.items );
		expect( selectors.getTotal( state ) ).toBe( 42 );
		expect( selectors.getTotalPages( state ) ).toBe( 3 );
		expect( selectors.getLastUpdated( state ) ).toBe( 1000 );
	} );

	it( 'caches an answer to another view without showing it', () => {
		const asked = reducer( initialState, setQuery( DEFAULT_QUERY ) );
		const state = reducer(
			asked,
			receiveJobsPage( normalizeJobsQuery( page2 ), jobsPage )
		);
		expect( state.loadedQuery ).toBeNull();
		expect(
			selectors.getJobsPage( state, normalizeJobsQuery( page2 ) )
		).toBe( jobsPage );
	} );

	it( 'shows a cached view at once', () => {
		const cached = reducer(
			initialState,
			receiveJobsPage( normalizeJobsQuery( page2 ), jobsPage )
		);
		const state = reducer( cached, setQuery( page2 ) );
		expect( state ).toMatchObject( {
			loadedQuery: page2,
			requestStatus: 'success',
		} );
		expect( selectors.getJobs( state ) ).toBe( jobsPage.items );
	} );

	it( 'keeps the shown jobs when the next view fails', () => {
		const shown = reducer(
			reducer( initialState, setQuery( page2 ) ),
			receiveJobsPage( normalizeJobsQuery( page2 ), jobsPage )
		);
		const failed = reducer( reducer( shown, setQuery( DEFAULT_QUERY ) ), {
			type: 'RECEIVE_JOBS_ERROR',
			query: normalizeJobsQuery( DEFAULT_QUERY ),
			error: serverError,
		} );
		expect( failed.requestStatus ).toBe( 'error' );
		expect( selectors.getError( failed ) ).toEqual( serverError );
		expect( selectors.getJobs( failed ) ).toBe( jobsPage.items );
	} );

	it( 'ignores the error of a view no longer asked for', () => {
		const asked = reducer( initialState, setQuery( page2 ) );
		expect(
			reducer( asked, {
				type: 'RECEIVE_JOBS_ERROR',
				query: normalizeJobsQuery( DEFAULT_QUERY ),
				error: serverError,
			} )
		).toBe( asked );
	} );

	it( 'keeps at most PAGE_CACHE_LIMIT pages, dropping the least recently used', () => {
		let state = initialState;
		for ( let page = 1; page <= PAGE_CACHE_LIMIT + 5; page++ ) {
			state = reducer(
				state,
				receiveJobsPage(
					normalizeJobsQuery( { ...DEFAULT_QUERY, page } ),
					jobsPage
				)
			);
		}
		expect( selectors.getCachedPageCount( state ) ).toBe(
			PAGE_CACHE_LIMIT
		);
		expect(
			selectors.getJobsPage(
				state,
				normalizeJobsQuery( { ...DEFAULT_QUERY, page: 5 } )
			)
		).toBeUndefined();
		expect(
			selectors.getJobsPage(
				state,
				normalizeJobsQuery( { ...DEFAULT_QUERY, page: 6 } )
			)
		).toBe( jobsPage );
	} );
} );
