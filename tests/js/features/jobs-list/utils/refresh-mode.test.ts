/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	canShowNewJobsInPlace,
	decideRefreshMode,
	mergeRows,
	newestJobId,
	showsNewestJobs,
} from '../../../../../src/features/jobs-list/utils/refresh-mode';
import type { RefreshContext } from '../../../../../src/features/jobs-list/utils/refresh-mode';
import { makeJob } from '../../../helpers/make-job';

const top: RefreshContext = {
	query: { page: 1, orderby: 'job_id', order: 'desc' },
	newJobs: 3,
	isAtTop: true,
	isUserOnTable: false,
};

describe( 'new jobs: show them or offer the bar', () => {
	it( 'shows new jobs in place at the top of page 1 of a newest-first view', () => {
		expect( canShowNewJobsInPlace( top ) ).toBe( true );
		expect( decideRefreshMode( top ) ).toBe( 'replace' );
		expect(
			decideRefreshMode( {
				...top,
				query: { page: 1, orderby: 'created_at', order: 'desc' },
			} )
		).toBe( 'replace' );
	} );

	it.each( [
		[ 'the pointer is on the table', { isUserOnTable: true } ],
		[ 'the page is scrolled down', { isAtTop: false } ],
		[
			'page 2 is shown',
			{ query: { page: 2, orderby: 'job_id', order: 'desc' } },
		],
		[
			'the oldest jobs come first',
			{ query: { page: 1, orderby: 'job_id', order: 'asc' } },
		],
		[
			'the list is sorted by status',
			{ query: { page: 1, orderby: 'status', order: 'desc' } },
		],
	] as Array< [ string, Partial< RefreshContext > ] > )(
		'keeps the rows and offers the bar when %s',
		( _, changes ) => {
			const context = { ...top, ...changes };
			expect( canShowNewJobsInPlace( context ) ).toBe( false );
			expect( decideRefreshMode( context ) ).toBe( 'merge' );
		}
	);

	it( 'replaces the rows when nothing new arrived (status changes only)', () => {
		expect(
			decideRefreshMode( { ...top, newJobs: 0, isUserOnTable: true } )
		).toBe( 'replace' );
		expect(
			decideRefreshMode( {
				...top,
				newJobs: 0,
				query: { page: 3, orderby: 'status', order: 'asc' },
			} )
		).toBe( 'replace' );
	} );
} );

describe( 'mergeRows', () => {
	it( 'updates shown rows in place and adds none', () => {
		const shown = [
			makeJob( { id: 3, status: 'pending' } ),
			makeJob( { id: 2 } ),
		];
		const fresh = [
			makeJob( { id: 5 } ),
			makeJob( { id: 4 } ),
			makeJob( { id: 3, status: 'failed', status_reason: 'x' } ),
		];
		const merged = mergeRows( shown, fresh );
		expect( merged.map( ( job ) => job.id ) ).toEqual( [ 3, 2 ] );
		expect( merged[ 0 ] ).toMatchObject( {
			status: 'failed',
			status_reason: 'x',
		} );
		// Row 2 is no longer on the fresh page: it stays as it was.
		expect( merged[ 1 ] ).toBe( shown[ 1 ] );
	} );

	it( 'returns the same array when nothing changed', () => {
		const shown = [ makeJob( { id: 3 } ) ];
		expect( mergeRows( shown, [ makeJob( { id: 3 } ) ] ) ).toBe( shown );
	} );
} );

describe( 'newest IDs', () => {
	it( 'finds the highest ID shown', () => {
		expect(
			newestJobId( [ makeJob( { id: 4 } ), makeJob( { id: 9 } ) ] )
		).toBe( 9 );
		expect( newestJobId( [] ) ).toBe( 0 );
	} );

	it( 'knows when the shown rows include the newest job', () => {
		expect(
			showsNewestJobs( { page: 1, orderby: 'job_id', order: 'desc' } )
		).toBe( true );
		expect(
			showsNewestJobs( { page: 2, orderby: 'job_id', order: 'desc' } )
		).toBe( false );
		expect(
			showsNewestJobs( { page: 1, orderby: 'flow', order: 'desc' } )
		).toBe( false );
	} );
} );
