/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { ChartCard } from '../../../../../src/features/insights/components/chart-card';
import type { ChartTable } from '../../../../../src/features/insights/types';

const TABLE: ChartTable = {
	caption: 'Finished jobs by status',
	columns: [
		{ key: 'period', label: 'Period' },
		{ key: 'completed', label: 'Completed', numeric: true },
	],
	rows: [ { key: 'a', cells: [ 'Mon, Mar 30, 2026', '12' ] } ],
};

const status = {
	busy: false,
	error: null,
	onRetry: () => undefined,
};

describe( 'ChartCard', () => {
	it( 'shows the chart with a table that screen readers always get', async () => {
		const user = userEvent.setup();
		render(
			<ChartCard
				id="volume"
				title="Job volume"
				state="ready"
				table={ TABLE }
				summary="Bars"
				{ ...status }
			>
				<svg data-testid="chart" />
			</ChartCard>
		);
		const region = screen.getByRole( 'region', { name: 'Job volume' } );
		expect(
			within( region ).getByRole( 'img', { name: 'Bars' } )
		).toContainElement( screen.getByTestId( 'chart' ) );
		const table = screen.getByRole( 'table', {
			name: 'Finished jobs by status',
		} );
		expect(
			within( table ).getByRole( 'columnheader', { name: 'Completed' } )
		).toBeInTheDocument();
		expect(
			within( table ).getByRole( 'rowheader', {
				name: 'Mon, Mar 30, 2026',
			} )
		).toBeInTheDocument();
		expect(
			within( table ).getByRole( 'cell', { name: '12' } )
		).toHaveClass( 'is-numeric' );
		expect( table.parentElement ).toHaveClass( 'screen-reader-text' );

		const toggle = screen.getByRole( 'button', { name: 'Show table' } );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		await user.click( toggle );
		expect(
			screen.getByRole( 'button', { name: 'Hide table' } )
		).toHaveAttribute( 'aria-expanded', 'true' );
		expect( table.parentElement ).not.toHaveClass( 'screen-reader-text' );
		expect(
			screen.getByRole( 'region', { name: 'Finished jobs by status' } )
		).toHaveAttribute( 'tabindex', '0' );
	} );

	it( 'has loading, empty and error states', async () => {
		const user = userEvent.setup();
		const onRetry = vi.fn();
		const { rerender } = render(
			<ChartCard
				id="volume"
				title="Job volume"
				state="loading"
				table={ null }
				{ ...status }
			/>
		);
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Loading chart…'
		);
		expect(
			screen.getByRole( 'region', { name: 'Job volume' } )
		).toHaveAttribute( 'aria-busy', 'true' );

		rerender(
			<ChartCard
				id="volume"
				title="Job volume"
				state="empty"
				table={ TABLE }
				{ ...status }
			/>
		);
		expect(
			screen.getByText( 'No finished jobs in this range.' )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();

		rerender(
			<ChartCard
				id="volume"
				title="Job volume"
				state="error"
				table={ null }
				busy={ false }
				error={ {
					code: 'x',
					message: 'Server went away',
					status: 500,
				} }
				onRetry={ onRetry }
			/>
		);
		expect(
			screen.getByText(
				'This chart could not be loaded: Server went away',
				{
					selector: '.components-notice__content',
				}
			)
		).toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );
		expect( onRetry ).toHaveBeenCalledTimes( 1 );
	} );
} );
