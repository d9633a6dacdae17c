/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { toIntlLocale } from '../../../../src/shared/format/locale-tags';

describe( 'toIntlLocale', () => {
	it.each( [
		[ 'de_DE', 'de-DE' ],
		[ 'de_CH_informal', 'de-CH' ],
		[ 'pt_BR', 'pt-BR' ],
		[ 'fr', 'fr' ],
		[ 'en_US', 'en-US' ],
	] )( '%s → %s', ( wordpress, intl ) => {
		expect( toIntlLocale( wordpress ) ).toBe( intl );
	} );
} );
