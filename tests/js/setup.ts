/**
 * External dependencies
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * Internal dependencies
 */
import { preloadDeferredParts } from '../../src/shared/deferred/lazy-with-deferred';
import { applySiteDateLocale } from '../../src/shared/format/date-locale';
import { setSiteFormat } from '../../src/shared/format/site-format';

// Lazily loaded panels (their own chunks) can take seconds to import on a
// busy machine; findBy* and waitFor wait that long before failing.
configure( { asyncUtilTimeout: 5_000 } );

afterEach( () => {
	cleanup();
} );

// Every test starts on a US English site in New York, as the app's boot data
// would set it (tests of other locales and zones set their own).
beforeEach( () => {
	window.dmJobsDateLocale = undefined;
	applySiteDateLocale();
	setSiteFormat( {
		locale: 'en_US',
		timezone: { name: 'America/New_York', offsetMinutes: -300 },
	} );
} );

// The jobs view lives in the URL: start every test from the bare admin page.
afterEach( () => {
	window.history.replaceState( null, '', '/' );
} );

// Parts that load after the first rows (with wp-components) are loaded before the tests render, as
// they are on the page a moment after the takeover.
beforeAll( async () => {
	await preloadDeferredParts();
}, 120_000 );
