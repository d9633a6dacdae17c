/**
 * External dependencies
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach( () => {
	cleanup();
} );

// The jobs view lives in the URL: start every test from the bare admin page.
afterEach( () => {
	window.history.replaceState( null, '', '/' );
} );
