/**
 * External dependencies
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';

/**
 * Internal dependencies
 */
import { preloadDeferredParts } from '../../src/shared/deferred/lazy-with-deferred';

// Lazily loaded panels (their own chunks) can take seconds to import on a
// busy machine; findBy* and waitFor wait that long before failing.
configure( { asyncUtilTimeout: 5_000 } );

afterEach( () => {
	cleanup();
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
