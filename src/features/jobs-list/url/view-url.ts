/**
 * The jobs view in the admin page's query string, and back.
 *
 * `admin.php?page=dm-jobs&status=failed,pending&pipeline=3&flow=7&range=7d
 *  &s=timeout&orderby=created_at&order=asc&paged=2&per_page=50`
 *
 * Values equal to the default are left out; parameters this screen does not
 * own (`page`, `job`, anything else) are kept as they are. Invalid values are
 * ignored, never thrown on: a hand-edited or outdated link still opens.
 */

/**
 * Internal dependencies
 */
import { BASE_STATUSES } from '../../../shared/types';
import type { JobsOrderBy, JobsView, SortOrder } from '../../../shared/types';
import {
	isDateRange,
	isPresetRange,
	normalizeIsoDateTime,
	presetBounds,
} from '../../../shared/dates/date-range';

export const JOBS_ORDER_BY: readonly JobsOrderBy[] = [
	'job_id',
	'created_at',
	'completed_at',
	'status',
	'pipeline',
	'flow',
	'duration',
];

export const PER_PAGE_OPTIONS = [ 20, 50, 100 ] as const;

/** The search box sends at most this many characters (the API's limit). */
export const MAX_SEARCH_LENGTH = 200;

/** Query-string parameters this screen owns, in the order they are written. */
export const VIEW_URL_PARAMS = [
	'status',
	'pipeline',
	'flow',
	'range',
	'after',
	'before',
	's',
	'orderby',
	'order',
	'paged',
	'per_page',
] as const;

/**
 * The view with no filters: newest jobs first, 20 per page.
 */
export const DEFAULT_VIEW: Readonly< JobsView > = Object.freeze( {
	page: 1,
	perPage: 20,
	status: [],
	pipelineId: null,
	flowId: null,
	search: '',
	after: null,
	before: null,
	orderby: 'job_id',
	order: 'desc',
	range: 'any',
} );

function readId( value: string | null ): number | null {
	if ( value === null || ! /^[1-9]\d{0,15}$/.test( value.trim() ) ) {
		return null;
	}
	const id = Number( value.trim() );
	return Number.isSafeInteger( id ) ? id : null;
}

function readStatuses( value: string | null ): JobsView[ 'status' ] {
	if ( value === null ) {
		return [];
	}
	const asked = value
		.split( ',' )
		.map( ( part ) => part.trim().toLowerCase() );
	return BASE_STATUSES.filter( ( status ) => asked.includes( status ) );
}

function readOrderBy( value: string | null ): JobsOrderBy {
	return JOBS_ORDER_BY.find( ( key ) => key === value ) ?? 'job_id';
}

function readOrder( value: string | null ): SortOrder {
	return value === 'asc' ? 'asc' : 'desc';
}

function readPerPage( value: string | null ): number {
	const asked = Number( value );
	return (
		PER_PAGE_OPTIONS.find( ( option ) => option === asked ) ??
		DEFAULT_VIEW.perPage
	);
}

function readSearch( value: string | null ): string {
	return ( value ?? '' ).trim().slice( 0, MAX_SEARCH_LENGTH );
}

function readBound( value: string | null ): string | null {
	return value === null ? null : normalizeIsoDateTime( value );
}

/**
 * Reads the view from a query string.
 *
 * @param search `location.search` (with or without the leading `?`).
 * @param now    Reference time of preset ranges ("last 7 days").
 */
export function viewFromSearch(
	search: string,
	now: Date = new Date()
): JobsView {
	const params = new URLSearchParams( search );
	const view: JobsView = {
		...DEFAULT_VIEW,
		status: readStatuses( params.get( 'status' ) ),
		pipelineId: readId( params.get( 'pipeline' ) ),
		flowId: readId( params.get( 'flow' ) ),
		search: readSearch( params.get( 's' ) ),
		orderby: readOrderBy( params.get( 'orderby' ) ),
		order: readOrder( params.get( 'order' ) ),
		page: readId( params.get( 'paged' ) ) ?? 1,
		perPage: readPerPage( params.get( 'per_page' ) ),
	};

	const range = params.get( 'range' ) ?? '';
	if ( isDateRange( range ) && isPresetRange( range ) ) {
		return { ...view, range, ...presetBounds( range, now ) };
	}
	const bounds = {
		after: readBound( params.get( 'after' ) ),
		before: readBound( params.get( 'before' ) ),
	};
	if (
		range === 'custom' ||
		bounds.after !== null ||
		bounds.before !== null
	) {
		return { ...view, range: 'custom', ...bounds };
	}
	return view;
}

/**
 * The parameters of a view that differ from the default, in a fixed order.
 *
 * @param view The view.
 */
export function viewToParams( view: JobsView ): Array< [ string, string ] > {
	const params: Array< [ string, string ] > = [];
	const statuses = BASE_STATUSES.filter( ( status ) =>
		view.status.includes( status )
	);
	if ( statuses.length > 0 ) {
		params.push( [ 'status', statuses.join( ',' ) ] );
	}
	if ( view.pipelineId !== null ) {
		params.push( [ 'pipeline', String( view.pipelineId ) ] );
	}
	if ( view.flowId !== null ) {
		params.push( [ 'flow', String( view.flowId ) ] );
	}
	if ( view.range !== 'any' ) {
		params.push( [ 'range', view.range ] );
	}
	// A preset is relative to now: its bounds are not kept, so a shared
	// "last 24 hours" link means the last 24 hours when it is opened.
	if ( view.range === 'custom' ) {
		if ( view.after !== null ) {
			params.push( [ 'after', view.after ] );
		}
		if ( view.before !== null ) {
			params.push( [ 'before', view.before ] );
		}
	}
	const search = view.search.trim();
	if ( search !== '' ) {
		params.push( [ 's', search ] );
	}
	if ( view.orderby !== DEFAULT_VIEW.orderby ) {
		params.push( [ 'orderby', view.orderby ] );
	}
	if ( view.order !== DEFAULT_VIEW.order ) {
		params.push( [ 'order', view.order ] );
	}
	if ( view.page > 1 ) {
		params.push( [ 'paged', String( view.page ) ] );
	}
	if ( view.perPage !== DEFAULT_VIEW.perPage ) {
		params.push( [ 'per_page', String( view.perPage ) ] );
	}
	return params;
}

function encode( value: string ): string {
	// Commas and colons are safe in a query value and easier to read.
	return encodeURIComponent( value )
		.replace( /%2C/gi, ',' )
		.replace( /%3A/gi, ':' );
}

/**
 * The query string for a view: the current one with this screen's parameters
 * replaced and every other parameter (`page=dm-jobs`, `job`, …) kept.
 *
 * @param view          The view.
 * @param currentSearch `location.search`.
 * @return The new query string, starting with `?` (or `''` when empty).
 */
export function viewToSearch( view: JobsView, currentSearch = '' ): string {
	const owned = new Set< string >( VIEW_URL_PARAMS );
	const kept = Array.from( new URLSearchParams( currentSearch ) ).filter(
		( [ name ] ) => ! owned.has( name )
	);
	const pairs = [ ...kept, ...viewToParams( view ) ];
	if ( pairs.length === 0 ) {
		return '';
	}
	return (
		'?' +
		pairs
			.map(
				( [ name, value ] ) =>
					`${ encode( name ) }=${ encode( value ) }`
			)
			.join( '&' )
	);
}
