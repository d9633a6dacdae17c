/**
 * ESLint flat config: @wordpress/scripts' defaults (which lint TypeScript through
 * typescript-eslint) plus this project's text domain and test files.
 */
const defaultConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );
const fs = require( 'fs' );
const wpPlugin = require( '@wordpress/eslint-plugin' );

const FEATURES = fs
	.readdirSync( `${ __dirname }/src/features`, { withFileTypes: true } )
	.filter( ( entry ) => entry.isDirectory() )
	.map( ( entry ) => entry.name );

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
	// Layers of src/: app composes features; a feature uses shared code and its
	// own files, never another feature; shared code uses neither.
	{
		files: [ 'src/**/*.{ts,tsx}' ],
		rules: {
			'import/no-restricted-paths': [
				'error',
				{
					zones: [
						{
							target: './src/shared',
							from: [ './src/features', './src/app' ],
							message:
								'Shared code must not depend on a feature or the app.',
						},
						{
							target: './src/features',
							from: './src/app',
							message: 'A feature must not depend on the app.',
						},
						...FEATURES.map( ( feature ) => ( {
							target: `./src/features/${ feature }`,
							from: './src/features',
							except: [ `./${ feature }` ],
							message:
								'A feature must not import another feature: move what both need to src/shared, or compose them in src/app.',
						} ) ),
					],
				},
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
