/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { DurationTrendChart } from '../../../../../src/features/insights/components/duration-trend-chart';
import { makeOverview } from '../fixtures';
import { stubResizeObserver } from '../helpers';

const READY = {
	state: 'ready' as const,
	busy: false,
	error: null,
	onRetry: () => undefined,
};

beforeEach( () => stubResizeObserver() );

function periodRows(): string[][] {
	const table = screen.getByRole( 'table', { name: 'Duration per period' } );
	return within( table )
		.getAllByRole( 'row' )
		.slice( 1 )
		.map( ( row ) =>
			Array.from( row.querySelectorAll( 'th, td' ) ).map(
				( cell ) => cell.textContent ?? ''
			)
		);
}

describe( 'DurationTrendChart', () => {
	it( 'shows the busiest pipeline first and switches pipeline from the select', async () => {
		render(
			<DurationTrendChart
				overview={ makeOverview() }
				status={ READY }
				timeZone="Europe/Berlin"
				timeZoneLabel="Europe/Berlin"
			/>
		);
		const chart = screen.getByRole( 'img', {
			name: 'Line chart of the median and p95 duration of RSS to Blog over time.',
		} );
		// The select is no part of the chart image (axe: nested-interactive).
		expect( within( chart ).queryByRole( 'combobox' ) ).toBeNull();
		expect( periodRows()[ 0 ] ).toEqual( [
			'Sat, Mar 28, 2026',
			'25 s',
			'1 min',
			'30 s',
			'12',
		] );
		// 12 timed jobs in the first half, 7 in the second: too few to compare.
		expect( screen.getByText( /^Too few timed jobs/ ) ).toBeInTheDocument();

		await userEvent.selectOptions(
			screen.getByRole( 'combobox', { name: 'Pipeline shown' } ),
			'Pipeline #9 (deleted) (5 timed jobs)'
		);
		expect(
			screen.getByRole( 'img', {
				name: 'Line chart of the median and p95 duration of Pipeline #9 (deleted) over time.',
			} )
		).toBeInTheDocument();
		expect( periodRows()[ 1 ] ).toEqual( [
			'Sun, Mar 29, 2026',
			'1 h',
			'2 h 1 min',
			'1 h 2 min',
			'5',
		] );
	} );

	it( 'says so when no pipeline has a timed job', () => {
		render(
			<DurationTrendChart
				overview={ makeOverview( { duration_trend: [] } ) }
				status={ READY }
				timeZone="UTC"
				timeZoneLabel="UTC"
			/>
		);
		expect(
			screen.getByText(
				'No finished jobs with a completion time in this range.'
			)
		).toBeInTheDocument();
	} );
} );
