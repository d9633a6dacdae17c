/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { isJobListItem } from '../../../../src/shared/api/is-job-list-item';
import { makeJob } from '../../helpers/make-job';

describe( 'isJobListItem', () => {
	it( 'accepts jobs of a saved pipeline and flow', () => {
		expect( isJobListItem( makeJob() ) ).toBe( true );
	} );

	it( 'accepts jobs today’s Data Machine ran without a saved pipeline', () => {
		expect(
			isJobListItem(
				makeJob( {
					pipeline_id: null,
					flow_id: null,
					pipeline_name: 'Direct',
					flow_name: 'Daily memory',
					source: 'system',
					label: 'Daily memory',
				} )
			)
		).toBe( true );
	} );

	it( 'accepts statuses it does not know', () => {
		expect(
			isJobListItem(
				makeJob( { status: 'quarantined', status_known: false } )
			)
		).toBe( true );
	} );

	it( 'refuses IDs of the wrong type', () => {
		expect( isJobListItem( { ...makeJob(), pipeline_id: '3' } ) ).toBe(
			false
		);
		expect( isJobListItem( { ...makeJob(), id: null } ) ).toBe( false );
	} );
} );
