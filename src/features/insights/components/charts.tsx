/**
 * The insights charts (recharts). Each renders inside a ChartCard, with its
 * data as a table alternative.
 */

/**
 * External dependencies
 */
import {
	Bar,
	BarChart,
	CartesianGrid,
	Legend,
	Line,
	LineChart,
	Tooltip,
	XAxis,
	YAxis,
} from 'recharts';
import type { DotItemDotProps } from 'recharts';

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { MetricsOverview, MetricsResources } from '../types';
import { cardState } from '../utils/card-state';
import {
	AXIS_TICK,
	CHART_HEIGHT,
	CHART_PROPS,
	countYAxis,
	HORIZONTAL_GRID,
	LEGEND_STYLE,
	LINE_SERIES,
	PERCENT_Y_AXIS,
	timeXAxis,
	VERTICAL_GRID,
} from '../utils/chart-axes';
import {
	concurrencyRows,
	concurrencyTable,
	durationRows,
	durationTable,
	failureTable,
	failureTrend,
	MIN_RATE_SAMPLE,
	presentStatuses,
	successRows,
	successTable,
	tableSizeRows,
	tableSizeTable,
	volumeRows,
	volumeTable,
} from '../utils/chart-data';
import { finalStatusLabel } from '../utils/labels';
import { formatBytes } from '../../../shared/format/format-bytes';
import { formatCount } from '../../../shared/format/format-count';
import { formatNumber } from '../../../shared/format/format-number';
import { formatDuration } from '../../../shared/format/format-duration';
import { formatPercent } from '../../../shared/format/format-percent';
import { formatMoment } from '../../../shared/format/format-timestamp';
import {
	AVG_COLOR,
	P95_COLOR,
	seriesColor,
	STATUS_COLORS,
	SUCCESS_COLOR,
} from '../utils/status-colors';
import { ChartCard } from './chart-card';
import type { CardStatus } from './chart-card';
import { chartTooltipContent } from './chart-tooltip';
import { HeatmapGrid } from './heatmap-grid';
import { SeriesMarker } from './series-marker';
import { ResponsiveChart } from './responsive-chart';
import { SampledChartCard } from './sampled-chart-card';

interface OverviewChartProps {
	overview: MetricsOverview | null;
	status: CardStatus;
	timeZone: string;
}

interface ResourcesChartProps {
	resources: MetricsResources | null;
	status: CardStatus;
	timeZone: string;
}

// Tooltip contents, by how a chart's values read.
const countContent = chartTooltipContent( ( value ) => formatNumber( value ) );
const percentContent = chartTooltipContent( ( value ) =>
	formatPercent( value / 100 )
);

const failureRateContent = chartTooltipContent(
	( value, _name, row, dataKey ) => {
		const sample = row[ `${ dataKey }_sample` ];
		return typeof sample === 'string'
			? sprintf(
					/* translators: 1: failure rate, e.g. 12.5%; 2: e.g. "3 of 25 failed". */
					__( '%1$s (%2$s)', 'dm-jobs' ),
					formatPercent( value / 100 ),
					sample
				)
			: formatPercent( value / 100 );
	}
);
const durationContent = chartTooltipContent(
	( value ) => formatDuration( value, { tenths: true } ),
	'name'
);
const tableSizeContent = chartTooltipContent( ( value, name ) =>
	name === __( 'Size (MB)', 'dm-jobs' )
		? sprintf(
				/* translators: %s: megabytes. */
				__( '%s MB', 'dm-jobs' ),
				String( value )
			)
		: formatNumber( value )
);

function bucketNoun( overview: MetricsOverview ): string {
	switch ( overview.range.bucket ) {
		case 'hour':
			return __( 'per hour', 'dm-jobs' );
		case 'day':
			return __( 'per day', 'dm-jobs' );
		case 'week':
			return __( 'per week', 'dm-jobs' );
	}
}

export function VolumeChart( {
	overview,
	status,
	timeZone,
}: OverviewChartProps ) {
	const points = overview?.volume ?? [];
	const size = overview?.range.bucket ?? 'day';
	const statuses = presentStatuses( points );
	return (
		<ChartCard
			id="volume"
			title={ __( 'Job volume', 'dm-jobs' ) }
			description={
				overview &&
				sprintf(
					/* translators: %s: "per hour", "per day" or "per week". */
					__(
						'Finished jobs %s, by status (bucketed by when the job was created).',
						'dm-jobs'
					),
					bucketNoun( overview )
				)
			}
			{ ...status }
			table={ overview ? volumeTable( points, size, timeZone ) : null }
			summary={
				overview
					? sprintf(
							/* translators: %s: number of jobs. */
							_n(
								'Stacked bar chart of %s finished job by status.',
								'Stacked bar chart of %s finished jobs by status.',
								overview.totals.jobs,
								'dm-jobs'
							),
							formatNumber( overview.totals.jobs )
						)
					: undefined
			}
			wide
		>
			<ResponsiveChart>
				<BarChart
					data={ volumeRows( points, size, timeZone ) }
					{ ...CHART_PROPS }
				>
					<CartesianGrid { ...HORIZONTAL_GRID } />
					<XAxis { ...timeXAxis( 12 ) } />
					<YAxis { ...countYAxis( 48 ) } />
					<Tooltip content={ countContent } />
					<Legend wrapperStyle={ LEGEND_STYLE } />
					{ statuses.map( ( item ) => (
						<Bar
							key={ item }
							dataKey={ item }
							name={ finalStatusLabel( item ) }
							stackId="jobs"
							fill={ STATUS_COLORS[ item ] }
							stroke={ item === 'other' ? '#a7aaad' : undefined }
							isAnimationActive={ false }
						/>
					) ) }
				</BarChart>
			</ResponsiveChart>
		</ChartCard>
	);
}

export function SuccessRateChart( {
	overview,
	status,
	timeZone,
}: OverviewChartProps ) {
	const points = overview?.success_rate ?? [];
	const size = overview?.range.bucket ?? 'day';
	return (
		<ChartCard
			id="success-rate"
			title={ __( 'Success rate', 'dm-jobs' ) }
			description={ __(
				'Succeeded ÷ (succeeded + failed). Completed, completed with no items and skipped by agent count as success; cancelled jobs count as neither.',
				'dm-jobs'
			) }
			{ ...status }
			table={ overview ? successTable( points, size, timeZone ) : null }
			summary={
				overview
					? sprintf(
							/* translators: %s: success rate over the whole range, e.g. 97.5%. */
							__(
								'Line chart of the success rate; %s over the whole range.',
								'dm-jobs'
							),
							formatPercent( overview.totals.success_rate )
						)
					: undefined
			}
		>
			<ResponsiveChart>
				<LineChart
					data={ successRows( points, size, timeZone ) }
					{ ...CHART_PROPS }
				>
					<CartesianGrid { ...HORIZONTAL_GRID } />
					<XAxis { ...timeXAxis( 12 ) } />
					<YAxis { ...PERCENT_Y_AXIS } />
					<Tooltip content={ percentContent } />
					<Line
						type="monotone"
						dataKey="rate"
						name={ __( 'Success rate', 'dm-jobs' ) }
						stroke={ SUCCESS_COLOR }
						{ ...LINE_SERIES }
						dot={ points.length <= 31 }
						connectNulls
					/>
				</LineChart>
			</ResponsiveChart>
		</ChartCard>
	);
}

export function DurationChart( {
	overview,
	status,
}: Omit< OverviewChartProps, 'timeZone' > ) {
	const items = overview?.durations ?? [];
	const rows = durationRows( items );
	const precision = overview
		? Math.round( overview.range.p95_precision * 100 )
		: 12;
	return (
		<ChartCard
			id="durations"
			title={ __( 'Duration by pipeline', 'dm-jobs' ) }
			description={ sprintf(
				/* translators: %d: precision in percent, e.g. 12. */
				__(
					'Average and 95th percentile time from creation to completion of finished jobs. p95 values are within ±%d%%.',
					'dm-jobs'
				),
				precision
			) }
			{ ...status }
			state={ cardState( status, rows.length ) }
			emptyMessage={ __(
				'No finished jobs with a completion time in this range.',
				'dm-jobs'
			) }
			table={ overview ? durationTable( items ) : null }
			summary={ sprintf(
				/* translators: %d: number of pipelines. */
				_n(
					'Bar chart of average and p95 duration for %d pipeline.',
					'Bar chart of average and p95 duration for %d pipelines.',
					rows.length,
					'dm-jobs'
				),
				rows.length
			) }
		>
			<ResponsiveChart
				height={ Math.max( CHART_HEIGHT, rows.length * 44 + 80 ) }
			>
				<BarChart
					data={ rows }
					layout="vertical"
					{ ...CHART_PROPS }
					margin={ { ...CHART_PROPS.margin, bottom: 20 } }
				>
					<CartesianGrid { ...VERTICAL_GRID } />
					<XAxis
						type="number"
						tick={ AXIS_TICK }
						tickFormatter={ ( value: number ) =>
							formatDuration( value, { tenths: true } )
						}
						label={ {
							value: __(
								'Duration over the whole range',
								'dm-jobs'
							),
							position: 'insideBottom',
							offset: -14,
							fontSize: 12,
						} }
					/>
					<YAxis
						type="category"
						dataKey="name"
						tick={ AXIS_TICK }
						width={ 110 }
					/>
					<Tooltip content={ durationContent } />
					<Legend
						verticalAlign="top"
						wrapperStyle={ { ...LEGEND_STYLE, paddingBottom: 8 } }
					/>
					<Bar
						dataKey="avg"
						name={ __( 'Average', 'dm-jobs' ) }
						fill={ AVG_COLOR }
						isAnimationActive={ false }
					/>
					<Bar
						dataKey="p95"
						name={ __( 'p95', 'dm-jobs' ) }
						fill={ P95_COLOR }
						isAnimationActive={ false }
					/>
				</BarChart>
			</ResponsiveChart>
		</ChartCard>
	);
}

export function HeatmapChart( {
	overview,
	status,
	timeZoneLabel,
}: Omit< OverviewChartProps, 'timeZone' > & { timeZoneLabel: string } ) {
	return (
		<HeatmapGrid
			cells={ overview?.heatmap.cells ?? [] }
			max={ overview?.heatmap.max ?? 0 }
			startOfWeek={ overview?.range.start_of_week ?? 1 }
			timeZone={ timeZoneLabel }
			status={ status }
		/>
	);
}

export function FailureTrendChart( {
	overview,
	status,
	timeZone,
}: OverviewChartProps ) {
	const series = overview?.failure_trend ?? [];
	const size = overview?.range.bucket ?? 'day';
	const trend = failureTrend( series, size, timeZone );
	return (
		<ChartCard
			id="failure-trend"
			title={ __( 'Failure rate by pipeline', 'dm-jobs' ) }
			description={
				<>
					{ sprintf(
						/* translators: %d: least finished jobs for a period to be drawn. */
						__(
							'Failed ÷ (succeeded + failed) per pipeline. Periods with fewer than %d finished jobs are not drawn (their counts are in the table); hover a point for its sample size.',
							'dm-jobs'
						),
						MIN_RATE_SAMPLE
					) }
					{ trend.hidden > 0 &&
						' ' +
							sprintf(
								/* translators: %d: number of pipelines not drawn. */
								_n(
									'The busiest pipelines are drawn; %d more is in the table.',
									'The busiest pipelines are drawn; %d more are in the table.',
									trend.hidden,
									'dm-jobs'
								),
								trend.hidden
							) }
				</>
			}
			{ ...status }
			table={ overview ? failureTable( series, size, timeZone ) : null }
			summary={ sprintf(
				/* translators: %d: number of pipelines. */
				_n(
					'Line chart of the failure rate of %d pipeline.',
					'Line chart of the failure rate of %d pipelines.',
					trend.lines.length,
					'dm-jobs'
				),
				trend.lines.length
			) }
			wide
		>
			<ResponsiveChart>
				<LineChart data={ trend.rows } { ...CHART_PROPS }>
					<CartesianGrid { ...HORIZONTAL_GRID } />
					<XAxis { ...timeXAxis( 12 ) } />
					<YAxis { ...PERCENT_Y_AXIS } />
					<Tooltip content={ failureRateContent } />
					<Legend wrapperStyle={ LEGEND_STYLE } />
					{ trend.lines.map( ( line ) => (
						<Line
							key={ line.key }
							type="linear"
							dataKey={ line.key }
							name={ line.name }
							stroke={ line.color }
							strokeDasharray={ line.dash || undefined }
							{ ...LINE_SERIES }
							legendType={ line.marker }
							dot={ ( props: DotItemDotProps ) => (
								<SeriesMarker
									key={ `${ line.key }-${ props.index }` }
									cx={ props.cx }
									cy={ props.cy }
									stroke={ line.color }
									shape={ line.marker }
								/>
							) }
							connectNulls={ false }
						/>
					) ) }
				</LineChart>
			</ResponsiveChart>
		</ChartCard>
	);
}

export function ConcurrencyChart( {
	resources,
	status,
	timeZone,
}: ResourcesChartProps ) {
	const rows = resources ? concurrencyRows( resources, timeZone ) : [];
	return (
		<SampledChartCard
			id="concurrency"
			title={ __( 'Concurrent jobs', 'dm-jobs' ) }
			description={ __(
				'Jobs processing and pending, sampled every five minutes by the background task (largest value per period).',
				'dm-jobs'
			) }
			status={ status }
			samples={ rows.length }
			describeFewSamples={ () =>
				sprintf(
					/* translators: 1: number of samples, 2: most processing jobs, 3: most pending jobs. */
					_n(
						'Only %1$s sample so far (at most %2$s processing and %3$s pending): a chart needs more. Samples are taken every five minutes.',
						'Only %1$s samples so far (at most %2$s processing and %3$s pending): a chart needs more. Samples are taken every five minutes.',
						rows.length,
						'dm-jobs'
					),
					formatNumber( rows.length ),
					formatNumber(
						Math.max( 0, ...rows.map( ( row ) => row.processing ) )
					),
					formatNumber(
						Math.max( 0, ...rows.map( ( row ) => row.pending ) )
					)
				)
			}
			emptyMessage={ __(
				'No samples in this range yet: they are taken every five minutes from now on.',
				'dm-jobs'
			) }
			table={ resources ? concurrencyTable( resources, timeZone ) : null }
			summary={ __(
				'Line chart of processing and pending jobs over time.',
				'dm-jobs'
			) }
		>
			<ResponsiveChart>
				<LineChart data={ rows } { ...CHART_PROPS }>
					<CartesianGrid { ...HORIZONTAL_GRID } />
					<XAxis { ...timeXAxis( 24 ) } />
					<YAxis { ...countYAxis( 40 ) } />
					<Tooltip content={ countContent } />
					<Legend wrapperStyle={ LEGEND_STYLE } />
					<Line
						type="stepAfter"
						dataKey="processing"
						name={ __( 'Processing', 'dm-jobs' ) }
						stroke={ seriesColor( 0 ) }
						{ ...LINE_SERIES }
						dot={ false }
					/>
					<Line
						type="stepAfter"
						dataKey="pending"
						name={ __( 'Pending', 'dm-jobs' ) }
						stroke={ seriesColor( 1 ) }
						{ ...LINE_SERIES }
						dot={ false }
					/>
				</LineChart>
			</ResponsiveChart>
		</SampledChartCard>
	);
}

export function TableSizeChart( {
	resources,
	status,
	timeZone,
}: ResourcesChartProps ) {
	const rows = resources ? tableSizeRows( resources, timeZone ) : [];
	const latest = resources?.table_size.at( -1 ) ?? null;
	return (
		<SampledChartCard
			id="table-size"
			title={ __( 'Jobs table size', 'dm-jobs' ) }
			description={ __(
				'Rows and size of the jobs table, measured hourly by the background task.',
				'dm-jobs'
			) }
			status={ status }
			samples={ rows.length }
			describeFewSamples={ () =>
				latest &&
				sprintf(
					/* translators: 1: number of measurements, 2: rows of the jobs table, 3: its size, 4: when it was measured. */
					_n(
						'Measured %1$s time so far: %2$s rows, %3$s (%4$s). A chart needs more; the table is measured once an hour.',
						'Measured %1$s times so far, last: %2$s rows, %3$s (%4$s). A chart needs more; the table is measured once an hour.',
						rows.length,
						'dm-jobs'
					),
					formatCount( rows.length ),
					formatCount( latest.rows ),
					formatBytes( latest.bytes ),
					formatMoment( latest.at, timeZone )
				)
			}
			emptyMessage={ __(
				'No measurement in this range yet: the table is measured once an hour.',
				'dm-jobs'
			) }
			table={ resources ? tableSizeTable( resources, timeZone ) : null }
			summary={ __(
				'Line chart of the jobs table size over time.',
				'dm-jobs'
			) }
		>
			<ResponsiveChart>
				<LineChart data={ rows } { ...CHART_PROPS }>
					<CartesianGrid { ...HORIZONTAL_GRID } />
					<XAxis { ...timeXAxis( 24 ) } />
					<YAxis
						yAxisId="rows"
						allowDecimals={ false }
						tick={ AXIS_TICK }
						width={ 56 }
						tickFormatter={ ( value: number ) =>
							formatCount( value )
						}
					/>
					<YAxis
						yAxisId="size"
						orientation="right"
						tick={ AXIS_TICK }
						width={ 48 }
						unit=" MB"
					/>
					<Tooltip content={ tableSizeContent } />
					<Legend wrapperStyle={ LEGEND_STYLE } />
					<Line
						yAxisId="rows"
						type="monotone"
						dataKey="rows"
						name={ __( 'Rows', 'dm-jobs' ) }
						stroke={ seriesColor( 0 ) }
						{ ...LINE_SERIES }
						dot={ rows.length <= 48 }
					/>
					<Line
						yAxisId="size"
						type="monotone"
						dataKey="megabytes"
						name={ __( 'Size (MB)', 'dm-jobs' ) }
						stroke={ seriesColor( 2 ) }
						{ ...LINE_SERIES }
						dot={ false }
						connectNulls
					/>
				</LineChart>
			</ResponsiveChart>
		</SampledChartCard>
	);
}
