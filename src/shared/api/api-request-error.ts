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

	constructor( { code, message, status }: ApiError ) {
		super( message );
		this.name = 'ApiRequestError';
		this.code = code;
		this.status = status;
	}

	/**
	 * A plain, serialisable copy for the store.
	 */
	toJSON(): ApiError {
		return { code: this.code, message: this.message, status: this.status };
	}
}
