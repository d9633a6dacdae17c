/**
 * Types of the Admin modal (bulk actions, cleanup, retention, maintenance,
 * export, audit). They mirror the `dm-jobs/v1` admin routes (see README).
 */

/**
 * Internal dependencies
 */
import type { JobsFilterParams } from '../../shared/api/jobs-api';
import type { BaseStatus } from '../../shared/types';

export type { OperationType } from '../../generated/rest-contract';
import type {
	AuditEntry,
	GetAuditParams,
	Operation,
	OperationPreview,
	RetentionReport,
} from '../../generated/rest-contract';

export type {
	AuditEntry,
	EngineDataSample,
	FileSample,
	LogSample,
	OperationPreview,
	PipelineReport,
	ProcessedItemSample,
	PipelineSummary,
	Retention as RetentionState,
	RetentionDryRun,
	RetentionReport,
	RetentionSettings,
	SqliteFile,
	SystemMetrics,
	TableSize,
} from '../../generated/rest-contract';

export type OperationState = Operation[ 'state' ];

/**
 * The job filter of GET /jobs, as REST parameters.
 */
export type JobFilterParams = JobsFilterParams;

/**
 * Parameters of POST /operations (besides `type`, `dry_run` and the confirmation).
 */
export interface OperationParams extends JobFilterParams {
	ids?: number[];
	include_active?: boolean;
	target_status?: BaseStatus;
	reason?: string;
	statuses?: BaseStatus[];
	older_than_days?: number;
	orphaned?: boolean;
}

export type { Operation } from '../../generated/rest-contract';
export type OperationResult = Operation[ 'result' ];
export type SampleKind = OperationPreview[ 'sample_kind' ];

export type RetentionStep = RetentionReport[ 'steps' ][ number ];

export type AuditCategory = NonNullable< GetAuditParams[ 'category' ] >;

export interface AuditFilters {
	category: AuditCategory | '';
	actor: NonNullable< GetAuditParams[ 'actor' ] > | '';
	page: number;
}

export interface AuditPage {
	entries: AuditEntry[];
	total: number;
	totalPages: number;
}

export type AdminSection =
	| 'bulk'
	| 'cleanup'
	| 'retention'
	| 'maintenance'
	| 'export'
	| 'alerts'
	| 'audit';

/**
 * Boot data printed by PHP as `window.dmJobsAdminTools`.
 */
export interface AdminToolsConfig {
	restNonce: string;
	exportUrl: string;
	userLogin: string;
	filesDir: string;
	usesSqlite: boolean;
}
