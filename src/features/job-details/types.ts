/**
 * Types of the job detail view and the per-job log. They mirror
 * `GET /dm-jobs/v1/jobs/{id}` (with the diagnostic fields) and
 * `GET /dm-jobs/v1/jobs/{id}/logs`.
 */

/**
 * Internal dependencies
 */
import type { JobListItem } from '../../shared/types';

export { LOG_LEVELS } from '../../generated/rest-contract';
export type { LogLevel } from '../../generated/rest-contract';
import type {
	GetJobsByIdLogsExportParams,
	LogLevel,
} from '../../generated/rest-contract';

/**
 * Any value JSON can carry (decoded engine_data, log contexts).
 */
export type JsonValue =
	| string
	| number
	| boolean
	| null
	| JsonValue[]
	| { [ key: string ]: JsonValue };

export type JsonObject = { [ key: string ]: JsonValue };

export type StepState =
	'completed' | 'running' | 'failed' | 'pending' | 'skipped' | 'unknown';

export interface JobStep {
	id: string;
	type: string | null;
	label: string;
	/** 1-based position in the pipeline. */
	position: number;
	state: StepState;
	log_lines: number;
}

export interface JobFailure {
	message: string | null;
	step_id: string | null;
	trace: string | null;
	reason: string | null;
}

export interface DocLink {
	label: string;
	url: string;
}

export interface Resolution {
	code: string | null;
	/** Whether the code or message matched a registry entry (else general advice). */
	known: boolean;
	title: string;
	steps: string[];
	links: DocLink[];
	matched_by: 'code' | 'message' | null;
}

export type CheckStatus = 'ok' | 'warning' | 'error';

export interface ConfigCheck {
	id: string;
	scope: 'pipeline' | 'flow';
	status: CheckStatus;
	message: string;
	field: string | null;
}

export interface ApiResponseEntry {
	source: 'engine_data' | 'log';
	/** Where in engine_data it was found, e.g. `api_responses.fetch`. */
	path: string | null;
	log_id: number | null;
	step: string | null;
	status: number | null;
	code: string | null;
	message: string | null;
	url: string | null;
	body: string | null;
	created_at: string | null;
}

export interface LogLine {
	id: number;
	job_id: number;
	level: LogLevel;
	step: string | null;
	message: string;
	context: JsonValue | null;
	http_status: number | null;
	truncated: boolean;
	created_at: string | null;
}

export interface FailureContext {
	step: JobStep | null;
	details: JsonValue | null;
	log_line: LogLine | null;
}

export interface LogCounts {
	total: number;
	by_level: Record< LogLevel, number >;
}

/**
 * One job as `GET /dm-jobs/v1/jobs/{id}` returns it.
 */
export interface JobDetail extends JobListItem {
	engine_data: JsonObject | null;
	failure: JobFailure | null;
	started_at: string | null;
	steps: JobStep[];
	failure_context: FailureContext | null;
	resolution: Resolution | null;
	config_checks: ConfigCheck[];
	api_responses: ApiResponseEntry[];
	log_counts: LogCounts;
}

/**
 * One page of `GET /dm-jobs/v1/jobs/{id}/logs`.
 */
export interface LogPage {
	items: LogLine[];
	/** Continue with `after=next_cursor` (newer lines, live tail). */
	next_cursor: number | null;
	/** Continue with `before=prev_cursor` (older lines). */
	prev_cursor: number | null;
	has_more: boolean;
	has_older: boolean;
}

export interface LogFilters {
	levels: LogLevel[];
	search: string;
}

export interface LogRequestParams {
	level?: string;
	search?: string;
	after?: number;
	before?: number;
	tail?: boolean;
	per_page: number;
}

export type ExportFormat = NonNullable<
	GetJobsByIdLogsExportParams[ 'format' ]
>;
