/**
 * Types of the job detail view and the per-job log: the answers of
 * `GET /dm-jobs/v1/jobs/{id}` and `GET /dm-jobs/v1/jobs/{id}/logs` as the
 * generated contract types them, and the view's own filters.
 */

/**
 * Internal dependencies
 */
export { LOG_LEVELS } from '../../generated/rest-contract';
export type {
	ApiResponseEntry,
	ConfigCheck,
	DocLink,
	FailureContext,
	JobDetail,
	JobFailure,
	JobLogLine as LogLine,
	JobLogPage as LogPage,
	JobStep,
	LogCounts,
	LogLevel,
	Resolution,
} from '../../generated/rest-contract';
export type { JsonObject, JsonValue } from '../../shared/contract/json-value';
import type {
	ConfigCheck,
	GetJobsByIdLogsExportParams,
	JobStep,
	LogLevel,
} from '../../generated/rest-contract';

export type StepState = JobStep[ 'state' ];

export type CheckStatus = ConfigCheck[ 'status' ];

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
