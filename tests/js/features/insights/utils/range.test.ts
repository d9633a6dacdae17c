/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	customRangeError,
	defaultCustomDates,
	filtersToArgs,
	rangeToArgs,
} from '../../../../../src/features/insights/utils/range';

describe( 'rangeToArgs', () => {
	it( 'passes presets through', () => {
		expect(
			rangeToArgs( { preset: '30d', from: '', to: '' }, 'UTC' )
		).toEqual( { range: '30d' } );
	} );

	it( 'turns custom dates into whole site-local days, across DST', () => {
		const args = rangeToArgs(
			{ preset: 'custom', from: '2026-03-29', to: '2026-03-29' },
			'Europe/Berlin'
		);
		expect( args ).not.toBeNull();
		expect( Date.parse( String( args?.after ) ) ).toBe(
			Date.parse( '2026-03-28T23:00:00Z' )
		);
		expect( Date.parse( String( args?.before ) ) ).toBe(
			Date.parse( '2026-03-29T21:59:59Z' )
		);
		expect( args?.range ).toBe( 'custom' );
	} );

	it( 'handles half-hour offsets', () => {
		const args = rangeToArgs(
			{ preset: 'custom', from: '2026-06-02', to: '2026-06-03' },
			'+05:30'
		);
		expect( Date.parse( String( args?.after ) ) ).toBe(
			Date.parse( '2026-06-01T18:30:00Z' )
		);
	} );

	it( 'refuses unusable custom ranges', () => {
		expect(
			rangeToArgs(
				{ preset: 'custom', from: '2026-03-30', to: '2026-03-29' },
				'UTC'
			)
		).toBeNull();
		expect(
			rangeToArgs(
				{ preset: 'custom', from: '', to: '2026-03-29' },
				'UTC'
			)
		).toBeNull();
	} );
} );

describe( 'customRangeError', () => {
	it( 'explains what is wrong', () => {
		expect( customRangeError( '2026-02-30', '2026-03-01' ) ).toBe(
			'Enter both dates.'
		);
		expect( customRangeError( '2026-03-02', '2026-03-01' ) ).toBe(
			'The start date must not be after the end date.'
		);
		expect( customRangeError( '2023-01-01', '2026-03-01' ) ).toBe(
			'A custom range can span at most two years.'
		);
		expect( customRangeError( '2026-03-01', '2026-03-01' ) ).toBeNull();
	} );
} );

describe( 'defaults and filters', () => {
	it( 'starts a custom range at the last 7 site-local days', () => {
		expect(
			defaultCustomDates(
				'America/New_York',
				new Date( '2026-03-10T03:00:00Z' )
			)
		).toEqual( { from: '2026-03-03', to: '2026-03-09' } );
	} );

	it( 'sends only the filters that are set', () => {
		expect( filtersToArgs( { pipelineId: null, flowId: null } ) ).toEqual(
			{}
		);
		expect( filtersToArgs( { pipelineId: 3, flowId: 7 } ) ).toEqual( {
			pipeline_id: 3,
			flow_id: 7,
		} );
	} );
} );
