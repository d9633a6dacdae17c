/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { BASE_STATUSES } from '../../../../src/shared/types';
import {
	getStatusLabel,
	getStatusTone,
} from '../../../../src/shared/status/status-display';

describe( 'getStatusLabel', () => {
	it( 'labels every base status', () => {
		expect( BASE_STATUSES.map( getStatusLabel ) ).toEqual( [
			'Pending',
			'Processing',
			'Waiting',
			'Completed',
			'Completed (no items)',
			'Failed',
			'Cancelled',
			'Skipped by agent',
		] );
	} );

	it( 'shows unknown statuses as stored', () => {
		expect( getStatusLabel( 'exploded' ) ).toBe( 'exploded' );
		expect( getStatusLabel( '' ) ).toBe( 'Unknown' );
	} );
} );

describe( 'getStatusTone', () => {
	it( 'is green for completed, red for failed, neutral otherwise', () => {
		expect(
			Object.fromEntries(
				BASE_STATUSES.map( ( status ) => [
					status,
					getStatusTone( status ),
				] )
			)
		).toEqual( {
			pending: 'neutral',
			processing: 'neutral',
			waiting: 'neutral',
			completed: 'completed',
			completed_no_items: 'neutral',
			failed: 'failed',
			cancelled: 'neutral',
			agent_skipped: 'neutral',
		} );
		expect( getStatusTone( 'exploded' ) ).toBe( 'neutral' );
	} );
} );
