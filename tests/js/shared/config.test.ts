/**
 * External dependencies
 */
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { getConfig } from '../../../src/shared/config';

describe( 'getConfig', () => {
	afterEach( () => {
		delete window.dmJobsConfig;
	} );

	it( 'reads window.dmJobsConfig', () => {
		window.dmJobsConfig = {
			restNamespace: 'dm-jobs/v1',
			timezone: { name: '', offsetMinutes: 330 },
			locale: 'de_DE_formal',
			pipelinesUrl: '/wp-admin/admin.php?page=dm-pipelines',
			docsUrl: 'https://example.test/docs',
			dataMachineActive: true,
			version: '1.2.3',
			firstPaint: {
				renderedAt: '2026-12-06T05:00:00Z',
				changeToken: 'abc123',
			},
		};
		expect( getConfig() ).toEqual( window.dmJobsConfig );
	} );

	it( 'fills in safe defaults when the boot data is missing or wrong', () => {
		expect( getConfig() ).toEqual( {
			restNamespace: 'dm-jobs/v1',
			timezone: { name: '', offsetMinutes: 0 },
			locale: 'en_US',
			pipelinesUrl: null,
			docsUrl: '',
			dataMachineActive: false,
			version: '',
			firstPaint: null,
		} );
		expect(
			getConfig( {
				timezone: { name: 5, offsetMinutes: 'x' },
				locale: 'de-DE; DROP',
				pipelinesUrl: '',
				dataMachineActive: 'yes',
				firstPaint: { renderedAt: 'yesterday', changeToken: 1 },
			} )
		).toMatchObject( {
			timezone: { name: '', offsetMinutes: 0 },
			locale: 'en_US',
			pipelinesUrl: null,
			dataMachineActive: false,
			firstPaint: null,
		} );
	} );
} );
