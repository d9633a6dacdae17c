/**
 * Layout, grid, axis and series props the recharts charts share, so each
 * chart only states what is its own.
 */

/**
 * External dependencies
 */
import type {
	CartesianGridProps,
	LegendProps,
	LineProps,
	XAxisProps,
	YAxisProps,
} from 'recharts';

/** Height of a chart, in pixels (taller for long category lists). */
export const CHART_HEIGHT = 260;

/** Props of every chart element (BarChart, LineChart). */
export const CHART_PROPS = {
	margin: { top: 8, right: 12, bottom: 0, left: 0 },
	accessibilityLayer: false,
} as const;

export const AXIS_TICK = { fontSize: 12 } as const;

export const LEGEND_STYLE: LegendProps[ 'wrapperStyle' ] = { fontSize: 12 };

/** Grid lines across a chart whose X axis is time. */
export const HORIZONTAL_GRID: CartesianGridProps = {
	strokeDasharray: '3 3',
	vertical: false,
};

/** Grid lines across a chart laid out horizontally (categories on Y). */
export const VERTICAL_GRID: CartesianGridProps = {
	strokeDasharray: '3 3',
	horizontal: false,
};

/**
 * X axis of buckets or samples over time, labelled by the row's `label`.
 *
 * @param minTickGap Least room between two tick labels, in pixels.
 */
export function timeXAxis( minTickGap: number ): XAxisProps {
	return { dataKey: 'label', tick: AXIS_TICK, minTickGap };
}

/**
 * Y axis of whole numbers (jobs).
 *
 * @param width Room for the tick labels, in pixels.
 */
export function countYAxis( width: number ): YAxisProps {
	return { allowDecimals: false, tick: AXIS_TICK, width };
}

/** Y axis of a rate in percent, 0 to 100. */
export const PERCENT_Y_AXIS: YAxisProps = {
	domain: [ 0, 100 ],
	tickFormatter: ( value: number ) => `${ value }%`,
	tick: AXIS_TICK,
	width: 48,
};

/** Props of every line series (drawn at once, no animation). */
export const LINE_SERIES = {
	strokeWidth: 2,
	isAnimationActive: false,
} as const satisfies Partial< LineProps >;
