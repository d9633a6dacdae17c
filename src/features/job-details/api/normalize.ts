/**
 * Runtime checks of the detail and log responses. Whatever the server (or a
 * plugin filtering it) sends, the view only ever gets the types it expects:
 * strings are strings, lists are lists, unknown values become null.
 */

/**
 * Internal dependencies
 */
import { isRecord } from '../../../shared/contract/schema-guard';
import { isJobListItem } from '../../../shared/api/is-job-list-item';
import { LOG_LEVELS } from '../types';
import type {
	ApiResponseEntry,
	CheckStatus,
	ConfigCheck,
	DocLink,
	FailureContext,
	JobDetail,
	JobFailure,
	JobStep,
	JsonObject,
	JsonValue,
	LogCounts,
	LogLevel,
	LogLine,
	LogPage,
	Resolution,
	StepState,
} from '../types';

type UnknownRecord = Record< string, unknown >;

const STEP_STATES: readonly StepState[] = [
	'completed',
	'running',
	'failed',
	'pending',
	'skipped',
	'unknown',
];

function str( value: unknown ): string | null {
	if ( typeof value === 'string' ) {
		return value;
	}
	if ( typeof value === 'number' && Number.isFinite( value ) ) {
		return String( value );
	}
	return null;
}

function num( value: unknown ): number | null {
	return typeof value === 'number' && Number.isFinite( value ) ? value : null;
}

function list< T >( value: unknown, read: ( item: unknown ) => T | null ): T[] {
	if ( ! Array.isArray( value ) ) {
		return [];
	}
	const result: T[] = [];
	for ( const item of value ) {
		const entry = read( item );
		if ( entry !== null ) {
			result.push( entry );
		}
	}
	return result;
}

/**
 * Whether a value is JSON data (what JSON.parse can return).
 *
 * @param value Anything.
 */
export function toJsonValue( value: unknown ): JsonValue | null {
	if (
		value === null ||
		typeof value === 'string' ||
		typeof value === 'boolean'
	) {
		return value;
	}
	if ( typeof value === 'number' ) {
		return Number.isFinite( value ) ? value : null;
	}
	if ( Array.isArray( value ) || isRecord( value ) ) {
		// Responses come from JSON.parse: the whole subtree is JSON already.
		return value as JsonValue;
	}
	return null;
}

export function isLogLevel( value: unknown ): value is LogLevel {
	return (
		typeof value === 'string' &&
		( LOG_LEVELS as readonly string[] ).includes( value )
	);
}

export function normalizeLogLine( value: unknown ): LogLine | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	const id = num( value.id );
	const message = str( value.message );
	if ( id === null || message === null ) {
		return null;
	}
	return {
		id,
		job_id: num( value.job_id ) ?? 0,
		level: isLogLevel( value.level ) ? value.level : 'info',
		step: str( value.step ),
		message,
		context: toJsonValue( value.context ),
		http_status: num( value.http_status ),
		truncated: value.truncated === true,
		created_at: str( value.created_at ),
	};
}

export function normalizeLogPage( value: unknown ): LogPage | null {
	if ( ! isRecord( value ) || ! Array.isArray( value.items ) ) {
		return null;
	}
	return {
		items: list( value.items, normalizeLogLine ),
		next_cursor: num( value.next_cursor ),
		prev_cursor: num( value.prev_cursor ),
		has_more: value.has_more === true,
		has_older: value.has_older === true,
	};
}

function normalizeStep( value: unknown ): JobStep | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	const id = str( value.id );
	if ( id === null ) {
		return null;
	}
	const state = STEP_STATES.find( ( known ) => known === value.state );
	return {
		id,
		type: str( value.type ),
		label: str( value.label ) ?? id,
		position: num( value.position ) ?? 0,
		state: state ?? 'unknown',
		log_lines: num( value.log_lines ) ?? 0,
	};
}

function normalizeFailure( value: unknown ): JobFailure | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	return {
		message: str( value.message ),
		step_id: str( value.step_id ),
		trace: str( value.trace ),
		reason: str( value.reason ),
	};
}

/**
 * Only web links: a filtered registry entry can never smuggle a
 * `javascript:` URL into an href.
 *
 * @param url Candidate URL.
 */
export function isSafeHttpUrl( url: string ): boolean {
	try {
		const parsed = new URL( url );
		return parsed.protocol === 'https:' || parsed.protocol === 'http:';
	} catch {
		return false;
	}
}

function normalizeLink( value: unknown ): DocLink | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	const url = str( value.url );
	if ( url === null || ! isSafeHttpUrl( url ) ) {
		return null;
	}
	return { url, label: str( value.label ) ?? url };
}

function normalizeResolution( value: unknown ): Resolution | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	const title = str( value.title );
	if ( title === null ) {
		return null;
	}
	return {
		code: str( value.code ),
		known: value.known === true,
		title,
		steps: list( value.steps, str ),
		links: list( value.links, normalizeLink ),
		matched_by:
			value.matched_by === 'code' || value.matched_by === 'message'
				? value.matched_by
				: null,
	};
}

function normalizeCheck( value: unknown ): ConfigCheck | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	const id = str( value.id );
	const message = str( value.message );
	const statuses: CheckStatus[] = [ 'ok', 'warning', 'error' ];
	const status = statuses.find( ( known ) => known === value.status );
	if ( id === null || message === null || ! status ) {
		return null;
	}
	return {
		id,
		scope: value.scope === 'pipeline' ? 'pipeline' : 'flow',
		status,
		message,
		field: str( value.field ),
	};
}

function normalizeApiResponse( value: unknown ): ApiResponseEntry | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	return {
		source: value.source === 'log' ? 'log' : 'engine_data',
		path: str( value.path ),
		log_id: num( value.log_id ),
		step: str( value.step ),
		status: num( value.status ),
		code: str( value.code ),
		message: str( value.message ),
		url: str( value.url ),
		body: str( value.body ),
		created_at: str( value.created_at ),
	};
}

function normalizeFailureContext( value: unknown ): FailureContext | null {
	if ( ! isRecord( value ) ) {
		return null;
	}
	return {
		step: normalizeStep( value.step ),
		details: toJsonValue( value.details ),
		log_line: normalizeLogLine( value.log_line ),
	};
}

function normalizeLogCounts( value: unknown ): LogCounts {
	const counts = {} as Record< LogLevel, number >;
	const byLevel = isRecord( value ) ? value.by_level : null;
	for ( const level of LOG_LEVELS ) {
		counts[ level ] =
			( isRecord( byLevel ) ? num( byLevel[ level ] ) : null ) ?? 0;
	}
	return {
		total: ( isRecord( value ) ? num( value.total ) : null ) ?? 0,
		by_level: counts,
	};
}

/**
 * A job detail response, with safe defaults for every diagnostic field the
 * server did not send (for example a server without them).
 *
 * @param value The parsed response body.
 * @return The job, or `null` when even the list fields are missing.
 */
export function normalizeJobDetail( value: unknown ): JobDetail | null {
	if ( ! isJobListItem( value ) || ! isRecord( value ) ) {
		return null;
	}
	const record: UnknownRecord = value;
	return {
		...value,
		engine_data: isRecord( record.engine_data )
			? ( record.engine_data as JsonObject )
			: null,
		failure: normalizeFailure( record.failure ),
		started_at: str( record.started_at ),
		steps: list( record.steps, normalizeStep ),
		failure_context: normalizeFailureContext( record.failure_context ),
		resolution: normalizeResolution( record.resolution ),
		config_checks: list( record.config_checks, normalizeCheck ),
		api_responses: list( record.api_responses, normalizeApiResponse ),
		log_counts: normalizeLogCounts( record.log_counts ),
	};
}
