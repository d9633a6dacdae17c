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

/**
 * The date-fns locale files to try for a WordPress locale, best first:
 * `de_DE` → `de-DE`, `de`; `en_GB` → `en-GB`, `en`. Empty for US English,
 * which date-fns has built in.
 *
 * @param wordpressLocale e.g. `de_DE`.
 */
export function dateLocaleCandidates( wordpressLocale: string ): string[] {
	const language = wordpressLocale.split( '_' )[ 0 ];
	if ( ! /^[a-z]{2,3}$/.test( language ) ) {
		return [];
	}
	const region = wordpressLocale.split( '_' )[ 1 ];
	const regional =
		region !== undefined && /^[A-Z]{2}$/.test( region )
			? `${ language }-${ region }`
			: null;
	if ( regional === 'en-US' ) {
		return [];
	}
	return regional === null ? [ language ] : [ regional, language ];
}
