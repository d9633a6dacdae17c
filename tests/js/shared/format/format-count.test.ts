/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	formatApproximateNumber,
	formatCount,
	formatJobsTotal,
	formatNewJobs,
} from '../../../../src/shared/format/format-count';
import {
	formatDecimal,
	formatNumber,
} from '../../../../src/shared/format/format-number';
import { setSiteFormat } from '../../../../src/shared/format/site-format';

describe( 'counts', () => {
	it( "groups in the site's locale", () => {
		setSiteFormat( {
			locale: 'de_DE',
			timezone: { name: 'Europe/Berlin', offsetMinutes: 60 },
		} );
		expect( formatNumber( 1234567 ) ).toBe( '1.234.567' );
		expect( formatCount( 1234567 ) ).toBe( '1.234.567' );
		expect( formatApproximateNumber( 1_234_567 ) ).toBe( '1,2\u00a0Mio.' );
		expect( formatDecimal( 12.46 ) ).toBe( '12,5' );
	} );

	it( 'groups exact numbers', () => {
		expect( formatJobsTotal( 1 ) ).toBe( '1 job' );
		expect( formatJobsTotal( 3000 ) ).toBe( '3,000 jobs' );
		expect( formatCount( 1234567 ) ).toBe( '1,234,567' );
	} );

	it( 'says "about" and shortens estimates', () => {
		expect( formatApproximateNumber( 1_234_567 ) ).toBe( '1.2M' );
		expect( formatApproximateNumber( 45_600 ) ).toBe( '45.6K' );
		expect( formatApproximateNumber( 9_876 ) ).toBe( '9,876' );
		expect( formatJobsTotal( 1_234_567, false ) ).toBe( 'about 1.2M jobs' );
		expect( formatCount( 12_000_000, false ) ).toBe( 'about 12M' );
	} );

	it( 'counts new jobs up to "100+"', () => {
		expect( formatNewJobs( 1 ) ).toBe( '1 new job' );
		expect( formatNewJobs( 100 ) ).toBe( '100 new jobs' );
		expect( formatNewJobs( 101 ) ).toBe( '100+ new jobs' );
	} );
} );
