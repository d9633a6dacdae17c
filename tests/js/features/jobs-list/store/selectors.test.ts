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
import type { JobsView } from '../../../../../src/shared/types';
import {
	jobsQueryKey,
	normalizeJobsQuery,
} from '../../../../../src/shared/api/jobs-api';
import { makeJobs } from '../../../helpers/make-job';

const view = { ...DEFAULT_QUERY, page: 2 };
const items = makeJobs( 3 );
const key = jobsQueryKey( view );
const sameRequest: JobsView = { ...view, range: 'any', search: ' ' };

const loaded: JobsState = {
	...initialState,
	query: view,
	viewApplied: true,
	loadedQuery: view,
	pages: {
		entries: {
			[ key ]: {
				query: normalizeJobsQuery( view ),
				data: { items, total: 43, totalPages: 3 },
				receivedAt: 1,
			},
		},
		order: [ key ],
	},
	requestStatus: 'success',
};

describe( 'selectors', () => {
	it( 'read the shown page, its totals and the query', () => {
		expect( selectors.getJobs( loaded ) ).toBe( items );
		expect( selectors.getTotal( loaded ) ).toBe( 43 );
		expect( selectors.getTotalPages( loaded ) ).toBe( 3 );
		expect( selectors.isTotalExact( loaded ) ).toBe( true );
		expect( selectors.getQuery( loaded ).page ).toBe( 2 );
		expect( selectors.getLoadedQuery( loaded ) ).toBe( view );
	} );

	it( 'tell loading, loaded and error apart', () => {
		expect( selectors.hasLoaded( initialState ) ).toBe( false );
		expect( selectors.isLoading( initialState ) ).toBe( false );
		expect( selectors.hasLoaded( loaded ) ).toBe( true );

		const reloading: JobsState = { ...loaded, requestStatus: 'loading' };
		expect( selectors.isLoading( reloading ) ).toBe( true );
		expect( selectors.getRequestStatus( reloading ) ).toBe( 'loading' );

		const error = { code: 'x', message: 'X', status: 500 };
		const failed: JobsState = {
			...loaded,
			requestStatus: 'error',
			error: { key, error },
		};
		expect( selectors.getError( failed ) ).toBe( error );
		expect( selectors.getError( loaded ) ).toBeNull();
	} );

	it( 'find a page by any view asking the same request', () => {
		expect( selectors.getJobsPage( loaded, sameRequest ) ).toBe(
			loaded.pages.entries[ key ].data
		);
		expect(
			selectors.getJobsPage( loaded, { ...view, page: 3 } )
		).toBeUndefined();
	} );
} );
