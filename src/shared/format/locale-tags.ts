/**
 * A WordPress locale as a BCP 47 tag for `Intl`: `de_DE` → `de-DE`,
 * `de_CH_informal` → `de-CH`, `fr` → `fr`; `undefined` (the browser's own)
 * when `Intl` does not know it.
 *
 * @param wordpressLocale e.g. `pt_BR`.
 */
export function toIntlLocale( wordpressLocale: string ): string | undefined {
	const [ language, region ] = wordpressLocale.split( '_' );
	const tag =
		region !== undefined && /^[A-Z]{2}$/.test( region )
			? `${ language }-${ region }`
			: language;
	try {
		return Intl.NumberFormat.supportedLocalesOf( tag )[ 0 ];
	} catch {
		return undefined;
	}
}
