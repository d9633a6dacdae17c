/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	searchWithView,
	viewFromSearch,
} from '../../../../../src/features/insights/hooks/use-insights-view';

describe( 'view in the URL', () => {
	it( 'reads the view', () => {
		expect( viewFromSearch( '?page=dm-jobs&view=insights' ) ).toBe(
			'insights'
		);
		expect( viewFromSearch( '?page=dm-jobs&view=bogus' ) ).toBe( 'list' );
		expect( viewFromSearch( '' ) ).toBe( 'list' );
	} );

	it( 'writes it, keeping other parameters', () => {
		expect(
			searchWithView( '?page=dm-jobs&status=failed', 'insights' )
		).toBe( '?page=dm-jobs&status=failed&view=insights' );
		expect(
			searchWithView( '?page=dm-jobs&view=insights&job=5', 'list' )
		).toBe( '?page=dm-jobs&job=5' );
	} );
} );
