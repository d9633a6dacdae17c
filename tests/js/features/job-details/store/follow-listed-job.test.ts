/**
 * The open job follows the jobs list's live change feed: one poll loop (the
 * list's), which watches the open job and hands its state to the details
 * store; the panel reloads the job only when that state moved.
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
import { store as detailsStore } from '../../../../../src/features/job-details/store';
import { listedJobChanged } from '../../../../../src/features/job-details/utils/listed-job-changed';
import { store as jobsStore } from '../../../../../src/features/jobs-list/store';
import { watchList } from '../../../../../src/shared/open-job/live-bridge';
import { makeJob, makeJobs } from '../../../helpers/make-job';
import { FakeDetailsServer } from '../helpers/fake-details-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeDetail } from '../helpers/make-detail';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const CONTEXT = { isAtTop: () => true, isUserOnTable: () => false };
const RUNNING = {
	id: 7,
	status: 'processing',
	raw_status: 'processing',
	is_final: false,
	completed_at: null,
	duration: null,
} as const;
const FAILED = {
	id: 7,
	status: 'failed',
	raw_status: 'failed - timeout',
	status_reason: 'timeout',
	is_final: true,
	completed_at: '2025-03-05T14:05:00Z',
	duration: 116,
} as const;

let server: FakeDetailsServer;

beforeEach( () => {
	server = serveApiFetch( new FakeDetailsServer() );
} );

function setup() {
	const registry = createRegistry();
	registry.register( jobsStore );
	registry.register( detailsStore );
	return {
		jobs: registry.dispatch( jobsStore ),
		details: registry.dispatch( detailsStore ),
		shown: () => registry.select( detailsStore ).getJob(),
	};
}

function detailRequests(): number {
	return server.requests.filter( ( request ) =>
		/\/jobs\/7$/.test( request.route )
	).length;
}

/**
 * Job 7 runs, and is shown both in the list and in the panel.
 *
 * @param listed Jobs the list shows (job 7 may be among them or not).
 */
async function openRunningJob( listed = makeJobs( 3 ) ) {
	server.addJob( makeDetail( RUNNING ) );
	server.list.setJobs( [ ...listed, makeJob( RUNNING ) ] );
	const screen = setup();
	await screen.jobs.fetchJobs();
	await screen.details.openJob( 7 );
	return screen;
}

/** The job finishes (failed) on the server. */
function finishJob() {
	server.addJob(
		makeDetail( {
			...FAILED,
			failure: {
				message: 'The feed timed out.',
				step_id: 'u1',
				reason: 'timeout',
				trace: null,
			},
		} )
	);
	server.list.setJobs(
		server.list
			.getJobs()
			.map( ( job ) => ( job.id === 7 ? makeJob( FAILED ) : job ) )
	);
}

describe( 'the open job follows the list’s change feed', () => {
	it( 'watches the open job and reloads it when it finished', async () => {
		const { jobs, shown } = await openRunningJob();
		finishJob();
		const before = detailRequests();

		await jobs.pollChanges( CONTEXT );

		const poll = server.list.requestsTo( 'changes' ).at( -1 );
		expect( poll?.params.get( 'watch' ) ).toBe( '7' );
		await vi.waitFor( () => expect( shown()?.status ).toBe( 'failed' ) );
		expect( shown() ).toMatchObject( {
			completed_at: '2025-03-05T14:05:00Z',
			status_reason: 'timeout',
			failure: { message: 'The feed timed out.' },
		} );
		expect( detailRequests() ).toBe( before + 1 );
	} );

	it( 'follows the open job even when the list does not show it', async () => {
		// Thirty newer jobs: job 7 is on page 2, so no row of it updates.
		const newer = makeJobs( 30 ).map( ( job ) => ( {
			...job,
			id: job.id + 100,
		} ) );
		const { jobs, shown } = await openRunningJob( newer );
		expect(
			server.list.requestsTo( 'jobs' ).at( -1 )?.params.get( 'page' ) ??
				'1'
		).toBe( '1' );
		finishJob();

		await jobs.pollChanges( CONTEXT );
		await vi.waitFor( () => expect( shown()?.status ).toBe( 'failed' ) );
	} );

	it( 'loads nothing more while the open job has not moved', async () => {
		const { jobs } = await openRunningJob();
		const before = detailRequests();
		await jobs.pollChanges( CONTEXT );
		await jobs.pollChanges( CONTEXT );
		await new Promise( ( resolve ) => setTimeout( resolve, 20 ) );
		expect( detailRequests() ).toBe( before );
	} );

	it( 'sends no watch when no job is open', async () => {
		server.list.setJobs( makeJobs( 3 ) );
		const { jobs } = setup();
		await jobs.fetchJobs();
		await jobs.pollChanges( CONTEXT );
		expect(
			server.list.requestsTo( 'changes' ).at( -1 )?.params.has( 'watch' )
		).toBe( false );
	} );
} );

describe( 'listedJobChanged', () => {
	it( 'tells a finished, re-reasoned or re-timed job from an unchanged one', () => {
		const shown = makeJob( RUNNING );
		expect( listedJobChanged( shown, makeJob( RUNNING ) ) ).toBe( false );
		expect( listedJobChanged( shown, makeJob( FAILED ) ) ).toBe( true );
		expect(
			listedJobChanged(
				shown,
				makeJob( { ...RUNNING, status_reason: 'waiting on gate' } )
			)
		).toBe( true );
		expect(
			listedJobChanged( shown, makeJob( { ...FAILED, id: 8 } ) )
		).toBe( false );
	} );
} );

describe( 'watchList', () => {
	it( 'adds the open job to the watched ones, within the limit', () => {
		expect( watchList( [ 1, 2 ], 7, 50 ) ).toEqual( [ 1, 2, 7 ] );
		expect( watchList( [ 1, 7 ], 7, 50 ) ).toEqual( [ 1, 7 ] );
		expect( watchList( [ 1, 2 ], null, 50 ) ).toEqual( [ 1, 2 ] );
		// Full: the watched jobs keep their places.
		expect( watchList( [ 1, 2 ], 7, 2 ) ).toEqual( [ 1, 2 ] );
	} );
} );
