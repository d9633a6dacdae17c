/**
 * wp-scripts' webpack config, with one change: the date-fns locale chunks are
 * named by the date-fns version instead of a hash each, so the first-load
 * runtime does not carry ~95 chunk hashes (only one locale is ever fetched).
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const { version: dateFnsVersion } = require( 'date-fns/package.json' );

const DATE_LOCALE_CHUNK = /^date-locale-/;

module.exports = {
	...defaultConfig,
	output: {
		...defaultConfig.output,
		chunkFilename: ( pathData ) =>
			DATE_LOCALE_CHUNK.test( pathData.chunk.name ?? '' )
				? `[name].js?ver=${ dateFnsVersion }`
				: defaultConfig.output.chunkFilename,
	},
};
