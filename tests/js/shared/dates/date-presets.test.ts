/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	datePresetLabel,
	insightsPresetSpan,
} from '../../../../src/shared/dates/date-presets';

describe( 'date presets', () => {
	it( 'names each preset once for every screen', () => {
		expect( datePresetLabel( 'any' ) ).toBe( 'Any time' );
		expect( datePresetLabel( 'yesterday' ) ).toBe( 'Yesterday' );
		expect( datePresetLabel( '24h' ) ).toBe( 'Last 24 hours' );
		expect( datePresetLabel( '7d' ) ).toBe( 'Last 7 days' );
		expect( datePresetLabel( '30d' ) ).toBe( 'Last 30 days' );
		expect( datePresetLabel( '90d' ) ).toBe( 'Last 90 days' );
		expect( datePresetLabel( 'custom' ) ).toBe( 'Custom range' );
	} );

	it( "says where Insights counts whole days instead of the list's rolling window", () => {
		expect( insightsPresetSpan( '7d', 'Europe/Berlin' ) ).toBe(
			'Whole days: today and the 6 days before (Europe/Berlin).'
		);
		expect( insightsPresetSpan( '90d', 'UTC' ) ).toBe(
			'Whole days: today and the 89 days before (UTC).'
		);
		expect( insightsPresetSpan( '24h', 'UTC' ) ).toBe(
			'Whole hours: this hour and the 23 before (UTC).'
		);
		expect( insightsPresetSpan( 'yesterday', 'UTC' ) ).toBeNull();
		expect( insightsPresetSpan( 'custom', 'UTC' ) ).toBeNull();
	} );
} );
