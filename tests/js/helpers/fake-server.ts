/**
 * WordPress dependencies
 */
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { JobListItem } from '../../../src/types';

export interface FakeError {
	status: number;
	body: unknown;
}

export interface FakeRequest {
	path: string;
	params: URLSearchParams;
	parse: boolean | undefined;
}

/**
 * A fake `dm-jobs/v1` server behind api-fetch: pages through a fixed job list
 * and sends `X-WP-Total` / `X-WP-TotalPages`, like the real endpoint.
 *
 * Like api-fetch with `parse: false`, it resolves with a `Response` and rejects
 * with the `Response` itself on HTTP errors.
 */
export class FakeJobsServer {
	readonly requests: FakeRequest[] = [];
	private jobs: JobListItem[];
	private queuedErrors: FakeError[] = [];
	private held: Array< () => void > = [];
	private holding = false;

	constructor( jobs: JobListItem[] = [] ) {
		this.jobs = jobs;
	}

	setJobs( jobs: JobListItem[] ): void {
		this.jobs = jobs;
	}

	/**
	 * The next request answers with this HTTP error.
	 * @param error
	 */
	failNext( error: FakeError ): void {
		this.queuedErrors.push( error );
	}

	/** Keeps answers back until `release()`. */
	hold(): void {
		this.holding = true;
	}

	/** Answers every held request, in the order they came. */
	release(): void {
		this.holding = false;
		const pending = this.held;
		this.held = [];
		pending.forEach( ( resume ) => resume() );
	}

	/**
	 * Answers one held request, leaving the others waiting.
	 *
	 * @param index Position among the requests still held.
	 */
	releaseOne( index: number ): void {
		const [ resume ] = this.held.splice( index, 1 );
		if ( ! resume ) {
			throw new Error( `No held request at ${ index }.` );
		}
		resume();
	}

	lastParams(): URLSearchParams {
		const last = this.requests[ this.requests.length - 1 ];
		if ( ! last ) {
			throw new Error( 'No request was made.' );
		}
		return last.params;
	}

	/**
	 * Drop-in implementation of `apiFetch`.
	 * @param options
	 */
	readonly apiFetch = async (
		options: APIFetchOptions
	): Promise< unknown > => {
		const path = options.path ?? '';
		const [ route, search = '' ] = path.split( '?' );
		const params = new URLSearchParams( search );
		this.requests.push( { path, params, parse: options.parse } );

		if ( this.holding ) {
			await new Promise< void >( ( resolve ) =>
				this.held.push( resolve )
			);
		}

		const error = this.queuedErrors.shift();
		if ( error ) {
			throw new Response( JSON.stringify( error.body ), {
				status: error.status,
				headers: { 'Content-Type': 'application/json' },
			} );
		}
		if ( route !== '/dm-jobs/v1/jobs' ) {
			throw new Response(
				JSON.stringify( {
					code: 'rest_no_route',
					message: 'No route was found.',
					data: { status: 404 },
				} ),
				{ status: 404 }
			);
		}

		const page = Number( params.get( 'page' ) ?? 1 );
		const perPage = Number( params.get( 'per_page' ) ?? 20 );
		const items = this.jobs.slice( ( page - 1 ) * perPage, page * perPage );
		const response = new Response( JSON.stringify( items ), {
			status: 200,
			headers: {
				'Content-Type': 'application/json',
				'X-WP-Total': String( this.jobs.length ),
				'X-WP-TotalPages': String(
					Math.ceil( this.jobs.length / perPage )
				),
			},
		} );
		return options.parse === false ? response : response.json();
	};
}
