/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { formatPercent } from '../../../../src/shared/format/format-percent';
import { setSiteFormat } from '../../../../src/shared/format/site-format';

describe( 'formatPercent', () => {
	it( 'uses one decimal at most and no space before the sign', () => {
		expect( formatPercent( 0.875 ) ).toBe( '87.5%' );
		expect( formatPercent( 0.97543 ) ).toBe( '97.5%' );
		expect( formatPercent( 1 ) ).toBe( '100%' );
		expect( formatPercent( 0 ) ).toBe( '0%' );
	} );

	it( 'shows a dash when there was nothing to divide', () => {
		expect( formatPercent( null ) ).toBe( '—' );
		expect( formatPercent( Number.NaN ) ).toBe( '—' );
	} );

	it( "writes the number in the site's locale", () => {
		setSiteFormat( {
			locale: 'de_DE',
			timezone: { name: 'Europe/Berlin', offsetMinutes: 60 },
		} );
		expect( formatPercent( 0.875 ) ).toBe( '87,5%' );
	} );
} );
