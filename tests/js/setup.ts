/**
 * External dependencies
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';

/**
 * Internal dependencies
 */
import { preloadDeferredParts } from '../../src/shared/deferred/lazy-with-deferred';

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
