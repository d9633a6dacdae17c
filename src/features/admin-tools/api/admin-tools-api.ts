/**
 * The api client of the Admin modal: operations, retention, metrics, report,
 * audit and export links, all under `dm-jobs/v1`.
 */

/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import {
	invalidResponseError,
	requestChecked,
	requestJson,
} from '../../../shared/api/request-json';
import {
	isGetAuditResponse,
	isGetOperationsResponse,
	isOperation,
	isOperationPreview,
	isPipelineReport,
	isRetention,
	isRetentionDryRun,
	isRetentionReport,
	isSystemMetrics,
} from '../../../generated/rest-contract';
import { getConfig } from '../../../shared/config';
import { getAdminToolsConfig } from '../config';
import type {
	AuditFilters,
	AuditPage,
	JobFilterParams,
	Operation,
	OperationParams,
	OperationPreview,
	OperationState,
	OperationType,
	PipelineReport,
	RetentionDryRun,
	RetentionReport,
	RetentionSettings,
	RetentionState,
	SystemMetrics,
} from '../types';

function path( route: string ): string {
	return `/${ getConfig().restNamespace }${ route }`;
}

function get< T >(
	route: string,
	isValid: ( body: unknown ) => body is T,
	query: Record< string, unknown > = {}
): Promise< T > {
	return requestChecked( addQueryArgs( path( route ), query ), isValid );
}

function post< T >(
	route: string,
	isValid: ( body: unknown ) => body is T,
	data: Record< string, unknown > = {}
): Promise< T > {
	return requestChecked(
		{ path: path( route ), method: 'POST', data },
		isValid
	);
}

export function previewOperation(
	type: OperationType,
	params: OperationParams
): Promise< OperationPreview > {
	return post( '/operations', isOperationPreview, {
		...params,
		type,
		dry_run: true,
	} );
}

/**
 * Starts an operation with the dry run's exact count and snapshot. Rejects
 * with `dm_jobs_count_changed` (409, `data.count`) when the count moved.
 *
 * @param type    Operation type.
 * @param params  Its parameters.
 * @param preview The dry run the admin confirmed.
 */
export function startOperation(
	type: OperationType,
	params: OperationParams,
	preview: OperationPreview
): Promise< Operation > {
	return post( '/operations', isOperation, {
		...params,
		type,
		confirm_count: preview.count,
		max_id: preview.max_id,
		as_of: preview.as_of,
	} );
}

export function runOperation(
	id: number,
	budget: number
): Promise< Operation > {
	return post( `/operations/${ id }/run`, isOperation, { budget } );
}

export function cancelOperation( id: number ): Promise< Operation > {
	return post( `/operations/${ id }/cancel`, isOperation );
}

export function listOperations(
	states: OperationState[] = []
): Promise< Operation[] > {
	return get(
		'/operations',
		isGetOperationsResponse,
		states.length ? { state: states.join( ',' ) } : {}
	);
}

export function getRetention(): Promise< RetentionState > {
	return get( '/retention', isRetention );
}

export function saveRetention(
	settings: Partial< RetentionSettings >
): Promise< RetentionState > {
	return post( '/retention', isRetention, { ...settings } );
}

export function previewRetention(): Promise< RetentionDryRun > {
	return post( '/retention/run', isRetentionDryRun, { dry_run: true } );
}

export function runRetention(): Promise< RetentionReport > {
	return post( '/retention/run', isRetentionReport, {
		dry_run: false,
		confirm: true,
	} );
}

export function getMetrics(
	stuckMinutes: number,
	refresh: boolean
): Promise< SystemMetrics > {
	return get( '/maintenance/metrics', isSystemMetrics, {
		stuck_minutes: stuckMinutes,
		refresh: refresh ? 'true' : undefined,
	} );
}

export function getPipelineReport(
	after: string,
	before: string
): Promise< PipelineReport > {
	return get( '/reports/pipelines', isPipelineReport, { after, before } );
}

export const AUDIT_PER_PAGE = 20;

export async function getAuditPage(
	filters: AuditFilters
): Promise< AuditPage > {
	const { body, headers } = await requestJson(
		addQueryArgs( path( '/audit' ), {
			page: filters.page,
			per_page: AUDIT_PER_PAGE,
			category: filters.category || undefined,
			actor: filters.actor || undefined,
		} )
	);
	if ( ! isGetAuditResponse( body ) ) {
		throw invalidResponseError();
	}
	const total = parseInt( headers.get( 'X-WP-Total' ) ?? '', 10 );
	const totalPages = parseInt( headers.get( 'X-WP-TotalPages' ) ?? '', 10 );
	return {
		entries: body,
		total: Number.isFinite( total ) ? total : body.length,
		totalPages: Number.isFinite( totalPages ) ? totalPages : 1,
	};
}

/**
 * A download link of the export (a plain link streams to disk; it carries the
 * REST nonce because it cannot send the X-WP-Nonce header).
 *
 * @param format         csv or json.
 * @param selection      The list filter, or explicit IDs.
 * @param withEngineData Also export engine_data.
 */
export function exportUrl(
	format: 'csv' | 'json',
	selection: JobFilterParams | { ids: number[] },
	withEngineData: boolean
): string {
	const config = getAdminToolsConfig();
	const query: Record< string, unknown > = {
		format,
		_wpnonce: config.restNonce || undefined,
		include_engine_data: withEngineData ? 'true' : undefined,
	};
	if ( 'ids' in selection ) {
		query.ids = selection.ids.join( ',' );
	} else {
		Object.assign( query, selection );
	}
	return addQueryArgs( config.exportUrl, query );
}
