/**
 * The full-width, fixed-height box a recharts chart is drawn in.
 */

/**
 * External dependencies
 */
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/**
 * Internal dependencies
 */
import { CHART_HEIGHT } from '../utils/chart-axes';

// Charts render at once in tests (jsdom has no layout) and on first paint.
const INITIAL = { width: 600, height: CHART_HEIGHT };

export interface ResponsiveChartProps {
	/** Height in pixels; the shared chart height by default. */
	height?: number;
	/** One recharts chart (BarChart, LineChart). */
	children: ReactElement;
}

export function ResponsiveChart( {
	height = CHART_HEIGHT,
	children,
}: ResponsiveChartProps ) {
	return (
		<ResponsiveContainer
			width="100%"
			height={ height }
			initialDimension={ INITIAL }
		>
			{ children }
		</ResponsiveContainer>
	);
}
