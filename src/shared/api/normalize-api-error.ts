/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { isRecord } from '../contract/schema-guard';
import type { ApiError } from '../types';

type ResponseLike = Pick< Response, 'status' | 'json' >;

function isResponseLike( value: unknown ): value is ResponseLike {
	return (
		isRecord( value ) &&
		typeof value.status === 'number' &&
		typeof value.json === 'function' &&
		'headers' in value
	);
}

function fromBody( body: unknown, fallbackStatus: number | null ): ApiError {
	if ( ! isRecord( body ) || typeof body.message !== 'string' ) {
		return {
			code: 'unknown_error',
			message:
				fallbackStatus === null
					? __( 'An unknown error occurred.', 'dm-jobs' )
					: sprintf(
							/* translators: %d: HTTP status code, e.g. 500. */
							__(
								'The server responded with an error (HTTP %d).',
								'dm-jobs'
							),
							fallbackStatus
						),
			status: fallbackStatus,
		};
	}
	const { status, ...details } = isRecord( body.data ) ? body.data : {};
	return {
		code: typeof body.code === 'string' ? body.code : 'unknown_error',
		message: body.message,
		status: typeof status === 'number' ? status : fallbackStatus,
		...( Object.keys( details ).length > 0 ? { data: details } : {} ),
	};
}

/**
 * Turns whatever api-fetch rejected with into an `ApiError`.
 *
 * With `parse: false` api-fetch rejects with the raw `Response` on HTTP errors,
 * and with `{ code, message }` objects on network failures.
 *
 * @param error The rejection value.
 */
export async function normalizeApiError( error: unknown ): Promise< ApiError > {
	if ( isResponseLike( error ) ) {
		let body: unknown = null;
		try {
			body = await error.json();
		} catch {
			body = null;
		}
		return fromBody( body, error.status );
	}
	return fromBody( error, null );
}
