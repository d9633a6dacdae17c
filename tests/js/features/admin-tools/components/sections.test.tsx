/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import * as api from '../../../../../src/features/admin-tools/api/admin-tools-api';
import { AuditSection } from '../../../../../src/features/admin-tools/components/sections/audit-section';
import { BulkSection } from '../../../../../src/features/admin-tools/components/sections/bulk-section';
import { CleanupSection } from '../../../../../src/features/admin-tools/components/sections/cleanup-section';
import { store } from '../../../../../src/features/admin-tools/store';
import { makePreview, renderWithRegistry } from './helpers';

const context = vi.hoisted( () => ( {
	query: {
		page: 2,
		perPage: 20,
		status: [ 'failed' ],
		pipelineId: null,
		flowId: null,
		search: '',
		after: null,
		before: null,
		orderby: 'job_id',
		order: 'desc',
	},
	jobs: [],
	total: 1234,
	reload: () => undefined,
	timeZone: 'UTC',
	timeZoneLabel: 'UTC',
} ) );
vi.mock(
	'../../../../../src/features/admin-tools/hooks/use-jobs-context',
	() => ( {
		useJobsContext: () => context,
	} )
);
vi.mock(
	'../../../../../src/features/admin-tools/api/admin-tools-api',
	async ( original ) => ( {
		...( await original< typeof api >() ),
		previewOperation: vi.fn(),
		getAuditPage: vi.fn(),
	} )
);
vi.mock( '../../../../../src/shared/api/catalog-api', () => ( {
	fetchPipelines: vi.fn( () => Promise.resolve( [] ) ),
	fetchFlows: vi.fn( () => Promise.resolve( [] ) ),
} ) );

beforeEach( () => {
	vi.clearAllMocks();
} );

describe( 'Bulk section', () => {
	it( 'explains how to select, and offers all jobs matching the filter', async () => {
		const user = userEvent.setup();
		const { registry } = renderWithRegistry( <BulkSection /> );
		expect(
			screen.getByText( /Select jobs in the table first/ )
		).toBeVisible();
		await user.click(
			screen.getByRole( 'button', {
				name: 'Select all 1,234 jobs matching the current filter',
			} )
		);
		expect( registry.select( store ).isAllMatching() ).toBe( true );
	} );

	it( 'runs the dry run of "all matching" with the list filter, and of a selection with its IDs', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation ).mockResolvedValue(
			makePreview( { count: 1230 } )
		);
		const { registry } = renderWithRegistry( <BulkSection /> );
		registry.dispatch( store ).selectAllMatching();

		const [ deleteDryRun ] = await screen.findAllByRole( 'button', {
			name: /Dry run/,
		} );
		await user.click( deleteDryRun );
		expect( api.previewOperation ).toHaveBeenLastCalledWith(
			'delete_jobs',
			{ status: 'failed', include_active: false }
		);
		expect(
			await screen.findByRole( 'button', { name: 'Delete 1,230 jobs' } )
		).toBeDisabled();

		registry.dispatch( store ).clearSelection();
		registry.dispatch( store ).setRows( [ 7, 5 ], true );
		// The dry run was for other rows: the flow goes back to its start.
		await waitFor( () =>
			expect(
				screen.getAllByRole( 'button', { name: /Dry run/ } )
			).toHaveLength( 2 )
		);
		const [ again ] = screen.getAllByRole( 'button', { name: /Dry run/ } );
		await user.click( again );
		expect( api.previewOperation ).toHaveBeenLastCalledWith(
			'delete_jobs',
			{ ids: [ 5, 7 ], include_active: false }
		);
	} );

	it( 'export links carry the filter and the REST nonce', () => {
		window.dmJobsAdminTools = {
			restNonce: 'abc123',
			exportUrl: 'https://example.test/wp-json/dm-jobs/v1/export',
		};
		const { registry } = renderWithRegistry( <BulkSection /> );
		registry.dispatch( store ).selectAllMatching();
		return screen
			.findByRole( 'link', { name: 'Download CSV' } )
			.then( ( link ) => {
				const url = new URL( link.getAttribute( 'href' ) ?? '' );
				expect( url.searchParams.get( 'format' ) ).toBe( 'csv' );
				expect( url.searchParams.get( 'status' ) ).toBe( 'failed' );
				expect( url.searchParams.get( '_wpnonce' ) ).toBe( 'abc123' );
				delete window.dmJobsAdminTools;
			} );
	} );
} );

describe( 'Audit section', () => {
	it( 'lists who did what and how many rows, and filters', async () => {
		const user = userEvent.setup();
		vi.mocked( api.getAuditPage ).mockResolvedValue( {
			entries: [
				{
					id: 3,
					created_at: '2026-03-01T10:00:00Z',
					actor: { type: 'user', user_id: 1, login: 'admin' },
					action: 'jobs.bulk_delete',
					job_id: null,
					affected: 1230,
					params: { state: 'completed' },
				},
				{
					id: 2,
					created_at: '2026-03-01T03:15:00Z',
					actor: { type: 'system', user_id: null, login: null },
					action: 'retention.run',
					job_id: null,
					affected: 40,
					params: null,
				},
			],
			total: 2,
			totalPages: 1,
		} );
		renderWithRegistry( <AuditSection /> );
		const table = await screen.findByRole( 'table', {
			name: 'Audit trail',
		} );
		expect( table ).toHaveTextContent( 'admin' );
		expect( table ).toHaveTextContent( 'jobs.bulk_delete' );
		expect( table ).toHaveTextContent( '1,230' );
		expect( table ).toHaveTextContent( 'System' );
		expect( table ).toHaveTextContent( 'Retention run' );

		await user.selectOptions(
			screen.getByLabelText( 'Action' ),
			'cleanup'
		);
		expect( api.getAuditPage ).toHaveBeenLastCalledWith( {
			category: 'cleanup',
			actor: '',
			page: 1,
		} );
	} );
} );

describe( 'Cleanup section', () => {
	it( 'names every status the "successful jobs" cleanup takes', () => {
		renderWithRegistry( <CleanupSection /> );
		expect(
			screen.getByRole( 'heading', {
				name: 'Successful jobs: Completed, Completed (no items), Skipped by agent',
			} )
		).toBeVisible();
		expect(
			screen.getByRole( 'heading', {
				name: 'Jobs that did not succeed: Failed',
			} )
		).toBeVisible();
	} );

	it( 'failed jobs start at an explicit age; any age asks to type the count', async () => {
		const user = userEvent.setup();
		vi.mocked( api.previewOperation ).mockResolvedValue(
			makePreview( { type: 'cleanup_jobs', count: 5 } )
		);
		renderWithRegistry( <CleanupSection /> );
		const failedTool = screen
			.getByRole( 'heading', { name: /did not succeed/ } )
			.closest( 'section' ) as HTMLElement;
		const days = within( failedTool ).getByRole( 'spinbutton' );
		expect( days ).toHaveValue( 30 );

		await user.click(
			within( failedTool ).getByRole( 'button', { name: /Dry run/ } )
		);
		expect(
			await within( failedTool ).findByRole( 'button', {
				name: 'Remove 5 jobs',
			} )
		).toBeEnabled();
		expect( api.previewOperation ).toHaveBeenLastCalledWith(
			'cleanup_jobs',
			{ statuses: [ 'failed' ], older_than_days: 30 }
		);

		await user.clear( days );
		await user.type( days, '0' );
		await user.click(
			within( failedTool ).getByRole( 'button', { name: /Dry run/ } )
		);
		expect(
			await within( failedTool ).findByRole( 'button', {
				name: 'Remove 5 jobs',
			} )
		).toBeDisabled();
		await user.type(
			within( failedTool ).getByLabelText( 'Type 5 to confirm' ),
			'5'
		);
		expect(
			within( failedTool ).getByRole( 'button', {
				name: 'Remove 5 jobs',
			} )
		).toBeEnabled();
	} );

	it.each( [
		[ 'Orphan jobs', 'cleanup_orphan_jobs', 'Remove 4 jobs' ],
		[ 'Orphan log lines', 'cleanup_orphan_logs', 'Remove 4 log lines' ],
		[ 'Orphan files', 'cleanup_orphan_files', 'Remove 4 folders' ],
	] as const )(
		'"%s" is a tool of its own that dry-runs %s',
		async ( title, type, actionLabel ) => {
			const user = userEvent.setup();
			vi.mocked( api.previewOperation ).mockResolvedValue(
				makePreview( { type, count: 4, sample: [] } )
			);
			renderWithRegistry( <CleanupSection /> );
			const tool = screen.getByRole( 'region', { name: title } );

			await user.click(
				within( tool ).getByRole( 'button', { name: /Dry run/ } )
			);
			expect(
				await within( tool ).findByRole( 'button', {
					name: actionLabel,
				} )
			).toBeEnabled();
			expect( api.previewOperation ).toHaveBeenLastCalledWith( type, {} );
		}
	);
} );
