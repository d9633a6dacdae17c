/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	formatBucketTitle,
	formatBytes,
	formatDuration,
	formatMoment,
	formatPercent,
	hourLabel,
	weekdayName,
} from '../../../../../src/features/insights/utils/format';

describe( 'formatDuration', () => {
	it.each( [
		[ null, '—' ],
		[ 0, '0 s' ],
		[ 12.46, '12.5 s' ],
		[ 200, '3 min 20 s' ],
		[ 3599.6, '1 h 0 min' ],
		[ 7500, '2 h 5 min' ],
	] )( '%s → %s', ( seconds, text ) => {
		expect( formatDuration( seconds ) ).toBe( text );
	} );
} );

describe( 'formatPercent', () => {
	it( 'uses one decimal and a dash for no value', () => {
		expect( formatPercent( 0.97543 ) ).toBe( '97.5%' );
		expect( formatPercent( 1 ) ).toBe( '100%' );
		expect( formatPercent( null ) ).toBe( '—' );
	} );
} );

describe( 'formatBytes', () => {
	it( 'picks a unit', () => {
		expect( formatBytes( 512 ) ).toBe( '512 B' );
		expect( formatBytes( 1536 ) ).toBe( '1.5 KB' );
		expect( formatBytes( 1181116006 ) ).toBe( '1.1 GB' );
		expect( formatBytes( null ) ).toBe( '—' );
	} );
} );

describe( 'site time', () => {
	it( 'shows moments and week buckets in the site zone', () => {
		expect( formatMoment( '2026-10-25T00:30:00Z', 'Europe/Berlin' ) ).toBe(
			'Oct 25, 02:30'
		);
		expect( formatMoment( '2026-10-25T01:30:00Z', 'Europe/Berlin' ) ).toBe(
			'Oct 25, 02:30'
		);
		expect( formatMoment( '2026-06-01T18:45:00Z', '+05:30' ) ).toBe(
			'Jun 2, 00:15'
		);
		expect(
			formatBucketTitle(
				{
					key: '2026-03-23',
					start: '2026-03-22T23:00:00Z',
					end: '2026-03-29T22:00:00Z',
					date: '2026-03-23',
				},
				'week',
				'Europe/Berlin'
			)
		).toBe( 'Week of Mar 23, 2026' );
	} );

	it( 'names ISO weekdays and hours', () => {
		expect( weekdayName( 1 ) ).toBe( 'Monday' );
		expect( weekdayName( 7, 'short' ) ).toBe( 'Sun' );
		expect( hourLabel( 9 ) ).toBe( '09:00' );
	} );
} );
