/**
 * Types of the Admin modal (bulk actions, cleanup, retention, maintenance,
 * export, audit). They mirror the `dm-jobs/v1` admin routes (see README).
 */

/**
 * Internal dependencies
 */
import type { BaseStatus, JobListItem } from '../../shared/types';

export type { OperationType } from '../../generated/rest-contract';
import type { Operation, OperationType } from '../../generated/rest-contract';

export type OperationState = Operation[ 'state' ];

/**
 * The job filter of GET /jobs, as REST parameters.
 */
export interface JobFilterParams {
	status?: string;
	pipeline_id?: number;
	flow_id?: number;
	search?: string;
	after?: string;
	before?: string;
}

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

export type SampleKind =
	| 'jobs'
	| 'processed_items'
	| 'logs'
	| 'files'
	| 'engine_data'
	| 'tables'
	| 'audit';

export interface ProcessedItemSample {
	id: number;
	flow_step_id: string;
	source_type: string;
	item_identifier: string;
	job_id: number;
	processed_timestamp: string | null;
}

export interface LogSample {
	log_id: number;
	job_id: number;
	level: string;
	message: string;
	created_at: string | null;
}

export interface FileSample {
	job_id: number;
	path: string;
	bytes: number;
}

export interface EngineDataSample {
	id: number;
	status: string;
	raw_status: string;
	bytes: number;
}

export interface TableSize {
	table: string;
	name: string;
	rows: number | null;
	data_bytes: number | null;
	index_bytes: number | null;
	free_bytes: number | null;
}

export type SampleRow =
	| JobListItem
	| ProcessedItemSample
	| LogSample
	| FileSample
	| EngineDataSample
	| TableSize
	| AuditEntry;

/**
 * The answer of a dry run.
 */
export interface OperationPreview {
	dry_run: true;
	type: OperationType;
	count: number;
	sample_kind: SampleKind;
	sample: SampleRow[];
	details: {
		by_status?: Record< string, number >;
		active_left_out?: number;
		bytes?: number;
		reclaimable_bytes?: number;
		engine?: 'mysql' | 'sqlite';
		logs_table_present?: boolean;
		files_dir?: string;
		file?: SqliteFile | null;
	};
	max_id: number;
	as_of: string;
}

export type { Operation } from '../../generated/rest-contract';
export type Actor = Operation[ 'actor' ];
export type OperationResult = Operation[ 'result' ];

export interface RetentionSettings {
	completed_days: number;
	failed_days: number;
	keep_failed: boolean;
	engine_data_days: number;
	audit_days: number;
}

export interface RetentionStep {
	key: 'completed' | 'failed' | 'engine_data' | 'audit';
	type: OperationType;
	days: number;
	operation_id?: number;
	state?: OperationState | 'missing';
	total?: number;
	affected?: number;
	count?: number;
	message?: string | null;
}

export interface RetentionReport {
	state: 'running' | 'completed' | 'failed';
	trigger: 'schedule' | 'manual';
	actor: Actor;
	started_at: string;
	finished_at: string | null;
	duration: number;
	settings: RetentionSettings;
	removed: Partial< Record< RetentionStep[ 'key' ], number > >;
	steps: RetentionStep[];
}

export interface RetentionState {
	saved: RetentionSettings;
	effective: RetentionSettings;
	overridden: Array< keyof RetentionSettings >;
	defaults: RetentionSettings;
	schedule: {
		runner: 'wp-cron' | 'action-scheduler';
		next_run: string | null;
	};
	last_run: RetentionReport | null;
	pending: boolean;
}

export interface RetentionDryRun {
	dry_run: true;
	effective: RetentionSettings;
	steps: RetentionStep[];
}

export interface SqliteFile {
	page_size: number;
	page_count: number;
	freelist_count: number;
	file_bytes: number;
	free_bytes: number;
}

export interface SystemMetrics {
	generated_at: string;
	took_ms: number;
	cached: boolean;
	cache_seconds: number;
	database: {
		engine: 'mysql' | 'sqlite';
		version: string;
		file: SqliteFile | null;
	};
	tables: TableSize[];
	jobs: {
		total: number;
		by_status: Record< string, number >;
		distinct_raw: number;
		compound_values: number;
		oldest: string | null;
		newest: string | null;
	};
	growth: {
		days: number;
		per_day: Array< { date: string; jobs: number } >;
		average: number;
	};
	stuck: {
		threshold_minutes: number;
		count: number;
		sample: JobListItem[];
	};
}

export interface PipelineSummary {
	pipeline_id: number | null;
	pipeline_name: string | null;
	total: number;
	by_status: Record< string, number >;
	finished: number;
	succeeded: number;
	failed: number;
	success_rate: number | null;
	average_duration: number | null;
}

export interface PipelineReport {
	after: string;
	before: string;
	generated_at: string;
	pipelines: PipelineSummary[];
	totals: PipelineSummary;
}

export interface AuditEntry {
	id: number;
	created_at: string | null;
	actor: Actor;
	action: string;
	job_id: number | null;
	affected: number;
	params: Record< string, unknown > | null;
}

export type AuditCategory =
	| 'job'
	| 'jobs'
	| 'cleanup'
	| 'maintenance'
	| 'retention'
	| 'audit'
	| 'export'
	| 'alerts'
	| 'flow';

export interface AuditFilters {
	category: AuditCategory | '';
	actor: 'user' | 'system' | '';
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
