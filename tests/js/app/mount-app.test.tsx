/**
 * External dependencies
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { mountApp } from '../../../src/app/mount-app';
import { FakeJobsServer } from '../helpers/fake-server';
import { serveApiFetch } from '../helpers/serve-api-fetch';
import { makeJobs } from '../helpers/make-job';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

describe( 'mountApp', () => {
	afterEach( () => {
		document.body.innerHTML = '';
		delete window.dmJobsConfig;
	} );

	it( 'renders the Jobs screen into #dm-jobs-root with the boot data', async () => {
		serveApiFetch( new FakeJobsServer( makeJobs( 3 ) ) );
		window.dmJobsConfig = {
			restNamespace: 'dm-jobs/v1',
			timezone: { name: '', offsetMinutes: 330 },
			pipelinesUrl: null,
			docsUrl: 'https://example.test/docs',
			dataMachineActive: false,
			version: '0.1.0',
		};
		document.body.innerHTML =
			'<div class="wrap"><div id="dm-jobs-root" class="dm-jobs-root"></div></div>';

		const root = await act( async () => mountApp() );

		expect( root ).not.toBeNull();
		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Jobs' } )
		).toBeInTheDocument();
		const table = await screen.findByRole( 'table', { name: 'Jobs' } );
		expect( document.getElementById( 'dm-jobs-root' ) ).toContainElement(
			table
		);
		expect( table.querySelector( 'time' ) ).toHaveAttribute(
			'title',
			expect.stringContaining( '(UTC+05:30)' )
		);
		act( () => root?.unmount() );
	} );

	it( 'does nothing on a page without the root element', () => {
		expect( mountApp() ).toBeNull();
	} );
} );
