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
import { formatDuration } from '../../../../src/shared/format/format-duration';
import { formatUpdatedAgo } from '../../../../src/shared/format/format-updated';

describe( 'counts', () => {
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
	] )( '%s seconds → %s', ( seconds, text ) => {
		expect( formatDuration( seconds ) ).toBe( text );
	} );
} );

describe( 'formatUpdatedAgo', () => {
	const at = Date.UTC( 2025, 2, 5, 14, 0, 0 );

	it( 'is coarse, so the live region stays quiet', () => {
		expect( formatUpdatedAgo( at, at + 2_000 ) ).toBe( 'Updated just now' );
		expect( formatUpdatedAgo( at, at + 9_999 ) ).toBe( 'Updated just now' );
		expect( formatUpdatedAgo( at, at + 34_000 ) ).toBe(
			'Updated 30 s ago'
		);
		expect( formatUpdatedAgo( at, at + 125_000 ) ).toBe(
			'Updated 2 min ago'
		);
		expect( formatUpdatedAgo( at, at + 2 * 3600_000 ) ).toBe(
			'Updated 2 h ago'
		);
		expect( formatUpdatedAgo( at, at - 5_000 ) ).toBe( 'Updated just now' );
	} );
} );
