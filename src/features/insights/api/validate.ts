/**
 * Runtime checks of the metrics answers, so a broken or hostile answer shows
 * an error instead of breaking the charts.
 */

/**
 * Internal dependencies
 */
import { isRecord } from '../../../shared/contract/schema-guard';
import type {
	BucketFields,
	MetricsCapacity,
	MetricsDegradation,
	MetricsOverview,
	MetricsRange,
	MetricsResources,
	RollupProgress,
} from '../types';
import { FINAL_STATUSES } from '../types';

const isNumber = ( value: unknown ): value is number =>
	typeof value === 'number' && Number.isFinite( value );
const isNullableNumber = ( value: unknown ): value is number | null =>
	value === null || isNumber( value );
const isNullableString = ( value: unknown ): value is string | null =>
	value === null || typeof value === 'string';
const isArrayOf = < T >(
	value: unknown,
	check: ( item: unknown ) => item is T
): value is T[] => Array.isArray( value ) && value.every( check );

function field( value: unknown, key: string ): unknown {
	return isRecord( value ) ? value[ key ] : undefined;
}

function isBucket( value: unknown ): value is BucketFields {
	return (
		isRecord( value ) &&
		typeof value.key === 'string' &&
		typeof value.start === 'string' &&
		typeof value.end === 'string' &&
		isNullableString( value.date )
	);
}

export function isMetricsRange( value: unknown ): value is MetricsRange {
	return (
		isRecord( value ) &&
		typeof value.preset === 'string' &&
		( value.bucket === 'hour' ||
			value.bucket === 'day' ||
			value.bucket === 'week' ) &&
		typeof value.after === 'string' &&
		typeof value.before === 'string' &&
		isNullableString( value.first_date ) &&
		isNullableString( value.last_date ) &&
		typeof value.time_zone === 'string' &&
		isNumber( value.start_of_week ) &&
		typeof value.fell_back === 'boolean' &&
		isNumber( value.p95_precision )
	);
}

export function isRollupProgress( value: unknown ): value is RollupProgress {
	return (
		isRecord( value ) &&
		( value.state === 'not_started' ||
			value.state === 'rebuilding' ||
			value.state === 'backfilling' ||
			value.state === 'ready' ) &&
		isNumber( value.percent ) &&
		isNumber( value.processed ) &&
		isRecord( value.open_jobs ) &&
		isNumber( value.open_jobs.pending ) &&
		isNumber( value.open_jobs.processing ) &&
		isNullableString( value.last_run_at )
	);
}

function isVolumePoint( value: unknown ): boolean {
	const counts = field( value, 'counts' );
	return (
		isBucket( value ) &&
		isNumber( field( value, 'total' ) ) &&
		FINAL_STATUSES.every( ( status ) =>
			isNumber( field( counts, status ) )
		)
	);
}

function isSuccessPoint( value: unknown ): boolean {
	return (
		isBucket( value ) &&
		isNumber( field( value, 'succeeded' ) ) &&
		isNumber( field( value, 'failed' ) ) &&
		isNullableNumber( field( value, 'rate' ) )
	);
}

function isDuration( value: unknown ): boolean {
	return (
		isRecord( value ) &&
		isNumber( value.pipeline_id ) &&
		isNullableString( value.pipeline_name ) &&
		isNumber( value.jobs ) &&
		isNumber( value.timed_jobs ) &&
		isNullableNumber( value.avg_seconds ) &&
		isNullableNumber( value.p95_seconds )
	);
}

function isHeatmapCell( value: unknown ): boolean {
	return (
		isRecord( value ) &&
		isNumber( value.weekday ) &&
		value.weekday >= 1 &&
		value.weekday <= 7 &&
		isNumber( value.hour ) &&
		value.hour >= 0 &&
		value.hour <= 23 &&
		isNumber( value.count )
	);
}

function isFailureSeries( value: unknown ): boolean {
	return (
		isRecord( value ) &&
		isNumber( value.pipeline_id ) &&
		isNullableString( value.pipeline_name ) &&
		isNumber( value.jobs ) &&
		Array.isArray( value.points ) &&
		value.points.every(
			( point ) =>
				isBucket( point ) &&
				isNumber( field( point, 'failed' ) ) &&
				isNumber( field( point, 'finished' ) ) &&
				isNullableNumber( field( point, 'rate' ) )
		)
	);
}

export function isMetricsOverview( value: unknown ): value is MetricsOverview {
	return (
		isRecord( value ) &&
		isMetricsRange( value.range ) &&
		isRollupProgress( value.rollup ) &&
		Array.isArray( value.statuses ) &&
		isRecord( value.totals ) &&
		isNumber( value.totals.jobs ) &&
		isNullableNumber( value.totals.success_rate ) &&
		Array.isArray( value.volume ) &&
		value.volume.every( isVolumePoint ) &&
		Array.isArray( value.success_rate ) &&
		value.success_rate.every( isSuccessPoint ) &&
		Array.isArray( value.durations ) &&
		value.durations.every( isDuration ) &&
		isRecord( value.heatmap ) &&
		Array.isArray( value.heatmap.cells ) &&
		value.heatmap.cells.every( isHeatmapCell ) &&
		isNumber( value.heatmap.max ) &&
		Array.isArray( value.failure_trend ) &&
		value.failure_trend.every( isFailureSeries )
	);
}

export function isMetricsResources(
	value: unknown
): value is MetricsResources {
	return (
		isRecord( value ) &&
		isMetricsRange( value.range ) &&
		typeof value.resolution === 'string' &&
		isArrayOf(
			value.concurrency,
			( point ): point is Record< string, unknown > =>
				isRecord( point ) &&
				typeof point.at === 'string' &&
				isNumber( point.processing_max ) &&
				isNumber( point.pending_max )
		) &&
		isArrayOf(
			value.table_size,
			( point ): point is Record< string, unknown > =>
				isRecord( point ) &&
				typeof point.at === 'string' &&
				isNumber( point.rows ) &&
				isNullableNumber( point.bytes )
		)
	);
}

function isWindowStats( value: unknown ): boolean {
	return (
		isRecord( value ) &&
		isNumber( value.jobs ) &&
		isNumber( value.finished ) &&
		isNullableNumber( value.failure_rate ) &&
		isNullableNumber( value.avg_seconds ) &&
		isNullableNumber( value.p95_seconds )
	);
}

export function isMetricsDegradation(
	value: unknown
): value is MetricsDegradation {
	return (
		isRecord( value ) &&
		isRecord( value.recent ) &&
		isNumber( value.recent.hours ) &&
		isRecord( value.baseline ) &&
		isNumber( value.baseline.days ) &&
		isRecord( value.thresholds ) &&
		isNumber( value.thresholds.duration_ratio ) &&
		isNumber( value.thresholds.failure_rate_increase ) &&
		isArrayOf(
			value.pipelines,
			( item ): item is Record< string, unknown > =>
				isRecord( item ) &&
				isNumber( item.pipeline_id ) &&
				isNullableString( item.pipeline_name ) &&
				typeof item.flagged === 'boolean' &&
				isWindowStats( item.recent ) &&
				isWindowStats( item.baseline ) &&
				isArrayOf(
					item.triggers,
					( trigger ): trigger is Record< string, unknown > =>
						isRecord( trigger ) &&
						( trigger.metric === 'p95_duration' ||
							trigger.metric === 'avg_duration' ||
							trigger.metric === 'failure_rate' ) &&
						isNumber( trigger.recent ) &&
						isNumber( trigger.baseline ) &&
						isNumber( trigger.change ) &&
						isNumber( trigger.threshold )
				)
		)
	);
}

export function isMetricsCapacity( value: unknown ): value is MetricsCapacity {
	return (
		isRecord( value ) &&
		isNullableString( value.measured_at ) &&
		isNullableNumber( value.rows ) &&
		isNullableNumber( value.bytes ) &&
		typeof value.bytes_estimated === 'boolean' &&
		isRecord( value.growth ) &&
		isNullableNumber( value.growth.rows_per_day ) &&
		isArrayOf(
			value.projections,
			( item ): item is Record< string, unknown > =>
				isRecord( item ) &&
				isNumber( item.days ) &&
				isNullableNumber( item.rows ) &&
				isNullableNumber( item.bytes )
		) &&
		( value.limit === null ||
			( isRecord( value.limit ) &&
				isNumber( value.limit.max_bytes ) &&
				isNullableNumber( value.limit.retention_days ) ) )
	);
}
