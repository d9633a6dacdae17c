/**
 * wp-scripts' webpack config with the app's entry (`index`, the first-load
 * script) and date-fns' locales as scripts and data of their own (see
 * bin/webpack/date-locales.cjs): only the site's language is loaded.
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
	plugins: [ ...defaultConfig.plugins, new DateLocaleDataPlugin() ],
};
