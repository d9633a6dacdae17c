/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	ariaSortFor,
	defaultOrderFor,
	isNewestFirst,
	toggleSort,
} from '../../../../../src/features/jobs-list/utils/sorting';

describe( 'toggleSort', () => {
	it( 'flips the direction of the column already sorted by', () => {
		expect(
			toggleSort( { orderby: 'job_id', order: 'desc' }, 'job_id' )
		).toEqual( { orderby: 'job_id', order: 'asc' } );
		expect(
			toggleSort( { orderby: 'job_id', order: 'asc' }, 'job_id' )
		).toEqual( { orderby: 'job_id', order: 'desc' } );
	} );

	it( 'starts another column in its natural direction', () => {
		expect(
			toggleSort( { orderby: 'job_id', order: 'asc' }, 'created_at' )
		).toEqual( { orderby: 'created_at', order: 'desc' } );
		expect(
			toggleSort( { orderby: 'job_id', order: 'desc' }, 'pipeline' )
		).toEqual( { orderby: 'pipeline', order: 'asc' } );
		expect( defaultOrderFor( 'duration' ) ).toBe( 'desc' );
		expect( defaultOrderFor( 'status' ) ).toBe( 'asc' );
		expect( defaultOrderFor( 'flow' ) ).toBe( 'asc' );
	} );
} );

describe( 'ariaSortFor', () => {
	it( 'describes the sorted column and "none" for the others', () => {
		const sort = { orderby: 'flow', order: 'asc' } as const;
		expect( ariaSortFor( [ 'flow' ], sort ) ).toBe( 'ascending' );
		expect( ariaSortFor( [ 'pipeline', 'flow' ], sort ) ).toBe(
			'ascending'
		);
		expect(
			ariaSortFor( [ 'job_id' ], { orderby: 'job_id', order: 'desc' } )
		).toBe( 'descending' );
		expect( ariaSortFor( [ 'status' ], sort ) ).toBe( 'none' );
	} );
} );

describe( 'isNewestFirst', () => {
	it( 'is true for descending job ID or created date only', () => {
		expect( isNewestFirst( { orderby: 'job_id', order: 'desc' } ) ).toBe(
			true
		);
		expect(
			isNewestFirst( { orderby: 'created_at', order: 'desc' } )
		).toBe( true );
		expect( isNewestFirst( { orderby: 'job_id', order: 'asc' } ) ).toBe(
			false
		);
		expect(
			isNewestFirst( { orderby: 'completed_at', order: 'desc' } )
		).toBe( false );
	} );
} );
