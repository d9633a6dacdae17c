/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	ConcurrencyChart,
	DurationChart,
	FailureTrendChart,
	HeatmapChart,
	SuccessRateChart,
	TableSizeChart,
	VolumeChart,
} from '../../../../../src/features/insights/components/charts';
import {
	heatOpacity,
	legendSteps,
} from '../../../../../src/features/insights/components/heatmap-grid';
import {
	failureTrend,
	MIN_RATE_SAMPLE,
} from '../../../../../src/features/insights/utils/chart-data';
import { makeOverview, RESOURCES } from '../fixtures';
import { stubResizeObserver } from '../helpers';

const READY = {
	state: 'ready' as const,
	busy: false,
	error: null,
	onRetry: () => undefined,
};
const ZONE = 'Europe/Berlin';

beforeEach( () => stubResizeObserver() );

function table( name: string ): HTMLElement {
	return screen.getByRole( 'table', { name } );
}

function rowCells( tableElement: HTMLElement, header: string ): string[] {
	const row = within( tableElement )
		.getByRole( 'rowheader', { name: header } )
		.closest( 'tr' );
	if ( ! row ) {
		throw new Error( `No row ${ header }` );
	}
	return Array.from( row.querySelectorAll( 'th, td' ) ).map(
		( cell ) => cell.textContent ?? ''
	);
}

describe( 'charts and their tables', () => {
	it( 'volume: a stacked bar per status in badge colours', () => {
		const { container } = render(
			<VolumeChart
				overview={ makeOverview() }
				status={ READY }
				timeZone={ ZONE }
			/>
		);
		expect(
			rowCells( table( 'Finished jobs by status' ), 'Sun, Mar 29, 2026' )
		).toEqual( [ 'Sun, Mar 29, 2026', '5', '3', '4', '0', '12' ] );
		expect(
			screen.getByRole( 'img', {
				name: 'Stacked bar chart of 25 finished jobs by status.',
			} )
		).toBeInTheDocument();
		const fills = Array.from(
			container.querySelectorAll(
				'.recharts-bar-rectangle path, .recharts-rectangle'
			)
		).map( ( node ) => node.getAttribute( 'fill' ) );
		if ( fills.length > 0 ) {
			expect( fills ).toContain( '#00a32a' );
			expect( fills ).toContain( '#d63638' );
		}
	} );

	it( 'success rate', () => {
		render(
			<SuccessRateChart
				overview={ makeOverview() }
				status={ READY }
				timeZone={ ZONE }
			/>
		);
		expect(
			rowCells( table( 'Success rate' ), 'Sat, Mar 28, 2026' )
		).toEqual( [ 'Sat, Mar 28, 2026', '83.3%', '10', '2' ] );
		expect(
			screen.getByRole( 'img', {
				name: 'Line chart of the success rate; 75% over the whole range.',
			} )
		).toBeInTheDocument();
	} );

	it( 'durations, with the p95 precision stated', () => {
		render(
			<DurationChart overview={ makeOverview() } status={ READY } />
		);
		expect(
			rowCells( table( 'Duration by pipeline' ), 'RSS to Blog' )
		).toEqual( [ 'RSS to Blog', '42.5 s', '3 min 10 s', '5 min', '19' ] );
		expect(
			screen.getByText( /p95 values are within ±12%/ )
		).toBeInTheDocument();
	} );

	it( 'heatmap: cells shaded by count, and a weekday × hour table', () => {
		const { container } = render(
			<HeatmapChart
				overview={ makeOverview() }
				status={ READY }
				timeZoneLabel="Europe/Berlin"
			/>
		);
		const cells = container.querySelectorAll( '.dm-jobs-heatmap__cell' );
		expect( cells ).toHaveLength( 7 * 24 );
		const peak = container.querySelector(
			'.dm-jobs-heatmap__cell[data-count="6"]'
		);
		expect( peak ).toHaveAttribute( 'title', 'Sunday 02:00: 6 jobs' );
		expect(
			rowCells(
				table( 'Finished jobs by weekday and hour (site time)' ),
				'Monday'
			)[ 10 ]
		).toBe( '3' );
		expect(
			screen.getByRole( 'img', {
				name: 'Heatmap of jobs by weekday and hour; busiest: Sunday 02:00 with 6 jobs.',
			} )
		).toBeInTheDocument();
		// A colour legend says what the shades mean.
		const legend = container.querySelector( '.dm-jobs-heatmap__legend' );
		expect( legend ).toHaveTextContent( 'Jobs per hour:' );
		expect(
			legend?.querySelectorAll( '.dm-jobs-heatmap__swatch' )
		).toHaveLength( legendSteps( 6 ).length );
		expect( legendSteps( 6 ) ).toEqual( [ 0, 1, 2, 3, 6 ] );
		expect( heatOpacity( 0, 6 ) ).toBe( 0 );
		expect( heatOpacity( 6, 6 ) ).toBe( 1 );
		expect( heatOpacity( 1, 6 ) ).toBeGreaterThan( 0.12 );
	} );

	it( 'failure trend per pipeline', () => {
		render(
			<FailureTrendChart
				overview={ makeOverview() }
				status={ READY }
				timeZone={ ZONE }
			/>
		);
		expect(
			rowCells( table( 'Failure rate by pipeline' ), 'Sat, Mar 28, 2026' )
		).toEqual( [ 'Sat, Mar 28, 2026', '16.7% (2 of 12)' ] );
	} );

	it( 'failure trend: tiny samples are not drawn, series differ without colour', () => {
		const overview = makeOverview();
		const series = [
			...overview.failure_trend,
			{
				...overview.failure_trend[ 0 ],
				pipeline_id: 2,
				pipeline_name: 'Social',
				points: overview.failure_trend[ 0 ].points.map( ( point ) => ( {
					...point,
					failed: 2,
					finished: 2,
					rate: 1,
				} ) ),
			},
		];
		const trend = failureTrend( series, 'day', ZONE );
		expect( MIN_RATE_SAMPLE ).toBeGreaterThan( 2 );
		// "2 of 2 failed" is no 100 % spike; 2 of 12 is drawn.
		expect( trend.rows.map( ( row ) => row.p2 ) ).toEqual( [
			null,
			null,
			null,
		] );
		expect( trend.rows[ 0 ].p1 ).toBe( 16.7 );
		expect( trend.rows[ 0 ].p2_sample ).toBe( '2 of 2 failed' );
		expect( trend.rows[ 0 ].p1_sample ).toBe( '2 of 12 failed' );
		const [ first, second ] = trend.lines;
		expect( first.dash ).not.toBe( second.dash );
		expect( first.marker ).not.toBe( second.marker );
	} );

	it( 'concurrency: a few samples are told in words, not drawn as a point', () => {
		const { container } = render(
			<ConcurrencyChart
				resources={ {
					...RESOURCES,
					concurrency: RESOURCES.concurrency.slice( 0, 1 ),
				} }
				status={ READY }
				timeZone={ ZONE }
			/>
		);
		expect(
			screen.getByText( /Only 1 sample so far/ )
		).toBeInTheDocument();
		expect( container.querySelector( '.recharts-wrapper' ) ).toBeNull();
	} );

	it( 'table size: one or two measurements are told in words, and the card stays compact', () => {
		const { container } = render(
			<TableSizeChart
				resources={ {
					...RESOURCES,
					table_size: RESOURCES.table_size.slice( 0, 1 ),
				} }
				status={ READY }
				timeZone={ ZONE }
			/>
		);
		expect(
			screen.getByText(
				'Measured 1 time so far: 120,000 rows, 1.1 GB (Mar 29, 10:00). A chart needs more; the table is measured once an hour.'
			)
		).toBeInTheDocument();
		expect( container.querySelector( '.recharts-wrapper' ) ).toBeNull();
		expect(
			container.querySelector( '[data-chart="table-size"]' )
		).toHaveClass( 'is-thin' );
	} );

	it( 'resources', () => {
		render(
			<>
				<ConcurrencyChart
					resources={ RESOURCES }
					status={ READY }
					timeZone={ ZONE }
				/>
				<TableSizeChart
					resources={ RESOURCES }
					status={ READY }
					timeZone={ ZONE }
				/>
			</>
		);
		expect(
			rowCells(
				table( 'Concurrent jobs (largest in each period)' ),
				'Mar 29, 10:00'
			)
		).toEqual( [ 'Mar 29, 10:00', '4', '7' ] );
		expect(
			rowCells( table( 'Size of the jobs table' ), 'Mar 29, 10:00' )[ 1 ]
		).toBe( '120,000' );
	} );

	it( 'says when there is nothing to draw', () => {
		const empty = makeOverview( {
			durations: [],
			totals: { jobs: 0, succeeded: 0, failed: 0, success_rate: null },
		} );
		render( <DurationChart overview={ empty } status={ READY } /> );
		expect(
			screen.getByText(
				'No finished jobs with a completion time in this range.'
			)
		).toBeInTheDocument();
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();
	} );
} );
