/**
 * External dependencies
 */
import { de } from 'date-fns/locale/de';
import { ptBR } from 'date-fns/locale/pt-BR';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	applySiteDateLocale,
	getDateLocale,
} from '../../../../src/shared/format/date-locale';
import { formatRelativeTime } from '../../../../src/shared/format/format-timestamp';

describe( 'applySiteDateLocale', () => {
	it.each( [
		[ de, 'de' ],
		[ ptBR, 'pt-BR' ],
	] )(
		'uses the date-fns locale the page loaded (%#: %s)',
		( locale, code ) => {
			window.dmJobsDateLocale = locale;
			expect( applySiteDateLocale().code ).toBe( code );
			expect( getDateLocale() ).toBe( locale );
		}
	);

	it( 'writes dates in that language from then on', () => {
		window.dmJobsDateLocale = de;
		applySiteDateLocale();
		expect(
			formatRelativeTime(
				new Date( '2025-03-05T14:55:00Z' ),
				new Date( '2025-03-05T15:00:00Z' )
			)
		).toBe( 'vor 5 Minuten' );
	} );

	it.each( [ undefined, null, 'de', { code: 'de' } ] )(
		'stays in US English when the page has no locale (%s)',
		( value ) => {
			window.dmJobsDateLocale = de;
			applySiteDateLocale();
			window.dmJobsDateLocale = value;
			expect( applySiteDateLocale().code ).toBe( 'en-US' );
			expect( getDateLocale().code ).toBe( 'en-US' );
		}
	);
} );
