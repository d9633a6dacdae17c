/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { requestJson, requestResponse } from '../../../shared/api/request-json';
import { getConfig } from '../../../shared/config';
import {
	isGetJobsByIdLogsResponse,
	isGetJobsByIdResponse,
} from '../../../generated/rest-contract';
import type {
	ExportFormat,
	JobDetail,
	LogFilters,
	LogPage,
	LogRequestParams,
} from '../types';

function invalidResponse( message: string ): ApiRequestError {
	return new ApiRequestError( {
		code: 'invalid_response',
		message,
		status: null,
	} );
}

async function getJson( path: string ): Promise< unknown > {
	return ( await requestJson( path ) ).body;
}

export function jobPath(
	jobId: number,
	namespace: string = getConfig().restNamespace
): string {
	return `/${ namespace }/jobs/${ jobId }`;
}

/**
 * The REST parameters of a log request.
 *
 * @param filters       Level and text filters.
 * @param cursor        Where to read from.
 * @param cursor.after  Lines after this ID.
 * @param cursor.before Lines before this ID.
 * @param cursor.tail   The newest lines.
 * @param perPage       Lines per page.
 */
export function logParams(
	filters: LogFilters,
	cursor: { after?: number; before?: number; tail?: boolean },
	perPage: number
): LogRequestParams {
	const params: LogRequestParams = { per_page: perPage };
	if ( filters.levels.length > 0 ) {
		params.level = filters.levels.join( ',' );
	}
	if ( filters.search.trim() !== '' ) {
		params.search = filters.search.trim();
	}
	if ( cursor.after !== undefined ) {
		params.after = cursor.after;
	} else if ( cursor.before !== undefined ) {
		params.before = cursor.before;
	} else if ( cursor.tail ) {
		params.tail = true;
	}
	return params;
}

/**
 * One job with its detail and diagnostic fields. Rejects with an `ApiRequestError`.
 *
 * @param jobId The job.
 */
export async function fetchJobDetail( jobId: number ): Promise< JobDetail > {
	const job = await getJson( jobPath( jobId ) );
	if ( ! isGetJobsByIdResponse( job ) ) {
		throw invalidResponse(
			__( 'The server sent a job this screen cannot read.', 'dm-jobs' )
		);
	}
	return job;
}

/**
 * One page of a job's log. Rejects with an `ApiRequestError`.
 *
 * @param jobId  The job.
 * @param params Filters and cursor.
 */
export async function fetchLogPage(
	jobId: number,
	params: LogRequestParams
): Promise< LogPage > {
	const page = await getJson(
		addQueryArgs( `${ jobPath( jobId ) }/logs`, { ...params } )
	);
	if ( ! isGetJobsByIdLogsResponse( page ) ) {
		throw invalidResponse(
			__( 'The server sent a log this screen cannot read.', 'dm-jobs' )
		);
	}
	return page;
}

export function exportPath(
	jobId: number,
	format: ExportFormat,
	filters: LogFilters
): string {
	const params = logParams( filters, {}, 1 );
	return addQueryArgs( `${ jobPath( jobId ) }/logs/export`, {
		format,
		...( params.level ? { level: params.level } : {} ),
		...( params.search ? { search: params.search } : {} ),
	} );
}

function filenameFrom( response: Response, fallback: string ): string {
	const header = response.headers.get( 'Content-Disposition' ) ?? '';
	const match = /filename="([^"]+)"/.exec( header );
	return match?.[ 1 ] ?? fallback;
}

/**
 * Downloads a job's log export (the server streams it; api-fetch adds the
 * nonce). Rejects with an `ApiRequestError`.
 *
 * @param jobId   The job.
 * @param format  "text" or "json".
 * @param filters The log viewer's filters.
 * @return The file name.
 */
export async function downloadLogExport(
	jobId: number,
	format: ExportFormat,
	filters: LogFilters
): Promise< string > {
	const response = await requestResponse( {
		path: exportPath( jobId, format, filters ),
	} );
	const fallback = `dm-job-${ jobId }-log.${
		format === 'json' ? 'json' : 'txt'
	}`;
	const filename = filenameFrom( response, fallback );
	const blob = await response.blob();
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	link.rel = 'noopener';
	document.body.appendChild( link );
	link.click();
	link.remove();
	window.setTimeout( () => URL.revokeObjectURL( url ), 1000 );
	return filename;
}
