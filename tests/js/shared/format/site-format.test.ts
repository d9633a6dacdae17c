/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	getSiteFormat,
	setSiteFormat,
	siteFormatOf,
} from '../../../../src/shared/format/site-format';

describe( 'siteFormatOf', () => {
	it( 'reads the locale and a named zone from the boot data', () => {
		expect(
			siteFormatOf( {
				locale: 'de_DE',
				timezone: { name: 'Europe/Berlin', offsetMinutes: 60 },
			} )
		).toEqual( {
			intlLocale: 'de-DE',
			timeZone: 'Europe/Berlin',
			timeZoneLabel: 'Europe/Berlin',
		} );
	} );

	it( 'uses the fixed offset when the site has no zone name', () => {
		expect(
			siteFormatOf( {
				locale: 'en_US',
				timezone: { name: '', offsetMinutes: 330 },
			} )
		).toEqual( {
			intlLocale: 'en-US',
			timeZone: '+05:30',
			timeZoneLabel: 'UTC+05:30',
		} );
	} );
} );

describe( 'setSiteFormat', () => {
	it( 'is what every formatter reads afterwards', () => {
		setSiteFormat( {
			locale: 'fr_FR',
			timezone: { name: 'Europe/Paris', offsetMinutes: 60 },
		} );
		expect( getSiteFormat() ).toEqual( {
			intlLocale: 'fr-FR',
			timeZone: 'Europe/Paris',
			timeZoneLabel: 'Europe/Paris',
		} );
	} );
} );
