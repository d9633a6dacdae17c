/**
 * External dependencies
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

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
