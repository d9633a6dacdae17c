/**
 * The state a chart card shows when a loaded answer has nothing to draw.
 */

/**
 * Internal dependencies
 */
import type { CardStatus, ChartState } from '../components/chart-card';

/**
 * The request's state, or `empty` when it is ready but has no rows.
 *
 * @param status The card's load status.
 * @param rows   How many rows the chart would draw.
 */
export function cardState( status: CardStatus, rows: number ): ChartState {
	return status.state === 'ready' && rows === 0 ? 'empty' : status.state;
}
