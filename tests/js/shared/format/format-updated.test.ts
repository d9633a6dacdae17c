/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { formatUpdatedAgo } from '../../../../src/shared/format/format-updated';

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
