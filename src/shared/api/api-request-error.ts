/**
 * Internal dependencies
 */
import type { ApiError } from '../types';

/**
 * Error thrown by the api client; carries the REST error code and HTTP status.
 */
export class ApiRequestError extends Error implements ApiError {
	readonly code: string;
	readonly status: number | null;
	readonly data: Record< string, unknown >;

	constructor( { code, message, status, data = {} }: ApiError ) {
		super( message );
		this.name = 'ApiRequestError';
		this.code = code;
		this.status = status;
		this.data = data;
	}

	/**
	 * The error as it is, or anything else thrown wrapped as one.
	 *
	 * @param error What was caught.
	 */
	static from( error: unknown ): ApiRequestError {
		return error instanceof ApiRequestError
			? error
			: new ApiRequestError( {
					code: 'unknown_error',
					message:
						error instanceof Error
							? error.message
							: String( error ),
					status: null,
				} );
	}

	/**
	 * A plain, serialisable copy for the store.
	 */
	toJSON(): ApiError {
		return {
			code: this.code,
			message: this.message,
			status: this.status,
			...( Object.keys( this.data ).length > 0
				? { data: this.data }
				: {} ),
		};
	}
}
