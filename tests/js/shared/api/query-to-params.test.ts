/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { queryToParams } from '../../../../src/shared/api/query-to-params';
import { DEFAULT_QUERY } from '../../../../src/features/jobs-list/store/constants';

describe( 'queryToParams', () => {
	it( 'maps the default query to page, size and the default sort only', () => {
		expect( queryToParams( DEFAULT_QUERY ) ).toEqual( {
			page: 1,
			per_page: 20,
			orderby: 'job_id',
			order: 'desc',
		} );
	} );

	it( 'maps every filter to its REST name', () => {
		expect(
			queryToParams( {
				page: 3,
				perPage: 50,
				status: [ 'failed', 'pending' ],
				pipelineId: 4,
				flowId: 9,
				search: '  timeout ',
				after: '2025-01-01T00:00:00Z',
				before: '2025-02-01T00:00:00Z',
				orderby: 'created_at',
				order: 'asc',
			} )
		).toEqual( {
			page: 3,
			per_page: 50,
			status: 'pending,failed',
			pipeline_id: 4,
			flow_id: 9,
			search: 'timeout',
			after: '2025-01-01T00:00:00Z',
			before: '2025-02-01T00:00:00Z',
			orderby: 'created_at',
			order: 'asc',
		} );
	} );

	it( 'lists statuses once, in a stable order, so equal queries give equal URLs', () => {
		const a = queryToParams( {
			...DEFAULT_QUERY,
			status: [ 'failed', 'completed', 'failed' ],
		} );
		const b = queryToParams( {
			...DEFAULT_QUERY,
			status: [ 'completed', 'failed' ],
		} );
		expect( a.status ).toBe( 'completed,failed' );
		expect( b ).toEqual( a );
	} );

	it( 'leaves out empty filters', () => {
		const params = queryToParams( {
			...DEFAULT_QUERY,
			status: [],
			pipelineId: null,
			flowId: 0,
			search: '   ',
			after: '',
			before: null,
		} );
		expect( Object.keys( params ).sort() ).toEqual( [
			'order',
			'orderby',
			'page',
			'per_page',
		] );
	} );

	it( 'clamps page and page size to what the API accepts', () => {
		expect(
			queryToParams( { ...DEFAULT_QUERY, page: 0, perPage: 500 } )
		).toMatchObject( { page: 1, per_page: 100 } );
		expect(
			queryToParams( { ...DEFAULT_QUERY, page: 2.7, perPage: -4 } )
		).toMatchObject( { page: 2, per_page: 1 } );
	} );
} );
