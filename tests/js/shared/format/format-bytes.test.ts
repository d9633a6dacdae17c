/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { formatBytes } from '../../../../src/shared/format/format-bytes';
import { setSiteFormat } from '../../../../src/shared/format/site-format';

describe( 'formatBytes', () => {
	it.each( [
		[ 0, '0 B' ],
		[ 512, '512 B' ],
		[ 1023, '1,023 B' ],
		[ 1536, '1.5 KB' ],
		[ 655_667, '640.3 KB' ],
		[ 1_258_291, '1.2 MB' ],
		[ 1_181_116_006, '1.1 GB' ],
		[ 17.85 * 1024 ** 3, '17.9 GB' ],
		[ 3 * 1024 ** 4, '3 TB' ],
		[ 5 * 1024 ** 5, '5,120 TB' ],
		[ -10, '0 B' ],
	] )( '%s bytes → %s', ( bytes, text ) => {
		expect( formatBytes( bytes ) ).toBe( text );
	} );

	it( 'shows a dash for an unknown size', () => {
		expect( formatBytes( null ) ).toBe( '—' );
		expect( formatBytes( undefined ) ).toBe( '—' );
		expect( formatBytes( Number.POSITIVE_INFINITY ) ).toBe( '—' );
	} );

	it( "writes the number in the site's locale", () => {
		setSiteFormat( {
			locale: 'de_DE',
			timezone: { name: 'Europe/Berlin', offsetMinutes: 60 },
		} );
		expect( formatBytes( 1536 ) ).toBe( '1,5 KB' );
	} );
} );
