/**
 * WordPress dependencies
 */
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { BASE_STATUSES } from '../../../src/shared/types';
import type {
	FlowSummary,
	JobListItem,
	PipelineSummary,
} from '../../../src/shared/types';

/** Routes of the fake server, for `failNext( { route } )` and `requestsTo()`. */
export type FakeRoute =
	'jobs' | 'job' | 'changes' | 'counts' | 'pipelines' | 'flows' | 'other';

export interface FakeError {
	status: number;
	body: unknown;
	/** Only a request to this route fails; any request when left out. */
	route?: FakeRoute;
}

export interface FakeRequest {
	path: string;
	route: FakeRoute;
	params: URLSearchParams;
	parse: boolean | undefined;
}

const NAMESPACE = '/dm-jobs/v1';

function routeOf( path: string ): FakeRoute {
	if ( path === `${ NAMESPACE }/jobs` ) {
		return 'jobs';
	}
	if ( path === `${ NAMESPACE }/jobs/changes` ) {
		return 'changes';
	}
	if ( path === `${ NAMESPACE }/jobs/counts` ) {
		return 'counts';
	}
	if ( /^\/dm-jobs\/v1\/jobs\/\d+$/.test( path ) ) {
		return 'job';
	}
	if ( path === `${ NAMESPACE }/pipelines` ) {
		return 'pipelines';
	}
	if ( path === `${ NAMESPACE }/flows` ) {
		return 'flows';
	}
	return 'other';
}

function json( body: unknown, headers: Record< string, string > = {} ) {
	return new Response( JSON.stringify( body ), {
		status: 200,
		headers: { 'Content-Type': 'application/json', ...headers },
	} );
}

function compare( a: unknown, b: unknown ): number {
	if ( a === b ) {
		return 0;
	}
	if ( a === null || a === undefined ) {
		return -1;
	}
	if ( b === null || b === undefined ) {
		return 1;
	}
	return a < b ? -1 : 1;
}

function sortValue( job: JobListItem, orderby: string ): unknown {
	switch ( orderby ) {
		case 'created_at':
			return job.created_at;
		case 'completed_at':
			return job.completed_at;
		case 'status':
			return job.status;
		case 'pipeline':
			return job.pipeline_name;
		case 'flow':
			return job.flow_name;
		case 'duration':
			return job.duration;
		default:
			return job.id;
	}
}

/**
 * A fake `dm-jobs/v1` server behind api-fetch. The jobs list filters, sorts
 * (ties by job ID) and pages a fixed job list and sends `X-WP-Total` /
 * `X-WP-TotalPages` like the real endpoint; it also answers the counts,
 * change-token, pipelines, flows and single-job routes.
 *
 * Like api-fetch with `parse: false`, it resolves with a `Response` and rejects
 * with the `Response` itself on HTTP errors.
 */
export class FakeJobsServer {
	readonly requests: FakeRequest[] = [];
	/** Sent as `X-DM-Jobs-Total-Exact` (and `exact` of the counts). */
	totalExact = true;
	pipelines: PipelineSummary[] = [];
	flows: FlowSummary[] = [];
	private jobs: JobListItem[];
	private version = 1;
	private queuedErrors: FakeError[] = [];
	private held: Array< () => void > = [];
	private holding = false;

	constructor( jobs: JobListItem[] = [] ) {
		this.jobs = jobs;
	}

	/**
	 * Replaces the jobs (and changes the change token).
	 *
	 * @param jobs The jobs, in any order.
	 */
	setJobs( jobs: JobListItem[] ): void {
		this.jobs = jobs;
		this.version++;
	}

	getJobs(): JobListItem[] {
		return this.jobs;
	}

	/** The change token `GET /jobs/changes` answers with. */
	token(): string {
		return `t${ this.version }`;
	}

	/**
	 * The next request (to `error.route`, when given) answers with this HTTP
	 * error.
	 *
	 * @param error Status, body and optional route.
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

	/**
	 * Requests made to one route.
	 *
	 * @param route The route.
	 */
	requestsTo( route: FakeRoute ): FakeRequest[] {
		return this.requests.filter( ( request ) => request.route === route );
	}

	/** Parameters of the last jobs-list request. */
	lastParams(): URLSearchParams {
		const list = this.requestsTo( 'jobs' );
		const last = list[ list.length - 1 ];
		if ( ! last ) {
			throw new Error( 'No jobs request was made.' );
		}
		return last.params;
	}

	/**
	 * The jobs matching the list parameters, sorted like the real endpoint.
	 *
	 * @param params List parameters.
	 */
	matching( params: URLSearchParams ): JobListItem[] {
		const statuses = ( params.get( 'status' ) ?? '' )
			.split( ',' )
			.filter( Boolean );
		const pipelineId = Number( params.get( 'pipeline_id' ) ?? 0 );
		const flowId = Number( params.get( 'flow_id' ) ?? 0 );
		const search = ( params.get( 'search' ) ?? '' ).toLowerCase();
		const after = params.get( 'after' );
		const before = params.get( 'before' );
		const aboveId = Number( params.get( 'above_id' ) ?? 0 );
		const orderby = params.get( 'orderby' ) ?? 'job_id';
		const direction = params.get( 'order' ) === 'asc' ? 1 : -1;

		return this.jobs
			.filter(
				( job ) =>
					( statuses.length === 0 ||
						statuses.includes( job.status ) ) &&
					( ! pipelineId || job.pipeline_id === pipelineId ) &&
					( ! flowId || job.flow_id === flowId ) &&
					( ! after ||
						( job.created_at !== null &&
							Date.parse( job.created_at ) >=
								Date.parse( after ) ) ) &&
					( ! before ||
						( job.created_at !== null &&
							Date.parse( job.created_at ) <=
								Date.parse( before ) ) ) &&
					job.id > aboveId &&
					( search === '' ||
						String( job.id ) === search ||
						[ job.pipeline_name, job.flow_name, job.status_reason ]
							.filter( ( text ): text is string => !! text )
							.some( ( text ) =>
								text.toLowerCase().includes( search )
							) )
			)
			.sort(
				( a, b ) =>
					direction *
					( compare(
						sortValue( a, orderby ),
						sortValue( b, orderby )
					) || compare( a.id, b.id ) )
			);
	}

	private answer( route: FakeRoute, params: URLSearchParams, path: string ) {
		switch ( route ) {
			case 'jobs': {
				const page = Number( params.get( 'page' ) ?? 1 );
				const perPage = Number( params.get( 'per_page' ) ?? 20 );
				const all = this.matching( params );
				return json(
					all.slice( ( page - 1 ) * perPage, page * perPage ),
					{
						'X-WP-Total': String( all.length ),
						'X-WP-TotalPages': String(
							Math.ceil( all.length / perPage )
						),
						'X-DM-Jobs-Total-Exact': this.totalExact ? '1' : '0',
					}
				);
			}
			case 'changes': {
				const changed = params.get( 'token' ) !== this.token();
				const body: Record< string, unknown > = {
					token: this.token(),
					changed,
				};
				const watch = params.get( 'watch' );
				if ( watch !== null ) {
					const ids = watch.split( ',' ).map( Number );
					body.watched = this.jobs.filter( ( job ) =>
						ids.includes( job.id )
					);
				}
				const sinceId = params.get( 'since_id' );
				if ( changed && sinceId !== null ) {
					const newer = new URLSearchParams( params );
					newer.set( 'above_id', sinceId );
					body.new_jobs = Math.min(
						101,
						this.matching( newer ).length
					);
				}
				return json( body );
			}
			case 'counts': {
				const byStatus = Object.fromEntries(
					BASE_STATUSES.map( ( status ) => [
						status,
						this.jobs.filter( ( job ) => job.status === status )
							.length,
					] )
				);
				return json( {
					total: this.jobs.length,
					exact: this.totalExact,
					as_of: '2025-03-05T14:03:04Z',
					by_status: byStatus,
					other_statuses: {},
				} );
			}
			case 'pipelines':
				return json( this.pipelines );
			case 'flows': {
				const pipelineId = Number( params.get( 'pipeline_id' ) ?? 0 );
				return json(
					this.flows.filter(
						( flow ) =>
							! pipelineId || flow.pipeline_id === pipelineId
					)
				);
			}
			case 'job': {
				const id = Number( path.split( '/' ).pop() );
				const job = this.jobs.find( ( item ) => item.id === id );
				if ( job === undefined ) {
					throw new Response(
						JSON.stringify( {
							code: 'dm_jobs_job_not_found',
							message: 'No job has this ID.',
							data: { status: 404 },
						} ),
						{ status: 404 }
					);
				}
				return json( job );
			}
			default:
				throw new Response(
					JSON.stringify( {
						code: 'rest_no_route',
						message: 'No route was found.',
						data: { status: 404 },
					} ),
					{ status: 404 }
				);
		}
	}

	/**
	 * Drop-in implementation of `apiFetch`.
	 * @param options
	 */
	readonly apiFetch = async (
		options: APIFetchOptions
	): Promise< unknown > => {
		const path = options.path ?? '';
		const [ routePath, search = '' ] = path.split( '?' );
		const route = routeOf( routePath );
		const params = new URLSearchParams( search );
		this.requests.push( { path, route, params, parse: options.parse } );

		if ( this.holding ) {
			await new Promise< void >( ( resolve ) =>
				this.held.push( resolve )
			);
		}

		const errorIndex = this.queuedErrors.findIndex(
			( error ) => error.route === undefined || error.route === route
		);
		if ( errorIndex !== -1 ) {
			const [ error ] = this.queuedErrors.splice( errorIndex, 1 );
			throw new Response( JSON.stringify( error.body ), {
				status: error.status,
				headers: { 'Content-Type': 'application/json' },
			} );
		}

		const response = this.answer( route, params, routePath );
		return options.parse === false ? response : response.json();
	};
}
