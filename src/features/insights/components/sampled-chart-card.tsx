/**
 * A chart card over samples taken by the background task: with too few of them
 * it says what they are in words and stays compact instead of drawing.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { cardState } from '../utils/card-state';
import { ChartCard } from './chart-card';
import type { CardStatus, ChartCardProps } from './chart-card';

/** Fewer samples than this are told in words, not drawn. */
export const THIN_SAMPLES = 3;

export interface SampledChartCardProps extends Omit<
	ChartCardProps,
	'state' | 'busy' | 'error' | 'onRetry' | 'thin' | 'children'
> {
	status: CardStatus;
	/** How many samples the chart would draw. */
	samples: number;
	/**
	 * What the few samples say, asked for only when there are fewer than
	 * THIN_SAMPLES; null draws the chart anyway.
	 */
	describeFewSamples: () => string | null;
	/** The chart, drawn once there are enough samples. */
	children: ReactNode;
}

export function SampledChartCard( {
	status,
	samples,
	describeFewSamples,
	children,
	...card
}: SampledChartCardProps ) {
	const fewSamples = samples < THIN_SAMPLES ? describeFewSamples() : null;
	return (
		<ChartCard
			{ ...card }
			thin={ samples > 0 && samples < THIN_SAMPLES }
			{ ...status }
			state={ cardState( status, samples ) }
		>
			{ fewSamples === null ? (
				children
			) : (
				<p className="dm-jobs-insights-card__thin">{ fewSamples }</p>
			) }
		</ChartCard>
	);
}
