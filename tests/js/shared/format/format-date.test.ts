/**
 * External dependencies
 */
import { afterEach, describe, expect, it } from 'vitest';
import { de } from 'date-fns/locale/de';

/**
 * WordPress dependencies
 */
import { resetLocaleData, setLocaleData } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { applySiteDateLocale } from '../../../../src/shared/format/date-locale';
import {
	formatCalendarDay,
	formatInTimeZone,
	hourLabel,
	weekdayName,
} from '../../../../src/shared/format/format-date';

// The test process runs in Asia/Tokyo (vitest.config.ts), so these results
// cannot come from the machine's own time zone.

afterEach( () => {
	resetLocaleData( undefined, 'dm-jobs' );
} );

describe( 'formatInTimeZone', () => {
	it( 'shows a moment in the zone it is given, across daylight saving time', () => {
		expect(
			formatInTimeZone(
				new Date( '2026-10-25T00:30:00Z' ),
				'dayTime',
				'Europe/Berlin'
			)
		).toBe( 'Oct 25, 02:30' );
		expect(
			formatInTimeZone(
				Date.parse( '2026-10-25T01:30:00Z' ),
				'dayTime',
				'Europe/Berlin'
			)
		).toBe( 'Oct 25, 02:30' );
		expect(
			formatInTimeZone(
				new Date( '2026-06-01T18:45:00Z' ),
				'dayTime',
				'+05:30'
			)
		).toBe( 'Jun 2, 00:15' );
	} );

	it( "writes dates in the site's language: its names, its translated order", () => {
		// As build/date-locales/de.js, which PHP enqueues on a German site.
		window.dmJobsDateLocale = de;
		applySiteDateLocale();
		setLocaleData(
			{
				'date-fns format: day and time\u0004MMM d, HH:mm': [
					'd. MMMM, HH:mm',
				],
			},
			'dm-jobs'
		);
		expect(
			formatInTimeZone(
				new Date( '2026-03-05T14:03:00Z' ),
				'dayTime',
				'Europe/Berlin'
			)
		).toBe( '5. März, 15:03' );
		expect(
			formatInTimeZone(
				new Date( '2026-03-05T14:03:00Z' ),
				'PPpp',
				'Europe/Berlin'
			)
		).toBe( '5. März 2026 15:03:00' );
	} );
} );

describe( 'formatCalendarDay', () => {
	it( "shows a day as it is, whatever the machine's zone", () => {
		expect( formatCalendarDay( '2026-03-29', 'weekdayDayYear' ) ).toBe(
			'Sun, Mar 29, 2026'
		);
	} );
} );

describe( 'weekdayName and hourLabel', () => {
	it( 'names ISO weekdays and hours', () => {
		expect( weekdayName( 1 ) ).toBe( 'Monday' );
		expect( weekdayName( 7, 'short' ) ).toBe( 'Sun' );
		expect( hourLabel( 9 ) ).toBe( '09:00' );
		expect( hourLabel( 23 ) ).toBe( '23:00' );
	} );

	it( "names weekdays in the site's language", () => {
		// As build/date-locales/de.js, which PHP enqueues on a German site.
		window.dmJobsDateLocale = de;
		applySiteDateLocale();
		expect( weekdayName( 1 ) ).toBe( 'Montag' );
		expect( weekdayName( 7, 'short' ) ).toBe( 'So.' );
	} );
} );
