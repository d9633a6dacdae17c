/**
 * Types of the insights view: the `dm-jobs/v1/metrics…` REST answers and the
 * view's own state.
 */

/**
 * Internal dependencies
 */
import { STATUS_FAMILIES } from '../../generated/rest-contract';
import type { MetricsPreset } from '../../generated/rest-contract';

/**
 * Statuses a finished job is counted under (`other`: an unknown status).
 */
export const FINAL_STATUSES = [
	...STATUS_FAMILIES.succeeded,
	...STATUS_FAMILIES.failed,
	...STATUS_FAMILIES.other,
	'other',
] as const;

export type FinalStatus = ( typeof FINAL_STATUSES )[ number ];

export type RangePreset = MetricsPreset;

export type BucketSize = 'hour' | 'day' | 'week';

/**
 * What range the user chose. Custom dates are site-local `YYYY-MM-DD`.
 */
export interface RangeSelection {
	preset: RangePreset;
	from: string;
	to: string;
}

export interface InsightsFilters {
	pipelineId: number | null;
	flowId: number | null;
}

export interface RollupProgress {
	state: 'not_started' | 'rebuilding' | 'backfilling' | 'ready';
	percent: number;
	processed: number;
	watermark: number;
	target: number;
	skipped: number;
	started_at: string | null;
	finished_at: string | null;
	last_run_at: string | null;
	open_jobs: {
		pending: number;
		processing: number;
		other: number;
		gaps: number;
	};
	time_zone: string | null;
}

export interface MetricsRange {
	preset: RangePreset;
	bucket: BucketSize;
	/** ISO 8601 UTC. */
	after: string;
	before: string;
	first_date: string | null;
	last_date: string | null;
	time_zone: string;
	/** 0 = Sunday … 6 = Saturday. */
	start_of_week: number;
	/** Hours were asked for but are older than the hourly rollups. */
	fell_back: boolean;
	/** Largest relative error of p95 values (e.g. 0.1225). */
	p95_precision: number;
}

/**
 * A time bucket. `date` is the site-local date for day and week buckets.
 */
export interface BucketFields {
	key: string;
	start: string;
	end: string;
	date: string | null;
}

export interface VolumePoint extends BucketFields {
	counts: Record< FinalStatus, number >;
	total: number;
}

export interface SuccessPoint extends BucketFields {
	succeeded: number;
	failed: number;
	rate: number | null;
}

export interface PipelineDuration {
	pipeline_id: number;
	pipeline_name: string | null;
	jobs: number;
	timed_jobs: number;
	avg_seconds: number | null;
	p95_seconds: number | null;
	max_seconds: number | null;
}

export interface HeatmapCell {
	/** ISO weekday: 1 = Monday … 7 = Sunday. */
	weekday: number;
	hour: number;
	count: number;
}

export interface FailurePoint extends BucketFields {
	failed: number;
	finished: number;
	rate: number | null;
}

export interface FailureSeries {
	pipeline_id: number;
	pipeline_name: string | null;
	jobs: number;
	points: FailurePoint[];
}

export interface DurationTrendPoint extends BucketFields {
	/** Finished jobs with a duration in this bucket (the sample size). */
	timed: number;
	avg_seconds: number | null;
	median_seconds: number | null;
	p95_seconds: number | null;
}

export interface DurationTrendSeries {
	pipeline_id: number;
	pipeline_name: string | null;
	timed_jobs: number;
	points: DurationTrendPoint[];
}

export interface MetricsOverview {
	range: MetricsRange;
	rollup: RollupProgress;
	statuses: FinalStatus[];
	totals: {
		jobs: number;
		succeeded: number;
		failed: number;
		success_rate: number | null;
	};
	volume: VolumePoint[];
	success_rate: SuccessPoint[];
	durations: PipelineDuration[];
	heatmap: { cells: HeatmapCell[]; max: number };
	failure_trend: FailureSeries[];
	duration_trend: DurationTrendSeries[];
}

export interface ConcurrencyPoint {
	at: string;
	processing_max: number;
	processing_avg: number;
	pending_max: number;
	samples: number;
}

export interface TableSizePoint {
	at: string;
	rows: number;
	bytes: number | null;
	estimated: boolean;
}

export interface MetricsResources {
	range: MetricsRange;
	resolution: 'snapshot' | 'hour' | 'bucket';
	interval: number | null;
	concurrency: ConcurrencyPoint[];
	table_size: TableSizePoint[];
}

export interface WindowStats {
	jobs: number;
	finished: number;
	failed: number;
	failure_rate: number | null;
	timed_jobs: number;
	avg_seconds: number | null;
	p95_seconds: number | null;
}

export type DegradationMetric =
	'p95_duration' | 'avg_duration' | 'failure_rate';

export interface DegradationTrigger {
	metric: DegradationMetric;
	recent: number;
	baseline: number;
	change: number;
	threshold: number;
}

export interface PipelineDegradation {
	pipeline_id: number;
	pipeline_name: string | null;
	flagged: boolean;
	triggers: DegradationTrigger[];
	recent: WindowStats;
	baseline: WindowStats;
}

export interface MetricsDegradation {
	recent: { after: string; before: string; hours: number };
	baseline: {
		after: string;
		before: string;
		first_date: string;
		last_date: string;
		days: number;
	};
	thresholds: {
		duration_ratio: number;
		failure_rate_increase: number;
		min_recent_jobs: number;
		min_baseline_jobs: number;
	};
	pipelines: PipelineDegradation[];
}

export interface MetricsCapacity {
	measured_at: string | null;
	rows: number | null;
	bytes: number | null;
	free_bytes: number | null;
	bytes_estimated: boolean;
	bytes_per_row: number | null;
	growth: {
		rows_per_day: number | null;
		days_observed: number;
		previous_rows_per_day: number | null;
		change: number | null;
	};
	projections: Array< {
		days: number;
		rows: number | null;
		bytes: number | null;
	} >;
	limit: {
		max_bytes: number;
		retention_days: number | null;
		days_until_limit: number | null;
		over_limit: boolean;
	} | null;
}

/**
 * A chart's data as a table: the accessible alternative to the chart.
 */
export interface ChartTable {
	caption: string;
	columns: Array< { key: string; label: string; numeric?: boolean } >;
	rows: Array< { key: string; cells: string[] } >;
}

export type LoadState< T > =
	| { status: 'loading'; data: T | null; error: null }
	| { status: 'ready'; data: T; error: null }
	| {
			status: 'error';
			data: T | null;
			error: { code: string; message: string; status: number | null };
	  };
