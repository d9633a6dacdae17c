import { defineConfig } from 'vitest/config';

export default defineConfig( {
	esbuild: {
		jsx: 'automatic',
	},
	test: {
		environment: 'jsdom',
		include: [ 'tests/js/**/*.test.{ts,tsx}' ],
		setupFiles: [ 'tests/js/setup.ts' ],
		restoreMocks: true,
		// Whole-screen tests drive many controls; leave room on a busy machine.
		testTimeout: 15_000,
		css: false,
		// A zone that is neither UTC nor the site zones the tests use, so
		// time zone conversion cannot pass by accident.
		env: { TZ: 'Asia/Tokyo' },
	},
} );
