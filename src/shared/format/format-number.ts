/**
 * Internal dependencies
 */
import { getSiteFormat } from './site-format';

const formats = new Map< string, Intl.NumberFormat >();

/**
 * A number in the site's locale: whole and grouped by default (`1,234,567`;
 * `1.234.567` in German).
 *
 * @param value   The number.
 * @param options `Intl.NumberFormat` options instead of whole numbers.
 */
export function formatNumber(
	value: number,
	options: Intl.NumberFormatOptions = { maximumFractionDigits: 0 }
): string {
	const locale = getSiteFormat().intlLocale;
	const key = `${ locale ?? '' }|${ JSON.stringify( options ) }`;
	let numberFormat = formats.get( key );
	if ( numberFormat === undefined ) {
		numberFormat = new Intl.NumberFormat( locale, options );
		formats.set( key, numberFormat );
	}
	return numberFormat.format( value );
}

/**
 * A number with one decimal at most, in the site's locale (`12.5`, `12,5`).
 *
 * @param value The number.
 */
export function formatDecimal( value: number ): string {
	return formatNumber( value, { maximumFractionDigits: 1 } );
}
