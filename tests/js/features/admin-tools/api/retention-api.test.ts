/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import {
	previewRetention,
	runRetention,
} from '../../../../../src/features/admin-tools/api/admin-tools-api';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const SETTINGS = {
	completed_days: 30,
	failed_days: 0,
	keep_failed: false,
	engine_data_days: 0,
	audit_days: 180,
};

const DRY_RUN = {
	dry_run: true,
	effective: SETTINGS,
	steps: [ { key: 'completed', type: 'cleanup_jobs', days: 30, count: 2 } ],
};

const REPORT = {
	state: 'completed',
	trigger: 'manual',
	actor: { type: 'user', user_id: 1, login: 'admin' },
	started_at: '2026-03-01T10:00:00Z',
	finished_at: '2026-03-01T10:00:01Z',
	duration: 0.4,
	settings: SETTINGS,
	removed: { completed: 2 },
	steps: [
		{
			key: 'completed',
			type: 'cleanup_jobs',
			days: 30,
			operation_id: 7,
			state: 'completed',
			total: 2,
			affected: 2,
			result: {},
			message: null,
		},
	],
};

function answer( body: unknown ): void {
	vi.mocked( apiFetch ).mockResolvedValue(
		new Response( JSON.stringify( body ), {
			status: 200,
			headers: { 'Content-Type': 'application/json' },
		} )
	);
}

beforeEach( () => {
	vi.mocked( apiFetch ).mockReset();
} );

describe( 'retention run requests', () => {
	it( 'asks for a dry run explicitly', async () => {
		answer( DRY_RUN );
		await expect( previewRetention() ).resolves.toEqual( DRY_RUN );
		expect( apiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/dm-jobs/v1/retention/run',
				method: 'POST',
				data: { dry_run: true },
			} )
		);
	} );

	it( 'runs for real only with dry_run false and confirm true', async () => {
		answer( REPORT );
		await expect( runRetention() ).resolves.toEqual( REPORT );
		expect( apiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/dm-jobs/v1/retention/run',
				method: 'POST',
				data: { dry_run: false, confirm: true },
			} )
		);
	} );

	it( 'refuses an answer that is not what the route declares', async () => {
		answer( {} );
		await expect( previewRetention() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
		answer( DRY_RUN );
		await expect( runRetention() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );
