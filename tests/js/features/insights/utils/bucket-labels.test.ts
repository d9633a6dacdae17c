/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	formatBucketLabel,
	formatBucketTitle,
} from '../../../../../src/features/insights/utils/bucket-labels';

const WEEK = {
	key: '2026-03-23',
	start: '2026-03-22T23:00:00Z',
	end: '2026-03-29T22:00:00Z',
	date: '2026-03-23',
};

const HOUR = {
	key: '1774792800',
	start: '2026-03-29T14:00:00Z',
	end: '2026-03-29T15:00:00Z',
	date: null,
};

describe( 'bucket labels', () => {
	it( 'names week and day buckets by their date', () => {
		expect( formatBucketTitle( WEEK, 'week', 'Europe/Berlin' ) ).toBe(
			'Week of Mar 23, 2026'
		);
		expect( formatBucketTitle( WEEK, 'day', 'Europe/Berlin' ) ).toBe(
			'Mon, Mar 23, 2026'
		);
		expect( formatBucketLabel( WEEK, 'day', 'Europe/Berlin' ) ).toBe(
			'Mar 23'
		);
	} );

	it( 'shows hour buckets in the site zone', () => {
		expect( formatBucketLabel( HOUR, 'hour', 'Europe/Berlin' ) ).toBe(
			'16:00'
		);
		expect( formatBucketTitle( HOUR, 'hour', 'Europe/Berlin' ) ).toBe(
			'Sun, Mar 29, 16:00'
		);
	} );
} );
