/**
 * External dependencies
 */
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { App } from '../../../src/app/app';
import { getConfig } from '../../../src/shared/config';
import { setSiteFormat } from '../../../src/shared/format/site-format';
import { store } from '../../../src/features/jobs-list/store';
import type { DmJobsConfig } from '../../../src/shared/types';

export const TEST_CONFIG: DmJobsConfig = getConfig( {
	restNamespace: 'dm-jobs/v1',
	timezone: { name: 'America/New_York', offsetMinutes: -300 },
	locale: 'en_US',
	pipelinesUrl: 'https://example.test/wp-admin/admin.php?page=dm-pipelines',
	docsUrl: 'https://example.test/docs/dm-jobs',
	dataMachineActive: true,
	version: '0.1.0',
} );

/**
 * Renders the whole app with its own data registry, so tests do not share
 * store state.
 *
 * @param config Boot data.
 */
export function renderApp( config: DmJobsConfig = TEST_CONFIG ): RenderResult {
	setSiteFormat( config );
	const registry = createRegistry();
	registry.register( store );
	return render(
		<RegistryProvider value={ registry }>
			<App config={ config } />
		</RegistryProvider>
	);
}
