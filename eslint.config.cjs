/**
 * ESLint flat config: @wordpress/scripts' defaults (which lint TypeScript through
 * typescript-eslint) plus this project's text domain and test files.
 */
const defaultConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	...defaultConfig,
	{
		ignores: [ 'build/**', 'vendor/**', '.cache/**', 'node_modules/**' ],
	},
	{
		rules: {
			'@wordpress/i18n-text-domain': [
				'error',
				{ allowedTextDomain: 'dm-jobs' },
			],
		},
	},
	// Vitest unit tests: jest-compatible API, imported explicitly from 'vitest'.
	...wpPlugin.configs[ 'test-unit' ].map( ( config ) => ( {
		...config,
		files: [ 'tests/js/**/*.{ts,tsx}' ],
	} ) ),
	{
		files: [ 'tests/js/**/*.{ts,tsx}' ],
		settings: { jest: { version: 29 } },
		rules: {
			// Tests are not translated.
			'@wordpress/i18n-text-domain': 'off',
		},
	},
	// End-to-end scripts (playwright-core, run by Node as ES modules).
	{
		files: [ 'tests/e2e/**/*.{js,mjs,cjs}' ],
		languageOptions: {
			sourceType: 'module',
		},
		rules: {
			'no-console': 'off',
		},
	},
];
