/**
 * WordPress dependencies
 */
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type {
	JobDetail,
	LogLine,
} from '../../../../../src/features/job-details/types';
import { FakeJobsServer } from '../../../helpers/fake-server';

function json( body: unknown, status = 200 ): Response {
	return new Response( JSON.stringify( body ), {
		status,
		headers: { 'Content-Type': 'application/json' },
	} );
}

/**
 * A fake `dm-jobs/v1` server for the detail view: `GET /jobs/{id}`,
 * `GET /jobs/{id}/logs` (filters, after/before cursors, tail, like the PHP
 * route) and `GET /jobs/{id}/logs/export`; the list goes to FakeJobsServer.
 */
export class FakeDetailsServer {
	readonly list = new FakeJobsServer();
	readonly requests: Array< { route: string; params: URLSearchParams } > = [];
	readonly jobs = new Map< number, JobDetail >();
	readonly logs = new Map< number, LogLine[] >();
	private failLogs = 0;

	addJob( job: JobDetail, lines: LogLine[] = [] ): void {
		this.jobs.set( job.id, job );
		this.logs.set( job.id, [ ...lines ] );
	}

	appendLines( jobId: number, lines: LogLine[] ): void {
		const current = this.logs.get( jobId ) ?? [];
		this.logs.set(
			jobId,
			[ ...current, ...lines ].sort( ( a, b ) => a.id - b.id )
		);
	}

	failNextLogRequests( count: number ): void {
		this.failLogs = count;
	}

	/** IDs of the jobs asked for (`GET /jobs/{id}`), in order. */
	jobRequests(): number[] {
		return this.requests
			.map( ( request ) => /\/jobs\/(\d+)$/.exec( request.route ) )
			.filter( ( match ): match is RegExpExecArray => match !== null )
			.map( ( match ) => Number( match[ 1 ] ) );
	}

	logRequests(): URLSearchParams[] {
		return this.requests
			.filter( ( request ) => /\/logs$/.test( request.route ) )
			.map( ( request ) => request.params );
	}

	readonly apiFetch = async (
		options: APIFetchOptions
	): Promise< unknown > => {
		const path = options.path ?? '';
		const [ route, search = '' ] = path.split( '?' );
		const params = new URLSearchParams( search );
		if ( ! /\/jobs\/\d+/.test( route ) ) {
			return this.list.apiFetch( options );
		}
		this.requests.push( { route, params } );

		const match = /\/jobs\/(\d+)(\/logs(\/export)?)?$/.exec( route );
		const job = match ? this.jobs.get( Number( match[ 1 ] ) ) : undefined;
		if ( ! match || ! job ) {
			throw json(
				{
					code: 'dm_jobs_job_not_found',
					message: 'No job has this ID.',
					data: { status: 404 },
				},
				404
			);
		}
		if ( match[ 3 ] ) {
			return new Response( 'log text', {
				headers: {
					'Content-Disposition': `attachment; filename="dm-job-${ job.id }-log.txt"`,
				},
			} );
		}
		if ( ! match[ 2 ] ) {
			return options.parse === false ? json( job ) : job;
		}
		if ( this.failLogs > 0 ) {
			this.failLogs--;
			throw json(
				{
					code: 'internal_server_error',
					message: 'Database went away',
					data: { status: 500 },
				},
				500
			);
		}
		const page = this.logPage( this.logs.get( job.id ) ?? [], params );
		return options.parse === false ? json( page ) : page;
	};

	private logPage( all: LogLine[], params: URLSearchParams ) {
		const levels = ( params.get( 'level' ) ?? '' )
			.split( ',' )
			.filter( Boolean );
		const search = ( params.get( 'search' ) ?? '' ).toLowerCase();
		const perPage = Number( params.get( 'per_page' ) ?? 200 );
		const after = params.has( 'after' )
			? Number( params.get( 'after' ) )
			: null;
		const before = params.has( 'before' )
			? Number( params.get( 'before' ) )
			: null;
		const matching = all.filter(
			( line ) =>
				( levels.length === 0 || levels.includes( line.level ) ) &&
				( search === '' ||
					line.message.toLowerCase().includes( search ) ||
					( line.step ?? '' ).toLowerCase().includes( search ) )
		);
		const backwards =
			after === null &&
			( before !== null || params.get( 'tail' ) === 'true' );
		let items: LogLine[];
		if ( backwards ) {
			const older = matching.filter(
				( line ) => before === null || line.id < before
			);
			items = older.slice( Math.max( 0, older.length - perPage ) );
		} else {
			items = matching
				.filter( ( line ) => after === null || line.id > after )
				.slice( 0, perPage );
		}
		const first = items[ 0 ]?.id ?? null;
		const last = items[ items.length - 1 ]?.id ?? null;
		return {
			items,
			next_cursor: last ?? after ?? ( backwards ? before : null ),
			prev_cursor: first,
			has_more:
				! backwards &&
				last !== null &&
				matching.some( ( line ) => line.id > last ),
			has_older:
				first !== null && matching.some( ( line ) => line.id < first ),
		};
	}
}
