/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	getDateLocale,
	loadDateLocale,
} from '../../../../src/shared/format/date-locale';

describe( 'loadDateLocale', () => {
	it.each( [
		[ 'de_DE', 'de' ],
		[ 'de_AT', 'de-AT' ],
		[ 'pt_BR', 'pt-BR' ],
		[ 'nb_NO', 'nb' ],
		[ 'fr_FR', 'fr' ],
		[ 'en_GB', 'en-GB' ],
	] )( 'loads the date-fns locale of %s (%s)', async ( wordpress, code ) => {
		const locale = await loadDateLocale( wordpress );
		expect( locale.code ).toBe( code );
		expect( getDateLocale() ).toBe( locale );
	} );

	it( 'falls back to US English when date-fns has no such language', async () => {
		await loadDateLocale( 'de_DE' );
		expect( ( await loadDateLocale( 'xx_YY' ) ).code ).toBe( 'en-US' );
		expect( ( await loadDateLocale( 'en_ZZ' ) ).code ).toBe( 'en-US' );
		expect( getDateLocale().code ).toBe( 'en-US' );
	} );
} );
