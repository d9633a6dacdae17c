/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { normalizeApiError } from '../../../../src/shared/api/normalize-api-error';

describe( 'normalizeApiError', () => {
	it( 'reads a WordPress REST error from a Response', async () => {
		const response = new Response(
			JSON.stringify( {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				data: { status: 403 },
			} ),
			{ status: 403 }
		);
		expect( await normalizeApiError( response ) ).toEqual( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			status: 403,
		} );
	} );

	it( 'names the HTTP status when the error body is not JSON', async () => {
		const response = new Response( '<html>Fatal error</html>', {
			status: 500,
		} );
		const error = await normalizeApiError( response );
		expect( error.status ).toBe( 500 );
		expect( error.message ).toContain( '500' );
	} );

	it( 'keeps api-fetch network errors', async () => {
		expect(
			await normalizeApiError( {
				code: 'fetch_error',
				message: 'Could not get a valid response from the server.',
			} )
		).toEqual( {
			code: 'fetch_error',
			message: 'Could not get a valid response from the server.',
			status: null,
		} );
	} );

	it( 'gives a message for anything else', async () => {
		const error = await normalizeApiError( undefined );
		expect( error.code ).toBe( 'unknown_error' );
		expect( error.message ).not.toBe( '' );
	} );
} );
