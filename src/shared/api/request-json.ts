/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiRequestError } from './api-request-error';
import { normalizeApiError } from './normalize-api-error';

export interface JsonResponse {
	body: unknown;
	headers: Headers;
}

/**
 * An error for an answer the screen cannot read.
 *
 * @param message What could not be read.
 */
export function invalidResponseError( message?: string ): ApiRequestError {
	return new ApiRequestError( {
		code: 'invalid_response',
		message:
			message ??
			__(
				'The server sent an answer this screen cannot read.',
				'dm-jobs'
			),
		status: null,
	} );
}

export interface RequestOptions {
	/** REST path such as `/dm-jobs/v1/jobs/counts`. */
	path: string;
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	data?: Record< string, unknown >;
}

/**
 * The one way this app talks to the REST API: api-fetch (nonce, root URL and
 * preloading middlewares), every failure as an `ApiRequestError`.
 *
 * Resolves with the raw response (for downloads).
 *
 * @param options Path, method and body.
 */
export async function requestResponse(
	options: RequestOptions
): Promise< Response > {
	try {
		return await apiFetch< never, false >( { ...options, parse: false } );
	} catch ( error ) {
		throw new ApiRequestError( await normalizeApiError( error ) );
	}
}

/**
 * Requests a REST path and returns the decoded body with the headers.
 *
 * Rejects with an `ApiRequestError`.
 *
 * @param options A GET path, or path, method and body.
 */
export async function requestJson(
	options: string | RequestOptions
): Promise< JsonResponse > {
	const response = await requestResponse(
		typeof options === 'string' ? { path: options } : options
	);
	try {
		return { body: await response.json(), headers: response.headers };
	} catch {
		throw invalidResponseError();
	}
}

/**
 * Requests a REST path and returns the body once the guard accepts it.
 *
 * Rejects with an `ApiRequestError` (`invalid_response` when the guard does
 * not accept the body).
 *
 * @param options A GET path, or path, method and body.
 * @param isValid Guard for the expected answer.
 */
export async function requestChecked< T >(
	options: string | RequestOptions,
	isValid: ( body: unknown ) => body is T
): Promise< T > {
	const { body } = await requestJson( options );
	if ( ! isValid( body ) ) {
		throw invalidResponseError();
	}
	return body;
}
