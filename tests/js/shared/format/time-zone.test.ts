/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	formatUtcOffset,
	getTimeZoneLabel,
	resolveTimeZone,
} from '../../../../src/shared/format/time-zone';

describe( 'formatUtcOffset', () => {
	it.each( [
		[ 330, '+05:30' ],
		[ -300, '-05:00' ],
		[ 0, '+00:00' ],
		[ -570, '-09:30' ],
		[ 765, '+12:45' ],
	] )( 'formats %d minutes as %s', ( minutes, expected ) => {
		expect( formatUtcOffset( minutes ) ).toBe( expected );
	} );
} );

describe( 'resolveTimeZone', () => {
	it( 'uses a valid IANA name', () => {
		expect(
			resolveTimeZone( { name: 'America/New_York', offsetMinutes: -300 } )
		).toBe( 'America/New_York' );
	} );

	it( 'falls back to the offset when there is no name or an invalid one', () => {
		expect( resolveTimeZone( { name: '', offsetMinutes: 330 } ) ).toBe(
			'+05:30'
		);
		expect(
			resolveTimeZone( { name: 'Mars/Olympus', offsetMinutes: -180 } )
		).toBe( '-03:00' );
	} );
} );

describe( 'getTimeZoneLabel', () => {
	it( 'names the zone or its offset', () => {
		expect(
			getTimeZoneLabel( { name: 'Europe/Berlin', offsetMinutes: 60 } )
		).toBe( 'Europe/Berlin' );
		expect( getTimeZoneLabel( { name: '', offsetMinutes: 330 } ) ).toBe(
			'UTC+05:30'
		);
		expect( getTimeZoneLabel( { name: '', offsetMinutes: -300 } ) ).toBe(
			'UTC-05:00'
		);
		expect( getTimeZoneLabel( { name: '', offsetMinutes: 0 } ) ).toBe(
			'UTC'
		);
	} );
} );
