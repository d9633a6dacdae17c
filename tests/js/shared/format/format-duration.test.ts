/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { formatDuration } from '../../../../src/shared/format/format-duration';
import { setSiteFormat } from '../../../../src/shared/format/site-format';

describe( 'formatDuration', () => {
	it.each( [
		[ null, '—' ],
		[ 0, '0 s' ],
		[ 45, '45 s' ],
		[ 66, '1 min 6 s' ],
		[ 120, '2 min' ],
		[ 7500, '2 h 5 min' ],
		[ 3600, '1 h' ],
		[ 273600, '3 d 4 h' ],
		[ 86400, '1 d' ],
		[ -5, '—' ],
		[ undefined, '—' ],
		[ Number.NaN, '—' ],
	] )( '%s seconds → %s', ( seconds, text ) => {
		expect( formatDuration( seconds ) ).toBe( text );
	} );

	it.each( [
		[ 0, '0 s' ],
		[ 12.46, '12.5 s' ],
		[ 59.94, '59.9 s' ],
		[ 59.96, '1 min' ],
		[ 200, '3 min 20 s' ],
		[ 3599.6, '1 h' ],
		[ 7500, '2 h 5 min' ],
	] )( 'to a tenth of a second for averages: %s → %s', ( seconds, text ) => {
		expect( formatDuration( seconds, { tenths: true } ) ).toBe( text );
	} );

	it( "writes tenths with the site's decimal sign", () => {
		setSiteFormat( {
			locale: 'de_DE',
			timezone: { name: 'Europe/Berlin', offsetMinutes: 60 },
		} );
		expect( formatDuration( 12.46, { tenths: true } ) ).toBe( '12,5 s' );
	} );
} );
