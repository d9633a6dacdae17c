/**
 * Peak usage: finished jobs by weekday × hour of the day, in site time, drawn
 * as a grid of cells whose colour deepens with the count.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { HeatmapCell } from '../types';
import { heatmapRows, heatmapTable } from '../utils/chart-data';
import { formatNumber } from '../../../shared/format/format-number';
import { hourLabel } from '../../../shared/format/format-date';
import { HEAT_COLOR } from '../utils/status-colors';
import { ChartCard } from './chart-card';
import type { CardStatus } from './chart-card';

export interface HeatmapGridProps {
	cells: HeatmapCell[];
	max: number;
	startOfWeek: number;
	timeZone: string;
	status: CardStatus;
}

/**
 * Cell opacity: a square root scale, so quiet hours stay visible next to peaks.
 *
 * @param count The cell's count.
 * @param max   The largest count.
 */
export function heatOpacity( count: number, max: number ): number {
	if ( count <= 0 || max <= 0 ) {
		return 0;
	}
	return Math.round( ( 0.12 + 0.88 * Math.sqrt( count / max ) ) * 100 ) / 100;
}

export function HeatmapGrid( {
	cells,
	max,
	startOfWeek,
	timeZone,
	status,
}: HeatmapGridProps ) {
	const rows = heatmapRows( cells, startOfWeek );
	let peak = { label: '', hour: 0, count: 0 };
	for ( const row of rows ) {
		row.counts.forEach( ( count, hour ) => {
			if ( count > peak.count ) {
				peak = { label: row.label, hour, count };
			}
		} );
	}
	const total = cells.reduce( ( sum, cell ) => sum + cell.count, 0 );
	return (
		<ChartCard
			id="heatmap"
			title={ __( 'Peak usage', 'dm-jobs' ) }
			description={ sprintf(
				/* translators: %s: time zone, e.g. Europe/Berlin. */
				__(
					'Finished jobs by weekday and hour, in site time (%s). Each UTC hour counts in the local hour it starts in.',
					'dm-jobs'
				),
				timeZone
			) }
			{ ...status }
			state={
				status.state === 'ready' && total === 0 ? 'empty' : status.state
			}
			table={ heatmapTable( rows ) }
			summary={
				peak.count > 0
					? sprintf(
							/* translators: 1: weekday, 2: hour such as 09:00, 3: number of jobs. */
							_n(
								'Heatmap of jobs by weekday and hour; busiest: %1$s %2$s with %3$s job.',
								'Heatmap of jobs by weekday and hour; busiest: %1$s %2$s with %3$s jobs.',
								peak.count,
								'dm-jobs'
							),
							peak.label,
							hourLabel( peak.hour ),
							formatNumber( peak.count )
						)
					: undefined
			}
			wide
		>
			<div className="dm-jobs-heatmap">
				<div className="dm-jobs-heatmap__row is-hours">
					<span className="dm-jobs-heatmap__day" />
					{ rows[ 0 ]?.counts.map( ( _, hour ) => (
						<span key={ hour } className="dm-jobs-heatmap__hour">
							{ hour % 3 === 0
								? String( hour ).padStart( 2, '0' )
								: '' }
						</span>
					) ) }
				</div>
				{ rows.map( ( row ) => (
					<div key={ row.weekday } className="dm-jobs-heatmap__row">
						<span className="dm-jobs-heatmap__day">
							{ row.shortLabel }
						</span>
						{ row.counts.map( ( count, hour ) => (
							<span
								key={ hour }
								className="dm-jobs-heatmap__cell"
								data-count={ count }
								title={ sprintf(
									/* translators: 1: weekday, 2: hour such as 09:00, 3: number of jobs. */
									_n(
										'%1$s %2$s: %3$s job',
										'%1$s %2$s: %3$s jobs',
										count,
										'dm-jobs'
									),
									row.label,
									hourLabel( hour ),
									formatNumber( count )
								) }
								style={ {
									backgroundColor: `rgba(${ HEAT_COLOR }, ${ heatOpacity( count, max ) })`,
								} }
							/>
						) ) }
					</div>
				) ) }
			</div>
			<div className="dm-jobs-heatmap__legend" aria-hidden="true">
				<span>{ __( 'Jobs per hour:', 'dm-jobs' ) }</span>
				{ legendSteps( max ).map( ( count ) => (
					<span
						key={ count }
						className="dm-jobs-heatmap__legend-step"
					>
						<span
							className="dm-jobs-heatmap__swatch"
							style={ {
								backgroundColor: `rgba(${ HEAT_COLOR }, ${ heatOpacity( count, max ) })`,
							} }
						/>
						{ formatNumber( count ) }
					</span>
				) ) }
			</div>
		</ChartCard>
	);
}

/**
 * The counts the colour legend shows: none, a few steps, and the busiest hour.
 *
 * @param max The largest count.
 */
export function legendSteps( max: number ): number[] {
	if ( max <= 0 ) {
		return [ 0 ];
	}
	const steps = [ 0, 0.1, 0.25, 0.5, 1 ].map( ( share ) =>
		Math.round( share * max )
	);
	return steps.filter( ( count, index ) => steps.indexOf( count ) === index );
}
