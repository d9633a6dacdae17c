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

beforeEach( () => {
	vi.mocked( apiFetch ).mockReset();
	vi.mocked( apiFetch ).mockResolvedValue(
		new Response( '{}', {
			status: 200,
			headers: { 'Content-Type': 'application/json' },
		} )
	);
} );

describe( 'retention run requests', () => {
	it( 'asks for a dry run explicitly', async () => {
		await previewRetention();
		expect( apiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/dm-jobs/v1/retention/run',
				method: 'POST',
				data: { dry_run: true },
			} )
		);
	} );

	it( 'runs for real only with dry_run false and confirm true', async () => {
		await runRetention();
		expect( apiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/dm-jobs/v1/retention/run',
				method: 'POST',
				data: { dry_run: false, confirm: true },
			} )
		);
	} );
} );
