/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import {
	CapacityPanel,
	DegradationPanel,
	RollupNotice,
} from '../../../../../src/features/insights/components/panels';
import { CAPACITY, DEGRADATION, READY } from '../fixtures';

describe( 'DegradationPanel', () => {
	it( 'lists flagged pipelines with the numbers that triggered them', () => {
		render(
			<DegradationPanel
				remote={ { status: 'ready', data: DEGRADATION, error: null } }
				onRetry={ () => undefined }
				timeZone="Europe/Berlin"
			/>
		);
		const flagged = screen.getByText( 'RSS to Blog' ).closest( 'li' );
		expect( flagged ).not.toBeNull();
		const items = within( flagged as HTMLElement ).getAllByRole(
			'listitem'
		);
		expect( items.map( ( item ) => item.textContent ) ).toEqual( [
			'p95 duration 40 s in the last 24 h vs 10 s baseline over the previous 14 days: ×4, flagged from ×1.5 (30 and 120 timed jobs).',
			'Failure rate 40% in the last 24 h (12 of 30 failed) vs 5% baseline over the previous 14 days (6 of 120): +35 points, flagged from +10.',
		] );
		expect(
			screen.getByText( '1 other pipeline is within its baseline.' )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				/last 24 hours .* 14 days before \(2026-03-15 to 2026-03-28\)/
			)
		).toBeInTheDocument();
	} );

	it( 'says when nothing departs', () => {
		render(
			<DegradationPanel
				remote={ {
					status: 'ready',
					data: {
						...DEGRADATION,
						pipelines: [ DEGRADATION.pipelines[ 1 ] ],
					},
					error: null,
				} }
				onRetry={ () => undefined }
				timeZone="UTC"
			/>
		);
		expect(
			screen.getByText( 'No pipeline departs from its baseline.' )
		).toBeInTheDocument();
	} );
} );

describe( 'CapacityPanel', () => {
	it( 'shows growth and projections and asks for a size', async () => {
		const user = userEvent.setup();
		const onMaxSizeChange = vi.fn();
		render(
			<CapacityPanel
				remote={ { status: 'ready', data: CAPACITY, error: null } }
				onRetry={ () => undefined }
				maxSizeMb={ null }
				onMaxSizeChange={ onMaxSizeChange }
				timeZone="UTC"
			/>
		);
		expect(
			screen.getByText( '450 rows, 1 MB (measured Mar 30, 09:00)' )
		).toBeInTheDocument();
		expect(
			screen.getByText( /10 jobs a day \(last 30 days\)/ )
		).toBeInTheDocument();
		expect( screen.getByText( '≈ 750 rows, 1.7 MB' ) ).toBeInTheDocument();
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Keep 90 days of jobs to stay under 2 MB. Without cleanup it reaches that size in about 45 days.'
		);

		const input = screen.getByLabelText( 'Keep the jobs table under (MB)' );
		await user.type( input, '0' );
		await user.click(
			screen.getByRole( 'button', { name: 'Calculate retention' } )
		);
		expect( onMaxSizeChange ).not.toHaveBeenCalled();
		expect(
			screen.getByText( 'Enter a size of 1 MB or more.' )
		).toBeInTheDocument();

		await user.clear( input );
		await user.type( input, '500' );
		await user.click(
			screen.getByRole( 'button', { name: 'Calculate retention' } )
		);
		expect( onMaxSizeChange ).toHaveBeenCalledWith( 500 );
	} );

	it( 'explains a table not measured yet', () => {
		render(
			<CapacityPanel
				remote={ {
					status: 'ready',
					data: {
						...CAPACITY,
						measured_at: null,
						rows: null,
						bytes: null,
						limit: null,
					},
					error: null,
				} }
				onRetry={ () => undefined }
				maxSizeMb={ null }
				onMaxSizeChange={ () => undefined }
				timeZone="UTC"
			/>
		);
		expect(
			screen.getByText( /has not been measured yet/ )
		).toBeInTheDocument();
	} );
} );

describe( 'RollupNotice', () => {
	it( 'shows backfill progress', () => {
		const { rerender } = render(
			<RollupNotice
				progress={ {
					...READY,
					state: 'backfilling',
					percent: 42.5,
					processed: 4250,
				} }
				error={ null }
				onRetry={ () => undefined }
			/>
		);
		expect(
			screen.getByText( /4,250 jobs read so far/, { selector: 'p' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'progressbar', { name: 'History built' } )
		).toHaveAttribute( 'value', '42.5' );
		rerender(
			<RollupNotice
				progress={ READY }
				error={ null }
				onRetry={ () => undefined }
			/>
		);
		expect( screen.queryByRole( 'progressbar' ) ).not.toBeInTheDocument();
	} );
} );
