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
import {
	fetchFlows,
	fetchPipelines,
} from '../../../../../src/shared/api/catalog-api';
import {
	changesPath,
	fetchChanges,
	fetchNewestJobId,
	fetchStatusCounts,
	jobExists,
} from '../../../../../src/features/jobs-list/api/jobs-activity-api';
import { filterParams } from '../../../../../src/shared/api/jobs-api';
import { DEFAULT_QUERY } from '../../../../../src/features/jobs-list/store/constants';
import { FakeJobsServer } from '../../../helpers/fake-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeJob, makeJobs } from '../../../helpers/make-job';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

beforeEach( () => {
	server = serveApiFetch( new FakeJobsServer( makeJobs( 45 ) ) );
} );

const filtered = {
	...DEFAULT_QUERY,
	status: [ 'failed' as const ],
	pipelineId: 3,
	search: 'rss',
	after: '2025-03-01T05:00:00Z',
	page: 4,
	perPage: 50,
	orderby: 'status' as const,
};

describe( 'filterParams', () => {
	it( 'keeps the filters and drops paging and sort', () => {
		expect( filterParams( filtered ) ).toEqual( {
			status: 'failed',
			pipeline_id: 3,
			search: 'rss',
			after: '2025-03-01T05:00:00Z',
		} );
		expect( filterParams( DEFAULT_QUERY ) ).toEqual( {} );
	} );
} );

describe( 'changes', () => {
	it( 'sends the token, since_id and the filters', () => {
		expect(
			changesPath( { token: 'abc', sinceId: 120, query: filtered } )
		).toBe(
			'/dm-jobs/v1/jobs/changes?token=abc&since_id=120&status=failed&pipeline_id=3&search=rss&after=2025-03-01T05%3A00%3A00Z'
		);
		expect(
			changesPath( { token: '', sinceId: null, query: DEFAULT_QUERY } )
		).toBe( '/dm-jobs/v1/jobs/changes?token=' );
	} );

	it( 'reads "changed" and the new jobs counted above since_id', async () => {
		const first = await fetchChanges( {
			token: '',
			sinceId: 40,
			query: DEFAULT_QUERY,
		} );
		expect( first ).toEqual( {
			token: server.token(),
			changed: true,
			newJobs: 5,
		} );

		expect(
			await fetchChanges( {
				token: first.token,
				sinceId: 40,
				query: DEFAULT_QUERY,
			} )
		).toEqual( { token: first.token, changed: false, newJobs: null } );
	} );

	it( 'rejects an answer without a token', async () => {
		vi.mocked( apiFetch ).mockResolvedValueOnce(
			new Response( JSON.stringify( { changed: true } ) )
		);
		await expect(
			fetchChanges( { token: '', sinceId: null, query: DEFAULT_QUERY } )
		).rejects.toMatchObject( { code: 'invalid_response' } );
	} );
} );

describe( 'counts', () => {
	const answer = ( byStatus: Record< string, unknown > ) =>
		vi.mocked( apiFetch ).mockResolvedValueOnce(
			new Response(
				JSON.stringify( {
					total: 1_200_000,
					exact: false,
					as_of: '2025-03-05T14:03:04Z',
					by_status: byStatus,
					other_statuses: {},
				} )
			)
		);

	it( 'refuses counts that are not numbers', async () => {
		answer( { failed: 1_000_000, pending: 'lots' } );
		await expect( fetchStatusCounts() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );

	it( 'reads every base status, 0 when missing', async () => {
		answer( { failed: 1_000_000 } );
		expect( await fetchStatusCounts() ).toEqual( {
			total: 1_200_000,
			exact: false,
			asOf: '2025-03-05T14:03:04Z',
			byStatus: {
				pending: 0,
				processing: 0,
				waiting: 0,
				completed: 0,
				completed_no_items: 0,
				failed: 1_000_000,
				cancelled: 0,
				agent_skipped: 0,
			},
		} );
	} );
} );

describe( 'look-ups', () => {
	it( 'finds the newest matching job ID with a one-row request', async () => {
		server.setJobs( [
			makeJob( { id: 9, status: 'failed' } ),
			makeJob( { id: 12, status: 'completed' } ),
			makeJob( { id: 10, status: 'failed' } ),
		] );
		expect(
			await fetchNewestJobId( {
				...DEFAULT_QUERY,
				status: [ 'failed' ],
				orderby: 'status',
				order: 'asc',
				page: 3,
			} )
		).toBe( 10 );
		expect( Object.fromEntries( server.lastParams() ) ).toMatchObject( {
			page: '1',
			per_page: '1',
			orderby: 'job_id',
			order: 'desc',
			status: 'failed',
		} );
		server.setJobs( [] );
		expect( await fetchNewestJobId( DEFAULT_QUERY ) ).toBe( 0 );
	} );

	it( 'says whether a job exists', async () => {
		expect( await jobExists( 7 ) ).toBe( true );
		expect( server.requestsTo( 'job' )[ 0 ].params.get( '_fields' ) ).toBe(
			'id'
		);
		expect( await jobExists( 4567 ) ).toBe( false );
		server.failNext( {
			status: 500,
			body: { code: 'db', message: 'Down', data: { status: 500 } },
		} );
		await expect( jobExists( 7 ) ).rejects.toMatchObject( {
			status: 500,
		} );
	} );

	it( 'lists pipelines and the flows of one pipeline', async () => {
		server.pipelines = [ { id: 3, name: 'News', flow_count: 2 } ];
		server.flows = [
			{ id: 7, pipeline_id: 3, name: 'Hourly' },
			{ id: 8, pipeline_id: 4, name: 'Daily' },
		];
		expect( await fetchPipelines() ).toEqual( server.pipelines );
		expect( await fetchFlows( 3 ) ).toEqual( [
			{ id: 7, pipeline_id: 3, name: 'Hourly' },
		] );
		expect(
			server.requestsTo( 'flows' )[ 0 ].params.get( 'pipeline_id' )
		).toBe( '3' );
		expect( await fetchFlows( null ) ).toHaveLength( 2 );

		vi.mocked( apiFetch ).mockResolvedValueOnce(
			new Response( JSON.stringify( [ { id: 'x' } ] ) )
		);
		await expect( fetchPipelines() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );
