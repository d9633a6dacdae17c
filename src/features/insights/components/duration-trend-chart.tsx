/**
 * "Is my pipeline getting slower?": one pipeline's median and p95 duration
 * per period on a time axis, the timed jobs behind each period as bars, and
 * the answer in words.
 */

/**
 * External dependencies
 */
import {
	Bar,
	CartesianGrid,
	ComposedChart,
	Legend,
	Line,
	Tooltip,
	XAxis,
	YAxis,
} from 'recharts';

/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { MetricsOverview } from '../types';
import { cardState } from '../utils/card-state';
import {
	AXIS_TICK,
	CHART_HEIGHT,
	CHART_PROPS,
	HORIZONTAL_GRID,
	LEGEND_STYLE,
	LINE_SERIES,
	timeXAxis,
} from '../utils/chart-axes';
import {
	describeDurationChange,
	durationChange,
	durationTrendRows,
	durationTrendTable,
	MIN_DURATION_SAMPLE,
} from '../utils/duration-trend';
import { formatCount } from '../../../shared/format/format-count';
import { formatDuration } from '../../../shared/format/format-duration';
import { pipelineLabel } from '../utils/labels';
import { AVG_COLOR, P95_COLOR } from '../utils/status-colors';
import { ChartCard } from './chart-card';
import type { CardStatus } from './chart-card';
import { chartTooltipContent } from './chart-tooltip';
import { ResponsiveChart } from './responsive-chart';

const TIMED_KEY = 'timed';
const SAMPLE_COLOR = '#dcdcde';
/** A small dot on every drawn period, so a period between two thin ones still shows. */
const TREND_DOT = { r: 2 } as const;

const trendContent = chartTooltipContent( ( value, _name, _row, dataKey ) =>
	dataKey === TIMED_KEY
		? sprintf(
				/* translators: %s: number of jobs. */
				_n( '%s job', '%s jobs', value, 'dm-jobs' ),
				formatCount( value )
			)
		: formatDuration( value )
);

export interface DurationTrendChartProps {
	overview: MetricsOverview | null;
	status: CardStatus;
	timeZone: string;
	/** Time zone name for the axis label, e.g. "Europe/Berlin". */
	timeZoneLabel: string;
}

export function DurationTrendChart( {
	overview,
	status,
	timeZone,
	timeZoneLabel,
}: DurationTrendChartProps ) {
	const series = ( overview?.duration_trend ?? [] ).filter(
		( item ) => item.timed_jobs > 0
	);
	const [ chosen, setChosen ] = useState< number | null >( null );
	const shown =
		series.find( ( item ) => item.pipeline_id === chosen ) ??
		series[ 0 ] ??
		null;
	const size = overview?.range.bucket ?? 'day';
	const rows = shown ? durationTrendRows( shown, size, timeZone ) : [];
	const name = shown
		? pipelineLabel( shown.pipeline_name, shown.pipeline_id )
		: '';
	const change = shown ? durationChange( shown ) : null;

	return (
		<ChartCard
			id="duration-trend"
			title={ __( 'Duration trend', 'dm-jobs' ) }
			description={ sprintf(
				/* translators: %d: least timed jobs for a period to be drawn. */
				__(
					'Median and 95th percentile duration per period for one pipeline; grey bars are the timed jobs behind each period. Periods with fewer than %d timed jobs are not drawn (their numbers are in the table).',
					'dm-jobs'
				),
				MIN_DURATION_SAMPLE
			) }
			{ ...status }
			state={ cardState( status, series.length ) }
			emptyMessage={ __(
				'No finished jobs with a completion time in this range.',
				'dm-jobs'
			) }
			table={
				overview && shown
					? durationTrendTable( shown, size, timeZone )
					: null
			}
			summary={ sprintf(
				/* translators: %s: pipeline name. */
				__(
					'Line chart of the median and p95 duration of %s over time.',
					'dm-jobs'
				),
				name
			) }
			wide
			controls={
				<>
					<div className="dm-jobs-insights-trend-controls">
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Pipeline shown', 'dm-jobs' ) }
							value={ shown ? String( shown.pipeline_id ) : '' }
							options={ series.map( ( item ) => ( {
								value: String( item.pipeline_id ),
								label: sprintf(
									/* translators: 1: pipeline name, 2: number of timed jobs. */
									__( '%1$s (%2$s timed jobs)', 'dm-jobs' ),
									pipelineLabel(
										item.pipeline_name,
										item.pipeline_id
									),
									formatCount( item.timed_jobs )
								),
							} ) ) }
							onChange={ ( value: string ) =>
								setChosen( Number( value ) )
							}
						/>
					</div>
					{ change && (
						<p
							className="dm-jobs-insights-trend-answer"
							role="status"
						>
							{ describeDurationChange( change ) }
						</p>
					) }
				</>
			}
		>
			<ResponsiveChart height={ CHART_HEIGHT + 24 }>
				<ComposedChart
					data={ rows }
					{ ...CHART_PROPS }
					margin={ { ...CHART_PROPS.margin, bottom: 20 } }
				>
					<CartesianGrid { ...HORIZONTAL_GRID } />
					<XAxis
						{ ...timeXAxis( 12 ) }
						label={ {
							value: sprintf(
								/* translators: %s: time zone name. */
								__( 'Date created (%s)', 'dm-jobs' ),
								timeZoneLabel
							),
							position: 'insideBottom',
							offset: -14,
							fontSize: 12,
						} }
					/>
					<YAxis
						yAxisId="duration"
						tick={ AXIS_TICK }
						width={ 84 }
						tickFormatter={ ( value: number ) =>
							formatDuration( value )
						}
					/>
					<YAxis
						yAxisId="jobs"
						orientation="right"
						allowDecimals={ false }
						tick={ AXIS_TICK }
						width={ 36 }
					/>
					<Tooltip content={ trendContent } />
					<Legend
						wrapperStyle={ { ...LEGEND_STYLE, paddingTop: 16 } }
					/>
					<Bar
						yAxisId="jobs"
						dataKey={ TIMED_KEY }
						name={ __( 'Timed jobs', 'dm-jobs' ) }
						fill={ SAMPLE_COLOR }
						isAnimationActive={ false }
					/>
					<Line
						yAxisId="duration"
						type="linear"
						dataKey="median"
						name={ __( 'Median', 'dm-jobs' ) }
						stroke={ AVG_COLOR }
						{ ...LINE_SERIES }
						dot={ TREND_DOT }
						connectNulls={ false }
					/>
					<Line
						yAxisId="duration"
						type="linear"
						dataKey="p95"
						name={ __( 'p95', 'dm-jobs' ) }
						stroke={ P95_COLOR }
						strokeDasharray="6 3"
						{ ...LINE_SERIES }
						dot={ TREND_DOT }
						connectNulls={ false }
					/>
				</ComposedChart>
			</ResponsiveChart>
		</ChartCard>
	);
}
