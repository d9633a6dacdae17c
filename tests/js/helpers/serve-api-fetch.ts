/**
 * External dependencies
 */
import { vi } from 'vitest';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import type { APIFetchOptions } from '@wordpress/api-fetch';

/** A fake REST server with a drop-in implementation of `apiFetch`. */
export interface ApiFetchServer {
	readonly apiFetch: ( options: APIFetchOptions ) => Promise< unknown >;
}

/**
 * Makes the mocked `@wordpress/api-fetch` answer every request from `server`,
 * and returns the server. The calling test file mocks the module itself
 * (`vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) )`).
 *
 * @param server The fake server that answers.
 */
export function serveApiFetch< Server extends ApiFetchServer >(
	server: Server
): Server {
	vi.mocked( apiFetch ).mockImplementation(
		server.apiFetch as typeof apiFetch
	);
	return server;
}
