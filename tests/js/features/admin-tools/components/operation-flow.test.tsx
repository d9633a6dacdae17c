/**
 * External dependencies
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../../../src/shared/api/api-request-error';
import * as api from '../../../../../src/features/admin-tools/api/admin-tools-api';
import { OperationFlow } from '../../../../../src/features/admin-tools/components/operation-flow';
import { makeOperation, makePreview, renderWithRegistry } from './helpers';

vi.mock(
	'../../../../../src/features/admin-tools/hooks/use-jobs-context',
	() => ( {
		useJobsContext: () => ( {
			query: {},
			jobs: [],
			total: 0,
			reload: reloadJobs,
			timeZone: 'UTC',
			timeZoneLabel: 'UTC',
		} ),
	} )
);
const reloadJobs = vi.hoisted( () => vi.fn() );

vi.mock(
	'../../../../../src/features/admin-tools/api/admin-tools-api',
	async ( original ) => ( {
		...( await original< typeof api >() ),
		previewOperation: vi.fn(),
		startOperation: vi.fn(),
		runOperation: vi.fn(),
		cancelOperation: vi.fn(),
	} )
);

const deleteLabel = ( count: number ) => `Delete ${ count } jobs`;

function renderFlow() {
	return renderWithRegistry(
		<OperationFlow
			type="delete_jobs"
			params={ { status: 'failed' } }
			canIncludeActive
			actionLabel={ deleteLabel }
		/>
	);
}

beforeEach( () => {
	vi.clearAllMocks();
} );

describe( 'OperationFlow', () => {
	it( 'dry run, confirm with the exact count, progress, summary', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation ).mockResolvedValue( makePreview() );
		vi.mocked( api.startOperation ).mockResolvedValue( makeOperation() );
		vi.mocked( api.runOperation )
			.mockResolvedValueOnce(
				makeOperation( { processed: 2, affected: 2, progress: 0.67 } )
			)
			.mockResolvedValueOnce(
				makeOperation( {
					state: 'completed',
					processed: 3,
					affected: 3,
					progress: 1,
					duration: 4,
					result: {
						logs_removed: 12,
						folders_removed: 2,
						bytes_removed: 2048,
						skipped: 0,
					},
				} )
			);
		renderFlow();

		await user.click( screen.getByRole( 'button', { name: /Dry run/ } ) );
		expect(
			await screen.findByText( 'Exactly 3 jobs would be affected.' )
		).toBeVisible();
		expect( screen.getByText( 'Failed: 2' ) ).toBeVisible();
		expect(
			screen.getByText(
				'1 job that is pending or processing is left out.'
			)
		).toBeVisible();
		expect( screen.getByRole( 'table' ) ).toHaveTextContent( '9' );
		expect( api.previewOperation ).toHaveBeenCalledWith( 'delete_jobs', {
			status: 'failed',
			include_active: false,
		} );

		await user.click(
			screen.getByRole( 'button', { name: 'Delete 3 jobs' } )
		);
		expect( api.startOperation ).toHaveBeenCalledWith(
			'delete_jobs',
			{ status: 'failed', include_active: false },
			expect.objectContaining( { count: 3, max_id: 120 } )
		);
		expect(
			(
				await screen.findAllByText(
					/Delete jobs finished: 3 jobs in 4 s\./
				)
			)[ 0 ]
		).toBeVisible();
		expect(
			screen.getAllByText( 'Also removed 12 log lines.' )[ 0 ]
		).toBeVisible();
		expect(
			screen.getAllByText(
				'Also removed 2 folders of files (2 KB).'
			)[ 0 ]
		).toBeVisible();
		expect( api.runOperation ).toHaveBeenCalledTimes( 2 );
		expect( reloadJobs ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'above 1,000 rows, asks to type the count before the button works', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation ).mockResolvedValue(
			makePreview( { count: 12345 } )
		);
		renderFlow();
		await user.click( screen.getByRole( 'button', { name: /Dry run/ } ) );
		const confirm = await screen.findByRole( 'button', {
			name: 'Delete 12345 jobs',
		} );
		expect( confirm ).toBeDisabled();
		await user.type(
			screen.getByLabelText( 'Type 12,345 to confirm' ),
			'12,344'
		);
		expect( confirm ).toBeDisabled();
		await user.clear( screen.getByLabelText( 'Type 12,345 to confirm' ) );
		await user.type(
			screen.getByLabelText( 'Type 12,345 to confirm' ),
			'12345'
		);
		expect( confirm ).toBeEnabled();
	} );

	it( 'when the count moved since the dry run, changes nothing and shows the new count', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation )
			.mockResolvedValueOnce( makePreview() )
			.mockResolvedValueOnce( makePreview( { count: 4 } ) );
		vi.mocked( api.startOperation ).mockRejectedValue(
			new ApiRequestError( {
				code: 'dm_jobs_count_changed',
				message: 'You confirmed 3, but 4 now match.',
				status: 409,
				data: { count: 4 },
			} )
		);
		renderFlow();
		await user.click( screen.getByRole( 'button', { name: /Dry run/ } ) );
		await user.click(
			await screen.findByRole( 'button', { name: 'Delete 3 jobs' } )
		);
		expect(
			(
				await screen.findAllByText(
					'You confirmed 3, but 4 now match.'
				)
			)[ 0 ]
		).toBeVisible();
		expect(
			await screen.findByRole( 'button', { name: 'Delete 4 jobs' } )
		).toBeEnabled();
		expect( api.runOperation ).not.toHaveBeenCalled();
	} );

	it( 'cancels a running operation and says what it did before stopping', async () => {
		const user = userEvent.setup();
		let release: (
			value: ReturnType< typeof makeOperation >
		) => void = () => undefined;
		vi.mocked( api.previewOperation ).mockResolvedValue(
			makePreview( { count: 900 } )
		);
		vi.mocked( api.startOperation ).mockResolvedValue(
			makeOperation( { total: 900 } )
		);
		vi.mocked( api.runOperation ).mockImplementation(
			() => new Promise( ( resolve ) => ( release = resolve ) )
		);
		vi.mocked( api.cancelOperation ).mockResolvedValue(
			makeOperation( { total: 900, cancel_requested: true } )
		);
		renderFlow();
		await user.click( screen.getByRole( 'button', { name: /Dry run/ } ) );
		await user.click(
			await screen.findByRole( 'button', { name: 'Delete 900 jobs' } )
		);
		expect(
			await screen.findByText( 'Delete jobs: 0% done' )
		).toBeVisible();
		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		expect( api.cancelOperation ).toHaveBeenCalledWith( 41 );
		expect(
			screen.getByRole( 'button', { name: 'Stopping after this batch…' } )
		).toBeDisabled();

		release(
			makeOperation( {
				total: 900,
				state: 'cancelled',
				processed: 500,
				affected: 500,
				progress: 0.56,
			} )
		);
		expect(
			(
				await screen.findAllByText(
					'Delete jobs cancelled after 500 jobs.'
				)
			)[ 0 ]
		).toBeVisible();
		await waitFor( () => expect( reloadJobs ).toHaveBeenCalled() );
	} );

	it( 'says "2 jobs that are" for more than one job left out', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation ).mockResolvedValue(
			makePreview( {
				details: { by_status: { failed: 3 }, active_left_out: 2 },
			} )
		);
		renderFlow();
		await user.click( screen.getByRole( 'button', { name: /Dry run/ } ) );
		expect(
			await screen.findByText(
				'2 jobs that are pending or processing are left out.'
			)
		).toBeVisible();
	} );

	it( 'keeps focus on a sensible element after Dry run and after Back', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation ).mockResolvedValue( makePreview() );
		renderFlow();
		await user.click( screen.getByRole( 'button', { name: /Dry run/ } ) );
		const count = await screen.findByText(
			'Exactly 3 jobs would be affected.'
		);
		await waitFor( () => expect( count ).toHaveFocus() );
		await user.tab();
		expect( count.ownerDocument.activeElement?.tagName ).not.toBe( 'BODY' );

		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );
		await waitFor( () =>
			expect(
				screen.getByRole( 'button', { name: /Dry run/ } )
			).toHaveFocus()
		);
	} );

	it( 'asks to type even a small count when told to (delete of any age)', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation ).mockResolvedValue( makePreview() );
		renderWithRegistry(
			<OperationFlow
				type="cleanup_jobs"
				params={ { statuses: [ 'failed' ], older_than_days: 0 } }
				requireTypedCount
				actionLabel={ deleteLabel }
			/>
		);
		await user.click( screen.getByRole( 'button', { name: /Dry run/ } ) );
		const confirm = await screen.findByRole( 'button', {
			name: 'Delete 3 jobs',
		} );
		expect( confirm ).toBeDisabled();
		await user.type( screen.getByLabelText( 'Type 3 to confirm' ), '3' );
		expect( confirm ).toBeEnabled();
	} );
} );
