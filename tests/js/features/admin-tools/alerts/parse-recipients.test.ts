/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	looksLikeEmail,
	parseRecipients,
} from '../../../../../src/features/admin-tools/alerts/utils/parse-recipients';

describe( 'parseRecipients', () => {
	it( 'splits on commas, semicolons, spaces and new lines, dropping empty parts and duplicates', () => {
		expect(
			parseRecipients(
				' ops@example.test, dev@example.test;\nOPS@example.test  ,, qa@example.test '
			)
		).toEqual( [
			'ops@example.test',
			'dev@example.test',
			'qa@example.test',
		] );
		expect( parseRecipients( '   ' ) ).toEqual( [] );
	} );

	it( 'tells addresses apart from other text', () => {
		expect( looksLikeEmail( 'ops@example.test' ) ).toBe( true );
		expect( looksLikeEmail( 'not an email' ) ).toBe( false );
		expect( looksLikeEmail( 'ops@localhost' ) ).toBe( false );
	} );
} );
