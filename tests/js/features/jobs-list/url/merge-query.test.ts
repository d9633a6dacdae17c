/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { DEFAULT_QUERY } from '../../../../../src/features/jobs-list/store/constants';
import { mergeQuery } from '../../../../../src/features/jobs-list/url/merge-query';

describe( 'mergeQuery', () => {
	const onPage3 = { ...DEFAULT_QUERY, page: 3 };

	it( 'changes the page alone', () => {
		expect( mergeQuery( onPage3, { page: 4 } ) ).toEqual( {
			...DEFAULT_QUERY,
			page: 4,
		} );
	} );

	it( 'goes back to page 1 when a filter or the sort changes', () => {
		expect( mergeQuery( onPage3, { status: [ 'failed' ] } ).page ).toBe(
			1
		);
		expect( mergeQuery( onPage3, { order: 'asc' } ).page ).toBe( 1 );
	} );

	it( 'keeps the page when nothing really changes', () => {
		expect(
			mergeQuery( onPage3, { order: 'desc', status: [] } ).page
		).toBe( 3 );
	} );

	it( 'does not change the query it was given', () => {
		mergeQuery( onPage3, { search: 'x' } );
		expect( onPage3 ).toEqual( { ...DEFAULT_QUERY, page: 3 } );
	} );
} );
