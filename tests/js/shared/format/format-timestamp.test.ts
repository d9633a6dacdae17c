/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';
import { de } from 'date-fns/locale/de';

/**
 * Internal dependencies
 */
import { applySiteDateLocale } from '../../../../src/shared/format/date-locale';
import {
	formatExactTime,
	formatMoment,
	formatRelativeTime,
	formatShortTime,
	formatTimeOfDay,
	parseTimestamp,
} from '../../../../src/shared/format/format-timestamp';

// The test process runs in Asia/Tokyo (vitest.config.ts), so these results
// cannot come from the machine's own time zone.

describe( 'parseTimestamp', () => {
	it( 'reads ISO 8601 UTC', () => {
		expect( parseTimestamp( '2025-03-05T14:03:04Z' )?.toISOString() ).toBe(
			'2025-03-05T14:03:04.000Z'
		);
	} );

	it( 'reads a zone-less MySQL date-time as UTC', () => {
		expect( parseTimestamp( '2025-03-05 14:03:04' )?.toISOString() ).toBe(
			'2025-03-05T14:03:04.000Z'
		);
	} );

	it( 'returns null for missing or unreadable values', () => {
		expect( parseTimestamp( null ) ).toBeNull();
		expect( parseTimestamp( '' ) ).toBeNull();
		expect( parseTimestamp( 'yesterday' ) ).toBeNull();
	} );
} );

describe( 'formatExactTime', () => {
	const winter = new Date( '2025-01-15T14:03:04Z' );
	const summer = new Date( '2025-07-15T14:03:04Z' );

	it( 'converts to America/New_York, including daylight saving time', () => {
		expect(
			formatExactTime( winter, 'America/New_York', 'America/New_York' )
		).toBe( 'Jan 15, 2025, 9:03:04 AM (America/New_York)' );
		expect(
			formatExactTime( summer, 'America/New_York', 'America/New_York' )
		).toBe( 'Jul 15, 2025, 10:03:04 AM (America/New_York)' );
	} );

	it( 'converts to a fixed +05:30 offset', () => {
		expect( formatExactTime( winter, '+05:30', 'UTC+05:30' ) ).toBe(
			'Jan 15, 2025, 7:33:04 PM (UTC+05:30)'
		);
	} );

	it( 'moves to the next day when the offset crosses midnight', () => {
		expect(
			formatExactTime(
				new Date( '2025-01-15T20:00:00Z' ),
				'+05:30',
				'UTC+05:30'
			)
		).toBe( 'Jan 16, 2025, 1:30:00 AM (UTC+05:30)' );
	} );
} );

describe( 'formatRelativeTime', () => {
	const now = new Date( '2025-03-05T15:00:00Z' );

	it( 'describes past times relative to now', () => {
		expect(
			formatRelativeTime( new Date( '2025-03-05T14:55:00Z' ), now )
		).toBe( '5 minutes ago' );
		expect(
			formatRelativeTime( new Date( '2025-03-02T15:00:00Z' ), now )
		).toBe( '3 days ago' );
	} );

	it( 'does not depend on the time zone', () => {
		expect(
			formatRelativeTime( new Date( '2025-03-05T13:00:00Z' ), now )
		).toBe( 'about 2 hours ago' );
	} );
} );

describe( 'in German', () => {
	it( "writes relative times in the site's language", () => {
		// As build/date-locales/de.js, which PHP enqueues on a German site.
		window.dmJobsDateLocale = de;
		applySiteDateLocale();
		const now = new Date( '2025-03-05T15:00:00Z' );
		expect(
			formatRelativeTime( new Date( '2025-03-05T14:55:00Z' ), now )
		).toBe( 'vor 5 Minuten' );
		expect(
			formatRelativeTime( new Date( '2025-03-02T15:00:00Z' ), now )
		).toBe( 'vor 3 Tagen' );
	} );

	it( "writes exact times in the site's language and zone", () => {
		// As build/date-locales/de.js, which PHP enqueues on a German site.
		window.dmJobsDateLocale = de;
		applySiteDateLocale();
		const march = new Date( '2025-03-05T14:03:04Z' );
		expect(
			formatExactTime( march, 'Europe/Berlin', 'Europe/Berlin' )
		).toBe( '5. März 2025 15:03:04 (Europe/Berlin)' );
	} );
} );

describe( 'formatShortTime', () => {
	const date = new Date( '2025-03-05T14:03:04Z' );

	it( 'leaves the year out in the current year of the site zone', () => {
		expect(
			formatShortTime(
				date,
				'America/New_York',
				new Date( '2025-12-01T00:00:00Z' )
			)
		).toBe( 'Mar 5, 09:03' );
	} );

	it( 'shows the year of another year', () => {
		expect(
			formatShortTime(
				date,
				'America/New_York',
				new Date( '2026-01-01T12:00:00Z' )
			)
		).toBe( 'Mar 5 2025, 09:03' );
	} );
} );

describe( 'formatMoment', () => {
	it( 'shows a moment in the site zone without the year', () => {
		expect( formatMoment( '2026-10-25T00:30:00Z', 'Europe/Berlin' ) ).toBe(
			'Oct 25, 02:30'
		);
		expect( formatMoment( '2026-06-01T18:45:00Z', '+05:30' ) ).toBe(
			'Jun 2, 00:15'
		);
	} );

	it( 'shows a dash for an unreadable timestamp', () => {
		expect( formatMoment( 'soon', 'UTC' ) ).toBe( '—' );
		expect( formatMoment( null, 'UTC' ) ).toBe( '—' );
	} );
} );

describe( 'formatTimeOfDay', () => {
	it( 'shows the time to the second in the site zone', () => {
		expect(
			formatTimeOfDay( '2025-01-15T14:03:07Z', 'America/New_York' )
		).toBe( '09:03:07' );
		expect( formatTimeOfDay( '2025-01-15 20:00:00', '+05:30' ) ).toBe(
			'01:30:00'
		);
		expect( formatTimeOfDay( null, 'UTC' ) ).toBe( '—' );
	} );
} );
