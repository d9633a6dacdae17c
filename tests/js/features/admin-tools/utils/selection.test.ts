/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	pageSelectionState,
	rangeIds,
	setIds,
} from '../../../../../src/features/admin-tools/utils/selection';

describe( 'row selection helpers', () => {
	const page = [ 50, 49, 48, 47, 46 ];

	it( 'selects a single row without Shift or without an anchor on the page', () => {
		expect( rangeIds( page, null, 48, true ) ).toEqual( [ 48 ] );
		expect( rangeIds( page, 50, 48, false ) ).toEqual( [ 48 ] );
		expect( rangeIds( page, 12, 48, true ) ).toEqual( [ 48 ] );
	} );

	it( 'selects the range between the anchor and the Shift-clicked row, both ways', () => {
		expect( rangeIds( page, 49, 46, true ) ).toEqual( [ 49, 48, 47, 46 ] );
		expect( rangeIds( page, 46, 49, true ) ).toEqual( [ 49, 48, 47, 46 ] );
	} );

	it( 'adds and removes ids, sorted and unique', () => {
		expect( setIds( [ 3, 1 ], [ 2, 3 ], true ) ).toEqual( [ 1, 2, 3 ] );
		expect( setIds( [ 1, 2, 3 ], [ 2, 9 ], false ) ).toEqual( [ 1, 3 ] );
	} );

	it( 'tells whether none, some or all rows of the page are selected', () => {
		expect( pageSelectionState( [], page ) ).toBe( 'none' );
		expect( pageSelectionState( [ 48, 1 ], page ) ).toBe( 'some' );
		expect( pageSelectionState( [ ...page, 7 ], page ) ).toBe( 'all' );
		expect( pageSelectionState( [ 1 ], [] ) ).toBe( 'none' );
	} );
} );
