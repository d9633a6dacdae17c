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

/**
 * GETs a REST path through api-fetch (nonce and root URL middlewares) and
 * returns the decoded body with the headers.
 *
 * Rejects with an `ApiRequestError`.
 *
 * @param path REST path such as `/dm-jobs/v1/jobs/counts`.
 */
export async function requestJson( path: string ): Promise< JsonResponse > {
	let response: Response;
	try {
		response = await apiFetch< never, false >( { path, parse: false } );
	} catch ( error ) {
		throw new ApiRequestError( await normalizeApiError( error ) );
	}
	try {
		return { body: await response.json(), headers: response.headers };
	} catch {
		throw invalidResponseError();
	}
}

export function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

export function isCount( value: unknown ): value is number {
	return typeof value === 'number' && Number.isInteger( value ) && value >= 0;
}
