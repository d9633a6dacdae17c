/**
 * External dependencies
 */
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import * as api from '../../../../../src/features/admin-tools/api/admin-tools-api';
import { UnfinishedOperations } from '../../../../../src/features/admin-tools/components/unfinished-operations';
import { makeOperation, renderWithRegistry } from './helpers';

const reloadJobs = vi.hoisted( () => vi.fn() );
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
vi.mock(
	'../../../../../src/features/admin-tools/api/admin-tools-api',
	async ( original ) => ( {
		...( await original< typeof api >() ),
		listOperations: vi.fn(),
		runOperation: vi.fn(),
		cancelOperation: vi.fn(),
	} )
);

beforeEach( () => {
	vi.clearAllMocks();
} );

describe( 'UnfinishedOperations', () => {
	it( 're-attaches to an operation running in the background and follows it to the end', async () => {
		const running = makeOperation( {
			id: 7,
			type: 'cleanup_jobs',
			total: 1000,
			processed: 400,
			affected: 400,
			progress: 0.4,
			active: true,
		} );
		vi.mocked( api.listOperations ).mockResolvedValue( [ running ] );
		vi.mocked( api.runOperation )
			.mockResolvedValueOnce( {
				...running,
				processed: 700,
				affected: 700,
				progress: 0.7,
			} )
			.mockResolvedValueOnce( {
				...running,
				state: 'completed',
				processed: 1000,
				affected: 1000,
				progress: 1,
				active: false,
				finished_at: '2026-03-01T10:01:00Z',
			} );

		renderWithRegistry( <UnfinishedOperations /> );

		// No click needed: opening the modal is enough.
		await waitFor( () =>
			expect( api.runOperation ).toHaveBeenCalledWith(
				7,
				expect.any( Number )
			)
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'button', { name: 'Dismiss' } )
			).toBeVisible()
		);
		expect( api.runOperation ).toHaveBeenCalledTimes( 2 );
		expect( reloadJobs ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'shows nothing when no operation is running', async () => {
		vi.mocked( api.listOperations ).mockResolvedValue( [] );
		const { container } = renderWithRegistry( <UnfinishedOperations /> );
		await waitFor( () => expect( api.listOperations ).toHaveBeenCalled() );
		expect( container ).toBeEmptyDOMElement();
		expect( api.runOperation ).not.toHaveBeenCalled();
	} );
} );
