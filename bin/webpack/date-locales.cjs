/**
 * date-fns' locales in the build, for the site's language:
 * - one script per locale, `build/date-locales/<code>.js`, which sets
 *   `window.dmJobsDateLocale`; PHP enqueues only the site's, before the app
 *   (so the app's first-load script carries no loader of ~95 locales);
 * - the same locale as data for PHP, `build/date-locales/<code>.json`: month,
 *   weekday and day-period names, the exact-time pattern and every relative
 *   time text, so the rows PHP prints read exactly as the app writes them.
 */
const { readdirSync } = require( 'node:fs' );
const { dirname, join } = require( 'node:path' );

const LOCALE_DIR = join(
	dirname( require.resolve( 'date-fns/package.json' ) ),
	'locale'
);
const OUTPUT_DIR = 'date-locales';

/** The date-fns locale codes (`de`, `pt-BR`), US English included. */
function dateLocaleCodes() {
	return readdirSync( LOCALE_DIR, { withFileTypes: true } )
		.filter( ( entry ) => entry.isDirectory() && entry.name !== '_lib' )
		.map( ( entry ) => entry.name )
		.sort();
}

/**
 * A webpack entry per locale but US English (built into the app).
 *
 * @return {Record<string, object>} Entries by output name.
 */
function dateLocaleEntries() {
	return Object.fromEntries(
		dateLocaleCodes()
			.filter( ( code ) => code !== 'en-US' )
			.map( ( code ) => [
				`${ OUTPUT_DIR }/${ code }`,
				{
					import: `date-fns/locale/${ code }`,
					library: {
						name: 'dmJobsDateLocale',
						type: 'window',
						export: 'default',
					},
				},
			] )
	);
}

// Counts formatDistance is asked for (date-fns' own thresholds), and the
// years a job's age is written with at most.
const DISTANCE_COUNTS = {
	lessThanXMinutes: [ 1, 1 ],
	xMinutes: [ 1, 44 ],
	aboutXHours: [ 1, 24 ],
	xDays: [ 1, 30 ],
	aboutXMonths: [ 1, 2 ],
	xMonths: [ 1, 12 ],
	aboutXYears: [ 1, 100 ],
	overXYears: [ 1, 100 ],
	almostXYears: [ 1, 101 ],
};
const COUNT = '{{count}}';

/**
 * A locale's relative texts with their suffix, as ranges of counts that
 * share a text (`[[1, "vor 1 Minute"], [2, "vor {{count}} Minuten"]]`).
 *
 * @param {Object} locale     A date-fns locale.
 * @param {number} comparison -1: in the past ("… ago"), 1: in the future.
 */
function distanceTexts( locale, comparison ) {
	const texts = {};
	for ( const [ token, [ from, to ] ] of Object.entries( DISTANCE_COUNTS ) ) {
		const ranges = [];
		for ( let count = from; count <= to; count++ ) {
			const text = locale
				.formatDistance( token, count, { addSuffix: true, comparison } )
				.replace( String( count ), COUNT );
			if ( ranges.at( -1 )?.[ 1 ] !== text ) {
				ranges.push( [ count, text ] );
			}
		}
		texts[ token ] = ranges;
	}
	return texts;
}

function names( localize, kind, count, context ) {
	const width = ( w ) =>
		Array.from( { length: count }, ( _, index ) =>
			localize[ kind ]( index, { width: w, context } )
		);
	return { abbreviated: width( 'abbreviated' ), wide: width( 'wide' ) };
}

/**
 * What PHP needs to write dates as date-fns does in this locale.
 *
 * @param {Object} locale A date-fns locale.
 */
function localeData( locale ) {
	const { formatLong, localize } = locale;
	const medium = { width: 'medium' };
	return {
		code: locale.code,
		months: names( localize, 'month', 12, 'formatting' ),
		standaloneMonths: names( localize, 'month', 12, 'standalone' ),
		weekdays: names( localize, 'day', 7, 'formatting' ),
		dayPeriods: {
			am: localize.dayPeriod( 'am', {
				width: 'abbreviated',
				context: 'formatting',
			} ),
			pm: localize.dayPeriod( 'pm', {
				width: 'abbreviated',
				context: 'formatting',
			} ),
		},
		ordinals: Array.from( { length: 31 }, ( _, index ) =>
			localize.ordinalNumber( index + 1, { unit: 'date' } )
		),
		// date-fns' `PPpp`, expanded as its long formatters do.
		exact: formatLong
			.dateTime( medium )
			.replace( '{{date}}', formatLong.date( medium ) )
			.replace( '{{time}}', formatLong.time( medium ) ),
		distance: {
			past: distanceTexts( locale, -1 ),
			future: distanceTexts( locale, 1 ),
		},
	};
}

/** Emits `date-locales/<code>.json` for every locale. */
class DateLocaleDataPlugin {
	apply( compiler ) {
		const { Compilation, sources } = compiler.webpack;
		compiler.hooks.thisCompilation.tap(
			'DateLocaleDataPlugin',
			( compilation ) => {
				compilation.hooks.processAssets.tap(
					{
						name: 'DateLocaleDataPlugin',
						stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
					},
					() => {
						for ( const code of dateLocaleCodes() ) {
							// CommonJS: the locale is the export named after it (`de`, `ptBR`).
							const locale = Object.values(
								require( `date-fns/locale/${ code }` )
							).find(
								( value ) => typeof value?.code === 'string'
							);
							compilation.emitAsset(
								`${ OUTPUT_DIR }/${ code }.json`,
								new sources.RawSource(
									JSON.stringify( localeData( locale ) )
								)
							);
						}
					}
				);
			}
		);
	}
}

module.exports = { dateLocaleEntries, DateLocaleDataPlugin };
