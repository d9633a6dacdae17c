/**
 * Types of the insights view: the parts of the `dm-jobs/v1/metrics…` answers
 * it reads (generated from the route schemas) and the view's own state.
 */

/**
 * Internal dependencies
 */
import { METRICS_SCHEMA } from '../../generated/rest-contract';
import type {
	Metrics,
	MetricsCapacity,
	MetricsDegradation,
	MetricsPreset,
	MetricsRange,
	MetricsResources,
	MetricsRollup,
} from '../../generated/rest-contract';

export type {
	MetricsCapacity,
	MetricsDegradation,
	MetricsRange,
	MetricsResources,
};

/**
 * Statuses a finished job is counted under (`other`: an unknown status), in
 * the order the server lists them.
 */
export const FINAL_STATUSES = METRICS_SCHEMA.properties.statuses.items.enum;

export type FinalStatus = ( typeof FINAL_STATUSES )[ number ];

export type RangePreset = MetricsPreset;

export type BucketSize = MetricsRange[ 'bucket' ];

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

export type RollupProgress = MetricsRollup;

export type MetricsOverview = Metrics;

export type VolumePoint = Metrics[ 'volume' ][ number ];

/**
 * A time bucket. `date` is the site-local date for day and week buckets.
 */
export type BucketFields = Pick<
	VolumePoint,
	'key' | 'start' | 'end' | 'date'
>;

export type SuccessPoint = Metrics[ 'success_rate' ][ number ];

export type PipelineDuration = Metrics[ 'durations' ][ number ];

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 */
export type HeatmapCell = Metrics[ 'heatmap' ][ 'cells' ][ number ];

export type FailureSeries = Metrics[ 'failure_trend' ][ number ];

export type FailurePoint = FailureSeries[ 'points' ][ number ];

export type DurationTrendSeries = Metrics[ 'duration_trend' ][ number ];

/**
 * `timed`: finished jobs with a duration in this bucket (the sample size).
 */
export type DurationTrendPoint = DurationTrendSeries[ 'points' ][ number ];

export type ConcurrencyPoint = MetricsResources[ 'concurrency' ][ number ];

export type TableSizePoint = MetricsResources[ 'table_size' ][ number ];

export type PipelineDegradation = MetricsDegradation[ 'pipelines' ][ number ];

export type WindowStats = PipelineDegradation[ 'recent' ];

export type DegradationTrigger = PipelineDegradation[ 'triggers' ][ number ];

export type DegradationMetric = DegradationTrigger[ 'metric' ];

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
