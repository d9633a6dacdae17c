/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	receiveJobsError,
	receiveJobsPage,
	setQuery,
	startJobsRequest,
} from '../../../../../src/features/jobs-list/store/actions';
import { DEFAULT_QUERY } from '../../../../../src/features/jobs-list/store/constants';
import {
	initialState,
	reducer,
} from '../../../../../src/features/jobs-list/store/reducer';
import type { JobsState } from '../../../../../src/features/jobs-list/store/types';
import { makeJobs } from '../../../helpers/make-job';

const page2 = { ...DEFAULT_QUERY, page: 2 };
const jobsPage = { items: makeJobs( 2 ), total: 42, totalPages: 3 };
const serverError = { code: 'boom', message: 'Boom', status: 500 };

function loading( requestId: number ): JobsState {
	return reducer( initialState, startJobsRequest( requestId, page2 ) );
}

describe( 'reducer', () => {
	it( 'starts idle on the default query with nothing loaded', () => {
		expect( initialState ).toMatchObject( {
			query: DEFAULT_QUERY,
			items: [],
			total: 0,
			requestStatus: 'idle',
			loadedQuery: null,
			error: null,
		} );
	} );

	it( 'stores the query', () => {
		expect( reducer( initialState, setQuery( page2 ) ).query ).toBe(
			page2
		);
	} );

	it( 'marks a request as loading and clears the previous error', () => {
		const failed = reducer(
			loading( 1 ),
			receiveJobsError( 1, serverError )
		);
		const retrying = reducer( failed, startJobsRequest( 2, page2 ) );
		expect( retrying ).toMatchObject( {
			requestStatus: 'loading',
			error: null,
			latestRequestId: 2,
		} );
	} );

	it( 'stores a page of jobs with its totals and query', () => {
		const state = reducer(
			loading( 1 ),
			receiveJobsPage( 1, page2, jobsPage )
		);
		expect( state ).toMatchObject( {
			items: jobsPage.items,
			total: 42,
			totalPages: 3,
			loadedQuery: page2,
			requestStatus: 'success',
		} );
	} );

	it( 'keeps the shown jobs when a later request fails', () => {
		const loaded = reducer(
			loading( 1 ),
			receiveJobsPage( 1, page2, jobsPage )
		);
		const failed = reducer(
			reducer( loaded, startJobsRequest( 2, DEFAULT_QUERY ) ),
			receiveJobsError( 2, serverError )
		);
		expect( failed ).toMatchObject( {
			items: jobsPage.items,
			requestStatus: 'error',
			error: serverError,
		} );
	} );

	it( 'ignores answers to superseded requests', () => {
		const twoInFlight = reducer(
			loading( 1 ),
			startJobsRequest( 2, page2 )
		);
		expect(
			reducer( twoInFlight, receiveJobsPage( 1, page2, jobsPage ) )
		).toBe( twoInFlight );
		expect(
			reducer( twoInFlight, receiveJobsError( 1, serverError ) )
		).toBe( twoInFlight );
	} );
} );
