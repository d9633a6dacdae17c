/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';
import type { ColumnDef } from '@tanstack/react-table';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { SelectionBar } from '../../../../../src/features/admin-tools/components/selection-bar';
import { useSelectionColumn } from '../../../../../src/features/admin-tools/hooks/use-selection-column';
import { store } from '../../../../../src/features/admin-tools/store';
import { JobsTable } from '../../../../../src/features/jobs-list/components/jobs-table';
import type { JobListItem } from '../../../../../src/shared/types';
import { makeJobs } from '../../../helpers/make-job';
import { renderWithRegistry } from './helpers';

const NO_COLUMNS: ColumnDef< JobListItem, unknown >[] = [];

/**
 * The jobs table with the selection column in front, as the Jobs screen puts it.
 *
 * @param props           Component props.
 * @param props.jobs      The rows.
 * @param props.onOpenJob Opens a job.
 */
function SelectableTable( {
	jobs,
	onOpenJob = () => undefined,
}: {
	jobs: JobListItem[];
	onOpenJob?: ( jobId: number ) => void;
} ) {
	return (
		<JobsTable
			jobs={ jobs }
			isBusy={ false }
			timeZone="UTC"
			timeZoneLabel="UTC"
			onOpenJob={ onOpenJob }
			leadingColumns={ useSelectionColumn( NO_COLUMNS, jobs ) }
		/>
	);
}

function renderTable() {
	const jobs = makeJobs( 5 );
	const result = renderWithRegistry(
		<>
			<SelectionBar
				pageIds={ jobs.map( ( job ) => job.id ) }
				total={ 1234 }
			/>
			<SelectableTable jobs={ jobs } />
		</>
	);
	return {
		...result,
		selected: () => result.registry.select( store ).getSelectedIds(),
	};
}

describe( 'row selection in the jobs table', () => {
	it( 'has a checkbox per row; Shift-click selects a range', async () => {
		const user = userEvent.setup();
		const { selected } = renderTable();
		const table = screen.getByRole( 'table', { name: 'Jobs' } );
		expect( within( table ).getAllByRole( 'checkbox' ) ).toHaveLength( 6 );

		await user.click(
			screen.getByRole( 'checkbox', { name: 'Select job 4' } )
		);
		await user.keyboard( '{Shift>}' );
		await user.click(
			screen.getByRole( 'checkbox', { name: 'Select job 1' } )
		);
		await user.keyboard( '{/Shift}' );
		expect( selected() ).toEqual( [ 1, 2, 3, 4 ] );
		expect(
			screen.getByRole( 'checkbox', { name: 'Select job 2' } )
		).toBeChecked();
		expect(
			screen.getByRole( 'checkbox', { name: 'Select job 5' } )
		).not.toBeChecked();
		expect( screen.getByText( '4 jobs selected.' ) ).toBeVisible();
		expect(
			(
				screen.getByRole( 'checkbox', {
					name: 'Select all jobs on this page',
				} ) as HTMLInputElement
			 ).indeterminate
		).toBe( true );
	} );

	it( 'selects the page, then all N matching the filter, then clears', async () => {
		const user = userEvent.setup();
		const { registry } = renderTable();
		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Select all jobs on this page',
			} )
		);
		expect( screen.getByText( '5 jobs selected.' ) ).toBeVisible();

		await user.click(
			screen.getByRole( 'button', {
				name: 'Select all 1,234 jobs matching the current filter',
			} )
		);
		expect( registry.select( store ).isAllMatching() ).toBe( true );
		expect(
			screen.getByText(
				'All 1,234 jobs matching the current filter are selected.'
			)
		).toBeVisible();

		await user.click(
			screen.getByRole( 'button', { name: 'Bulk actions…' } )
		);
		expect( registry.select( store ).isModalOpen() ).toBe( true );
		expect( registry.select( store ).getSection() ).toBe( 'bulk' );

		await user.click(
			screen.getByRole( 'button', { name: 'Clear selection' } )
		);
		expect( registry.select( store ).hasSelection() ).toBe( false );
		expect( screen.queryByText( /selected\./ ) ).toBeNull();
	} );

	it( 'ticking a box does not open the job', async () => {
		const user = userEvent.setup();
		const opened: number[] = [];
		const jobs = makeJobs( 2 );
		renderWithRegistry(
			<SelectableTable
				jobs={ jobs }
				onOpenJob={ ( id ) => opened.push( id ) }
			/>
		);
		await user.click(
			screen.getByRole( 'checkbox', { name: 'Select job 2' } )
		);
		expect( opened ).toEqual( [] );
	} );
} );
