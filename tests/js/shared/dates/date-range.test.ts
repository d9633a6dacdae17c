/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	isoToSiteDay,
	normalizeIsoDateTime,
	presetBounds,
	siteDayEnd,
	siteDayStart,
	siteYesterday,
} from '../../../../src/shared/dates/date-range';

describe( 'siteYesterday', () => {
	it( 'is the day before today in the site time zone', () => {
		// 03:30 UTC is still the evening before in New York.
		const now = new Date( '2025-03-10T03:30:00Z' );
		expect( siteYesterday( 'UTC', now ) ).toBe( '2025-03-09' );
		expect( siteYesterday( 'America/New_York', now ) ).toBe( '2025-03-08' );
		expect( siteYesterday( '+05:30', now ) ).toBe( '2025-03-09' );
	} );
} );

describe( 'presetBounds', () => {
	const now = new Date( '2025-03-10T12:34:56.789Z' );

	it( 'starts 24 hours, 7 days or 30 days before now and has no end', () => {
		expect( presetBounds( '24h', now ) ).toEqual( {
			after: '2025-03-09T12:34:56Z',
			before: null,
		} );
		expect( presetBounds( '7d', now ).after ).toBe(
			'2025-03-03T12:34:56Z'
		);
		expect( presetBounds( '30d', now ).after ).toBe(
			'2025-02-08T12:34:56Z'
		);
	} );
} );

describe( 'site days', () => {
	it( 'turns a day in the site zone into UTC bounds', () => {
		expect( siteDayStart( '2025-03-05', 'America/New_York' ) ).toBe(
			'2025-03-05T05:00:00Z'
		);
		expect( siteDayEnd( '2025-03-05', 'America/New_York' ) ).toBe(
			'2025-03-06T04:59:59Z'
		);
		// Across the daylight saving change (March 9, 2025 in New York).
		expect( siteDayStart( '2025-03-10', 'America/New_York' ) ).toBe(
			'2025-03-10T04:00:00Z'
		);
		expect( siteDayStart( '2025-03-05', '+05:30' ) ).toBe(
			'2025-03-04T18:30:00Z'
		);
		expect( siteDayStart( '2025-03-05', 'UTC' ) ).toBe(
			'2025-03-05T00:00:00Z'
		);
	} );

	it( 'rejects what is not a day', () => {
		expect( siteDayStart( '', 'UTC' ) ).toBeNull();
		expect( siteDayStart( '2025-02-31', 'UTC' ) ).toBeNull();
		expect( siteDayEnd( '05/03/2025', 'UTC' ) ).toBeNull();
	} );

	it( 'shows a UTC time as the day it is in the site zone', () => {
		expect(
			isoToSiteDay( '2025-03-05T03:00:00Z', 'America/New_York' )
		).toBe( '2025-03-04' );
		expect( isoToSiteDay( '2025-03-05T03:00:00Z', '+05:30' ) ).toBe(
			'2025-03-05'
		);
		expect( isoToSiteDay( null, 'UTC' ) ).toBe( '' );
		expect( isoToSiteDay( 'nonsense', 'UTC' ) ).toBe( '' );
	} );

	it( 'round-trips a day through its bounds', () => {
		const zone = 'Australia/Adelaide';
		const start = siteDayStart( '2025-10-05', zone );
		const end = siteDayEnd( '2025-10-05', zone );
		expect( isoToSiteDay( start, zone ) ).toBe( '2025-10-05' );
		expect( isoToSiteDay( end, zone ) ).toBe( '2025-10-05' );
	} );
} );

describe( 'normalizeIsoDateTime', () => {
	it( 'returns UTC without milliseconds', () => {
		expect( normalizeIsoDateTime( '2025-03-05T09:03:04-05:00' ) ).toBe(
			'2025-03-05T14:03:04Z'
		);
		expect( normalizeIsoDateTime( '2025-03-05T14:03:04.123Z' ) ).toBe(
			'2025-03-05T14:03:04Z'
		);
		expect( normalizeIsoDateTime( '2025-03-05T14:03Z' ) ).toBe(
			'2025-03-05T14:03:00Z'
		);
	} );

	it( 'rejects times without a zone and other text', () => {
		expect( normalizeIsoDateTime( '2025-03-05T14:03:04' ) ).toBeNull();
		expect( normalizeIsoDateTime( '2025-03-05' ) ).toBeNull();
		expect( normalizeIsoDateTime( 'yesterday' ) ).toBeNull();
		expect( normalizeIsoDateTime( '2025-13-45T99:00:00Z' ) ).toBeNull();
	} );
} );
