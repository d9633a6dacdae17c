/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { DEFAULT_QUERY } from '../../../../../src/features/jobs-list/store/constants';
import { initialState } from '../../../../../src/features/jobs-list/store/reducer';
import * as selectors from '../../../../../src/features/jobs-list/store/selectors';
import type { JobsState } from '../../../../../src/features/jobs-list/store/types';
import { makeJobs } from '../../../helpers/make-job';

const loaded: JobsState = {
	...initialState,
	query: { ...DEFAULT_QUERY, page: 2 },
	items: makeJobs( 3 ),
	total: 43,
	totalPages: 3,
	loadedQuery: { ...DEFAULT_QUERY, page: 2 },
	requestStatus: 'success',
	latestRequestId: 4,
};

describe( 'selectors', () => {
	it( 'read the list, totals and query', () => {
		expect( selectors.getJobs( loaded ) ).toBe( loaded.items );
		expect( selectors.getTotal( loaded ) ).toBe( 43 );
		expect( selectors.getTotalPages( loaded ) ).toBe( 3 );
		expect( selectors.getQuery( loaded ).page ).toBe( 2 );
		expect( selectors.getLoadedQuery( loaded ) ).toBe( loaded.loadedQuery );
		expect( selectors.getLatestRequestId( loaded ) ).toBe( 4 );
	} );

	it( 'tell loading, loaded and error apart', () => {
		expect( selectors.hasLoaded( initialState ) ).toBe( false );
		expect( selectors.isLoading( initialState ) ).toBe( false );
		expect( selectors.hasLoaded( loaded ) ).toBe( true );

		const reloading: JobsState = { ...loaded, requestStatus: 'loading' };
		expect( selectors.isLoading( reloading ) ).toBe( true );
		expect( selectors.getRequestStatus( reloading ) ).toBe( 'loading' );

		const error = { code: 'x', message: 'X', status: 500 };
		const failed: JobsState = { ...loaded, requestStatus: 'error', error };
		expect( selectors.getError( failed ) ).toBe( error );
		expect( selectors.getError( loaded ) ).toBeNull();
	} );
} );
