/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	parseStatus,
	resolveJobStatus,
} from '../../../../src/shared/status/parse-status';

describe( 'parseStatus', () => {
	it.each( [
		[ 'pending', 'pending', null ],
		[ 'processing', 'processing', null ],
		[ 'completed', 'completed', null ],
		[ 'completed_no_items', 'completed_no_items', null ],
		[ 'failed', 'failed', null ],
		[ 'cancelled', 'cancelled', null ],
		[ 'agent_skipped', 'agent_skipped', null ],
	] )( 'reads the base status %s', ( raw, status, reason ) => {
		expect( parseStatus( raw ) ).toEqual( {
			status,
			reason,
			isKnown: true,
		} );
	} );

	it.each( [
		[
			'failed - step_execution_failure',
			'failed',
			'step_execution_failure',
		],
		[ 'failed: timeout after 30s', 'failed', 'timeout after 30s' ],
		[ 'agent_skipped - duplicate item', 'agent_skipped', 'duplicate item' ],
		[
			'failed - step: fetch - HTTP 500',
			'failed',
			'step: fetch - HTTP 500',
		],
		[ 'failed: a - b', 'failed', 'a - b' ],
		[ '  FAILED - x ', 'failed', 'x' ],
	] )(
		'splits the compound status "%s" at the first separator',
		( raw, status, reason ) => {
			expect( parseStatus( raw ) ).toEqual( {
				status,
				reason,
				isKnown: true,
			} );
		}
	);

	it.each( [
		[ 'running', 'processing', null ],
		[ 'complete', 'completed', null ],
		[ 'completed_with_errors', 'completed', 'completed with errors' ],
		// The 21-character value as a varchar(20) column stored it.
		[ 'completed_with_error', 'completed', 'completed with errors' ],
	] )( 'maps the legacy status %s', ( raw, status, reason ) => {
		expect( parseStatus( raw ) ).toEqual( {
			status,
			reason,
			isKnown: true,
		} );
	} );

	it( 'keeps an unknown status as stored, marked unknown', () => {
		expect( parseStatus( 'exploded - boom' ) ).toEqual( {
			status: 'exploded',
			reason: 'boom',
			isKnown: false,
		} );
	} );

	it( 'treats an empty reason as none', () => {
		expect( parseStatus( 'failed: ' ) ).toEqual( {
			status: 'failed',
			reason: null,
			isKnown: true,
		} );
		expect( parseStatus( 'completed_with_errors:' ) ).toEqual( {
			status: 'completed',
			reason: null,
			isKnown: true,
		} );
	} );

	it( 'trims before splitting, as the server does', () => {
		// "failed - " trims to "failed -", which has no " - " separator.
		expect( parseStatus( 'failed - ' ) ).toEqual( {
			status: 'failed -',
			reason: null,
			isKnown: false,
		} );
	} );
} );

describe( 'resolveJobStatus', () => {
	it( "trusts the server's normalised status and reason", () => {
		expect(
			resolveJobStatus( {
				status: 'failed',
				status_reason: 'step_execution_failure',
				raw_status: 'failed - step_execution_failure',
			} )
		).toEqual( {
			status: 'failed',
			reason: 'step_execution_failure',
			isKnown: true,
		} );
	} );

	it( 'parses the raw status when the server sends an unknown base', () => {
		expect(
			resolveJobStatus( {
				// Simulates a server older or newer than this screen.
				status: 'running' as 'processing',
				status_reason: null,
				raw_status: 'running',
			} )
		).toEqual( { status: 'processing', reason: null, isKnown: true } );
	} );

	it( 'keeps the reason stored apart from an unknown status', () => {
		expect(
			resolveJobStatus( {
				status: 'quarantined',
				status_reason: 'manual review requested',
				raw_status: 'quarantined',
			} )
		).toEqual( {
			status: 'quarantined',
			reason: 'manual review requested',
			isKnown: false,
		} );
		expect(
			resolveJobStatus( {
				status: 'quarantined',
				status_reason: 'ignored',
				raw_status: 'quarantined - from the status column',
			} ).reason
		).toBe( 'from the status column' );
	} );
} );
