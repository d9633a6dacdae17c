/**
 * wp-scripts' webpack config with the app's entry (`index`, the first-load
 * script) and date-fns' locales as scripts and data of their own (see
 * bin/webpack/date-locales.cjs): only the site's language is loaded.
 * The generated contract is declared free of side effects so webpack links
 * each import past the re-exporting src/generated/rest-contract.ts to the
 * schema's own module, and puts that module only in the chunks that use it.
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const {
	dateLocaleEntries,
	DateLocaleDataPlugin,
} = require( './bin/webpack/date-locales.cjs' );

module.exports = {
	...defaultConfig,
	entry: {
		index: './src/app/index.tsx',
		...dateLocaleEntries(),
	},
	module: {
		...defaultConfig.module,
		rules: [
			...defaultConfig.module.rules,
			{ test: /src[\\/]generated[\\/]/, sideEffects: false },
		],
	},
	plugins: [ ...defaultConfig.plugins, new DateLocaleDataPlugin() ],
};
