/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { readPaginationHeaders } from '../../../../src/shared/api/read-pagination-headers';

describe( 'readPaginationHeaders', () => {
	it( 'reads X-WP-Total and X-WP-TotalPages', () => {
		const headers = new Headers( {
			'X-WP-Total': '3000',
			'X-WP-TotalPages': '150',
		} );
		expect( readPaginationHeaders( headers, 20, 20 ) ).toEqual( {
			total: 3000,
			totalPages: 150,
		} );
	} );

	it( 'falls back to the page itself when the headers are missing or garbled', () => {
		expect( readPaginationHeaders( new Headers(), 7, 20 ) ).toEqual( {
			total: 7,
			totalPages: 1,
		} );
		const garbled = new Headers( {
			'X-WP-Total': '41',
			'X-WP-TotalPages': 'many',
		} );
		expect( readPaginationHeaders( garbled, 20, 20 ) ).toEqual( {
			total: 41,
			totalPages: 3,
		} );
	} );
} );
