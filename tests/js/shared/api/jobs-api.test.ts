/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../../src/shared/api/api-request-error';
import {
	fetchJobsPage,
	jobsPath,
	queryToParams,
} from '../../../../src/shared/api/jobs-api';
import { DEFAULT_QUERY } from '../../../../src/features/jobs-list/store/constants';
import { FakeJobsServer } from '../../helpers/fake-server';
import { serveApiFetch } from '../../helpers/serve-api-fetch';
import { makeJob, makeJobs } from '../../helpers/make-job';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

beforeEach( () => {
	server = serveApiFetch( new FakeJobsServer( makeJobs( 45 ) ) );
} );

describe( 'jobsPath', () => {
	it( 'builds the list path from the query', () => {
		expect(
			jobsPath( { ...DEFAULT_QUERY, page: 2, status: [ 'failed' ] } )
		).toBe(
			'/dm-jobs/v1/jobs?page=2&per_page=20&orderby=job_id&order=desc&status=failed'
		);
	} );

	it( 'uses the configured namespace', () => {
		expect( jobsPath( DEFAULT_QUERY, 'custom/v2' ) ).toMatch(
			/^\/custom\/v2\/jobs\?/
		);
	} );
} );

describe( 'fetchJobsPage', () => {
	it( 'asks for the unparsed response and reads the totals from its headers', async () => {
		const page = await fetchJobsPage( { ...DEFAULT_QUERY, page: 3 } );

		expect( server.requests ).toHaveLength( 1 );
		expect( server.requests[ 0 ].parse ).toBe( false );
		expect( server.lastParams().get( 'page' ) ).toBe( '3' );
		expect( page.total ).toBe( 45 );
		expect( page.totalPages ).toBe( 3 );
		expect( page.items.map( ( job ) => job.id ) ).toEqual( [
			5, 4, 3, 2, 1,
		] );
	} );

	it( 'reads whether the total is exact', async () => {
		expect( ( await fetchJobsPage( DEFAULT_QUERY ) ).totalExact ).toBe(
			true
		);
		server.totalExact = false;
		expect( ( await fetchJobsPage( DEFAULT_QUERY ) ).totalExact ).toBe(
			false
		);
	} );

	it( 'sends every filter and the sort', async () => {
		await fetchJobsPage( {
			...DEFAULT_QUERY,
			status: [ 'failed', 'pending' ],
			pipelineId: 3,
			flowId: 7,
			search: ' timeout ',
			after: '2025-03-01T05:00:00Z',
			before: '2025-03-08T04:59:59Z',
			orderby: 'duration',
			order: 'asc',
			perPage: 50,
			page: 2,
		} );
		expect( Object.fromEntries( server.lastParams() ) ).toEqual( {
			page: '2',
			per_page: '50',
			status: 'pending,failed',
			pipeline_id: '3',
			flow_id: '7',
			search: 'timeout',
			after: '2025-03-01T05:00:00Z',
			before: '2025-03-08T04:59:59Z',
			orderby: 'duration',
			order: 'asc',
		} );
	} );

	it( 'rejects with the REST error message', async () => {
		server.failNext( {
			status: 400,
			body: {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): per_page',
				data: { status: 400, params: { per_page: 'too big' } },
			},
		} );

		const error = await fetchJobsPage( DEFAULT_QUERY ).catch(
			( reason: unknown ) => reason
		);
		expect( error ).toBeInstanceOf( ApiRequestError );
		expect( error ).toMatchObject( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): per_page',
			status: 400,
		} );
	} );

	it( 'rejects a response that is not a jobs list', async () => {
		vi.mocked( apiFetch ).mockResolvedValueOnce(
			new Response( JSON.stringify( { jobs: [] } ) )
		);
		await expect( fetchJobsPage( DEFAULT_QUERY ) ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );

		vi.mocked( apiFetch ).mockResolvedValueOnce(
			new Response( JSON.stringify( [ { ...makeJob(), id: 'seven' } ] ) )
		);
		await expect( fetchJobsPage( DEFAULT_QUERY ) ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

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
