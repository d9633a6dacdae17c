/**
 * The shared server-state store: real @wordpress/data registry; the
 * resource's fetch function stands for the api client.
 */

/**
 * External dependencies
 */
import { describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { createQueryStore } from '../../../../src/shared/data/create-query-store';
import { ApiRequestError } from '../../../../src/shared/api/api-request-error';

interface Page {
	page: number;
}

let version = 1;
const fetchPage = vi.fn( async ( query: Page ) => ( {
	page: query.page,
	version,
} ) );
const { store } = createQueryStore( 'dm-jobs-test/pages', {
	pages: { fetch: fetchPage, limit: 2 },
	failing: {
		fetch: async (): Promise< number > => {
			throw new ApiRequestError( {
				code: 'busy',
				message: 'Busy',
				status: 503,
			} );
		},
	},
} );

function setup() {
	fetchPage.mockClear();
	const registry = createRegistry();
	registry.register( store );
	return {
		select: () => registry.select( store ),
		resolve: () => registry.resolveSelect( store ),
		dispatch: registry.dispatch( store ),
	};
}

describe( 'createQueryStore', () => {
	it( 'asks once per query, equal queries being one', async () => {
		const { resolve } = setup();
		await Promise.all( [
			resolve().getAnswer( 'pages', { page: 1 } ),
			resolve().getAnswer( 'pages', { page: 1 } ),
		] );
		await resolve().getAnswer( 'pages', { page: 1 } );
		expect( fetchPage ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'keeps at most `limit` answers and asks again for one dropped', async () => {
		const { resolve, select } = setup();
		await resolve().getAnswer( 'pages', { page: 1 } );
		await resolve().getAnswer( 'pages', { page: 2 } );
		await resolve().getAnswer( 'pages', { page: 3 } );
		expect( select().getCachedCount( 'pages' ) ).toBe( 2 );
		await resolve().getAnswer( 'pages', { page: 3 } );
		expect( fetchPage ).toHaveBeenCalledTimes( 3 );
		await resolve().getAnswer( 'pages', { page: 1 } );
		expect( fetchPage ).toHaveBeenCalledTimes( 4 );
	} );

	it( 'a write invalidates every query of the resource', async () => {
		const { resolve, select, dispatch } = setup();
		await resolve().getAnswer( 'pages', { page: 1 } );
		version = 2;
		dispatch.invalidate( 'pages' );
		// Shown meanwhile: the last answer.
		expect( select().getAnswer( 'pages', { page: 1 } ) ).toEqual( {
			page: 1,
			version: 1,
		} );
		expect( await resolve().getAnswer( 'pages', { page: 1 } ) ).toEqual( {
			page: 1,
			version: 2,
		} );
		expect( fetchPage ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'keeps the error of a failed query until asked again', async () => {
		const { resolve, select } = setup();
		await expect( resolve().getAnswer( 'failing', null ) ).rejects.toThrow(
			'Busy'
		);
		expect( select().getError( 'failing', null ) ).toMatchObject( {
			code: 'busy',
			status: 503,
		} );
	} );
} );
