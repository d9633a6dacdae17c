/**
 * Pure functions turning the metrics answers into chart rows and into the
 * tables that are each chart's accessible alternative.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	BucketSize,
	ChartTable,
	FailureSeries,
	FinalStatus,
	HeatmapCell,
	MetricsOverview,
	MetricsResources,
	PipelineDuration,
	SuccessPoint,
	VolumePoint,
} from '../types';
import { FINAL_STATUSES } from '../types';
import { finalStatusLabel, pipelineLabel } from './labels';
import { formatBucketLabel, formatBucketTitle } from './bucket-labels';
import { formatBytes } from '../../../shared/format/format-bytes';
import { formatNumber } from '../../../shared/format/format-number';
import { formatDuration } from '../../../shared/format/format-duration';
import { formatMoment } from '../../../shared/format/format-timestamp';
import { formatPercent } from '../../../shared/format/format-percent';
import { hourLabel, weekdayName } from '../../../shared/format/format-date';
import { NO_VALUE } from '../../../shared/format/no-value';
import { seriesColor } from './status-colors';

export type VolumeRow = {
	label: string;
	title: string;
	total: number;
} & Record< FinalStatus, number >;

/**
 * Statuses worth a bar segment: those with at least one job in the range
 * (all of them when the range is empty).
 *
 * @param points Volume points.
 */
export function presentStatuses( points: VolumePoint[] ): FinalStatus[] {
	const present = FINAL_STATUSES.filter( ( status ) =>
		points.some( ( point ) => point.counts[ status ] > 0 )
	);
	return present.length > 0 ? present : [ ...FINAL_STATUSES ];
}

export function volumeRows(
	points: VolumePoint[],
	size: BucketSize,
	timeZone: string
): VolumeRow[] {
	return points.map( ( point ) => ( {
		label: formatBucketLabel( point, size, timeZone ),
		title: formatBucketTitle( point, size, timeZone ),
		total: point.total,
		...point.counts,
	} ) );
}

export function volumeTable(
	points: VolumePoint[],
	size: BucketSize,
	timeZone: string
): ChartTable {
	const statuses = presentStatuses( points );
	return {
		caption: __( 'Finished jobs by status', 'dm-jobs' ),
		columns: [
			{ key: 'period', label: __( 'Period', 'dm-jobs' ) },
			...statuses.map( ( status ) => ( {
				key: status,
				label: finalStatusLabel( status ),
				numeric: true,
			} ) ),
			{ key: 'total', label: __( 'Total', 'dm-jobs' ), numeric: true },
		],
		rows: points.map( ( point ) => ( {
			key: point.key,
			cells: [
				formatBucketTitle( point, size, timeZone ),
				...statuses.map( ( status ) =>
					formatNumber( point.counts[ status ] )
				),
				formatNumber( point.total ),
			],
		} ) ),
	};
}

export interface SuccessRow {
	label: string;
	title: string;
	/** Percent (0–100), `null` when nothing succeeded or failed. */
	rate: number | null;
	succeeded: number;
	failed: number;
}

export function successRows(
	points: SuccessPoint[],
	size: BucketSize,
	timeZone: string
): SuccessRow[] {
	return points.map( ( point ) => ( {
		label: formatBucketLabel( point, size, timeZone ),
		title: formatBucketTitle( point, size, timeZone ),
		rate: point.rate === null ? null : Math.round( point.rate * 1000 ) / 10,
		succeeded: point.succeeded,
		failed: point.failed,
	} ) );
}

export function successTable(
	points: SuccessPoint[],
	size: BucketSize,
	timeZone: string
): ChartTable {
	return {
		caption: __( 'Success rate', 'dm-jobs' ),
		columns: [
			{ key: 'period', label: __( 'Period', 'dm-jobs' ) },
			{
				key: 'rate',
				label: __( 'Success rate', 'dm-jobs' ),
				numeric: true,
			},
			{
				key: 'succeeded',
				label: __( 'Succeeded', 'dm-jobs' ),
				numeric: true,
			},
			{ key: 'failed', label: __( 'Failed', 'dm-jobs' ), numeric: true },
		],
		rows: points.map( ( point ) => ( {
			key: point.key,
			cells: [
				formatBucketTitle( point, size, timeZone ),
				formatPercent( point.rate ),
				formatNumber( point.succeeded ),
				formatNumber( point.failed ),
			],
		} ) ),
	};
}

export interface DurationRow {
	name: string;
	avg: number | null;
	p95: number | null;
	jobs: number;
}

export function durationRows( items: PipelineDuration[] ): DurationRow[] {
	return items
		.filter( ( item ) => item.timed_jobs > 0 )
		.map( ( item ) => ( {
			name: pipelineLabel( item.pipeline_name, item.pipeline_id ),
			avg: item.avg_seconds,
			p95: item.p95_seconds,
			jobs: item.timed_jobs,
		} ) );
}

export function durationTable( items: PipelineDuration[] ): ChartTable {
	return {
		caption: __( 'Duration by pipeline', 'dm-jobs' ),
		columns: [
			{ key: 'pipeline', label: __( 'Pipeline', 'dm-jobs' ) },
			{
				key: 'avg',
				label: __( 'Average', 'dm-jobs' ),
				numeric: true,
			},
			{ key: 'p95', label: __( 'p95', 'dm-jobs' ), numeric: true },
			{ key: 'max', label: __( 'Longest', 'dm-jobs' ), numeric: true },
			{
				key: 'jobs',
				label: __( 'Timed jobs', 'dm-jobs' ),
				numeric: true,
			},
		],
		rows: items.map( ( item ) => ( {
			key: String( item.pipeline_id ),
			cells: [
				pipelineLabel( item.pipeline_name, item.pipeline_id ),
				formatDuration( item.avg_seconds, { tenths: true } ),
				formatDuration( item.p95_seconds, { tenths: true } ),
				formatDuration( item.max_seconds, { tenths: true } ),
				formatNumber( item.timed_jobs ),
			],
		} ) ),
	};
}

export interface HeatmapRow {
	weekday: number;
	label: string;
	shortLabel: string;
	counts: number[];
}

/**
 * The heatmap as weekday rows of 24 hourly counts, in the site's week order.
 *
 * @param cells       Cells from the API.
 * @param startOfWeek 0 = Sunday … 6 = Saturday.
 */
export function heatmapRows(
	cells: HeatmapCell[],
	startOfWeek: number
): HeatmapRow[] {
	const first = startOfWeek === 0 ? 7 : startOfWeek;
	const rows: HeatmapRow[] = [];
	for ( let offset = 0; offset < 7; offset++ ) {
		const weekday = ( ( first - 1 + offset ) % 7 ) + 1;
		const counts = new Array< number >( 24 ).fill( 0 );
		for ( const cell of cells ) {
			if ( cell.weekday === weekday ) {
				counts[ cell.hour ] += cell.count;
			}
		}
		rows.push( {
			weekday,
			label: weekdayName( weekday ),
			shortLabel: weekdayName( weekday, 'short' ),
			counts,
		} );
	}
	return rows;
}

export function heatmapTable( rows: HeatmapRow[] ): ChartTable {
	const hours = Array.from( { length: 24 }, ( _, hour ) => hour );
	return {
		caption: __(
			'Finished jobs by weekday and hour (site time)',
			'dm-jobs'
		),
		columns: [
			{ key: 'weekday', label: __( 'Weekday', 'dm-jobs' ) },
			...hours.map( ( hour ) => ( {
				key: `h${ hour }`,
				label: hourLabel( hour ),
				numeric: true,
			} ) ),
		],
		rows: rows.map( ( row ) => ( {
			key: String( row.weekday ),
			cells: [
				row.label,
				...row.counts.map( ( count ) => formatNumber( count ) ),
			],
		} ) ),
	};
}

export interface TrendLine {
	key: string;
	name: string;
	color: string;
	/** SVG stroke-dasharray, so series differ without colour. */
	dash: string;
	/** Marker shape drawn on each point. */
	marker: MarkerShape;
}

export type MarkerShape =
	'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';

/** Line patterns and markers per series, in order (told apart without colour). */
export const SERIES_DASHES = [ '', '6 3', '2 3', '10 4 2 4', '1 5', '12 3' ];
export const SERIES_MARKERS: MarkerShape[] = [
	'circle',
	'square',
	'triangle',
	'diamond',
	'cross',
	'star',
];

/**
 * Periods with fewer finished jobs than this are not drawn as a rate: "2 of
 * 2 failed" is not a 100 % failure rate worth a spike (the table has them).
 */
export const MIN_RATE_SAMPLE = 5;

export interface TrendData {
	lines: TrendLine[];
	rows: Array< Record< string, string | number | null > >;
	/** Pipelines left out of the chart (they stay in the table). */
	hidden: number;
}

/**
 * Failure rate per pipeline as chart rows (percent), for the busiest
 * pipelines; the table keeps all of them.
 *
 * @param series   Per-pipeline series, busiest first.
 * @param size     Bucket size.
 * @param timeZone Site time zone.
 * @param limit    How many pipelines get a line.
 */
export function failureTrend(
	series: FailureSeries[],
	size: BucketSize,
	timeZone: string,
	limit = 6
): TrendData {
	const shown = series.slice( 0, limit );
	const lines = shown.map( ( item, index ) => ( {
		key: `p${ item.pipeline_id }`,
		name: pipelineLabel( item.pipeline_name, item.pipeline_id ),
		color: seriesColor( index ),
		dash: SERIES_DASHES[ index % SERIES_DASHES.length ],
		marker: SERIES_MARKERS[ index % SERIES_MARKERS.length ],
	} ) );
	const points = shown[ 0 ]?.points ?? [];
	const rows = points.map( ( point, index ) => {
		const row: Record< string, string | number | null > = {
			label: formatBucketLabel( point, size, timeZone ),
			title: formatBucketTitle( point, size, timeZone ),
		};
		shown.forEach( ( item ) => {
			const cell = item.points[ index ];
			const rate = cell?.rate ?? null;
			const key = `p${ item.pipeline_id }`;
			row[ key ] =
				rate === null || ( cell?.finished ?? 0 ) < MIN_RATE_SAMPLE
					? null
					: Math.round( rate * 1000 ) / 10;
			row[ `${ key }_sample` ] = cell
				? sprintf(
						/* translators: 1: failed jobs; 2: finished jobs. */
						__( '%1$s of %2$s failed', 'dm-jobs' ),
						formatNumber( cell.failed ),
						formatNumber( cell.finished )
					)
				: null;
		} );
		return row;
	} );
	return { lines, rows, hidden: Math.max( 0, series.length - limit ) };
}

export function failureTable(
	series: FailureSeries[],
	size: BucketSize,
	timeZone: string
): ChartTable {
	const points = series[ 0 ]?.points ?? [];
	return {
		caption: __( 'Failure rate by pipeline', 'dm-jobs' ),
		columns: [
			{ key: 'period', label: __( 'Period', 'dm-jobs' ) },
			...series.map( ( item ) => ( {
				key: `p${ item.pipeline_id }`,
				label: pipelineLabel( item.pipeline_name, item.pipeline_id ),
				numeric: true,
			} ) ),
		],
		rows: points.map( ( point, index ) => ( {
			key: point.key,
			cells: [
				formatBucketTitle( point, size, timeZone ),
				...series.map( ( item ) => {
					const cell = item.points[ index ];
					if ( ! cell || cell.finished === 0 ) {
						return NO_VALUE;
					}
					return sprintf(
						/* translators: 1: failure rate, e.g. 12.5%; 2: failed jobs; 3: finished jobs. */
						__( '%1$s (%2$s of %3$s)', 'dm-jobs' ),
						formatPercent( cell.rate ),
						formatNumber( cell.failed ),
						formatNumber( cell.finished )
					);
				} ),
			],
		} ) ),
	};
}

export interface ConcurrencyRow {
	label: string;
	title: string;
	processing: number;
	pending: number;
}

export function concurrencyRows(
	resources: MetricsResources,
	timeZone: string
): ConcurrencyRow[] {
	return resources.concurrency.map( ( point ) => ( {
		label: formatMoment( point.at, timeZone ),
		title: formatMoment( point.at, timeZone ),
		processing: point.processing_max,
		pending: point.pending_max,
	} ) );
}

export function concurrencyTable(
	resources: MetricsResources,
	timeZone: string
): ChartTable {
	return {
		caption: __( 'Concurrent jobs (largest in each period)', 'dm-jobs' ),
		columns: [
			{ key: 'at', label: __( 'Time', 'dm-jobs' ) },
			{
				key: 'processing',
				label: __( 'Processing', 'dm-jobs' ),
				numeric: true,
			},
			{
				key: 'pending',
				label: __( 'Pending', 'dm-jobs' ),
				numeric: true,
			},
		],
		rows: resources.concurrency.map( ( point ) => ( {
			key: point.at,
			cells: [
				formatMoment( point.at, timeZone ),
				formatNumber( point.processing_max ),
				formatNumber( point.pending_max ),
			],
		} ) ),
	};
}

export interface TableSizeRow {
	label: string;
	rows: number;
	/** Megabytes, for the axis. */
	megabytes: number | null;
}

export function tableSizeRows(
	resources: MetricsResources,
	timeZone: string
): TableSizeRow[] {
	return resources.table_size.map( ( point ) => ( {
		label: formatMoment( point.at, timeZone ),
		rows: point.rows,
		megabytes:
			point.bytes === null
				? null
				: Math.round( ( point.bytes / 1048576 ) * 100 ) / 100,
	} ) );
}

export function tableSizeTable(
	resources: MetricsResources,
	timeZone: string
): ChartTable {
	return {
		caption: __( 'Size of the jobs table', 'dm-jobs' ),
		columns: [
			{ key: 'at', label: __( 'Measured', 'dm-jobs' ) },
			{ key: 'rows', label: __( 'Rows', 'dm-jobs' ), numeric: true },
			{ key: 'bytes', label: __( 'Size', 'dm-jobs' ), numeric: true },
		],
		rows: resources.table_size.map( ( point ) => ( {
			key: point.at,
			cells: [
				formatMoment( point.at, timeZone ),
				formatNumber( point.rows ),
				point.estimated
					? sprintf(
							/* translators: %s: a size such as 1.5 MB. */
							__( '≈ %s (estimated)', 'dm-jobs' ),
							formatBytes( point.bytes )
						)
					: formatBytes( point.bytes ),
			],
		} ) ),
	};
}

/**
 * Whether an overview has any finished job to chart.
 *
 * @param overview The overview.
 */
export function hasJobs( overview: MetricsOverview ): boolean {
	return overview.totals.jobs > 0;
}
