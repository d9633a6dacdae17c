/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	normalizeJobDetail,
	normalizeLogPage,
} from '../../../../../src/features/job-details/api/normalize';
import { makeJob } from '../../../helpers/make-job';
import { makeFailedDetail } from '../helpers/make-detail';

describe( 'normalizeJobDetail', () => {
	it( 'keeps a well-formed detail as it is', () => {
		const detail = makeFailedDetail();
		expect(
			normalizeJobDetail( JSON.parse( JSON.stringify( detail ) ) )
		).toEqual( detail );
	} );

	it( 'fills the diagnostic fields a server without them does not send', () => {
		const job = normalizeJobDetail( {
			...makeJob(),
			engine_data: null,
			failure: null,
		} );
		expect( job ).not.toBeNull();
		expect( job?.steps ).toEqual( [] );
		expect( job?.resolution ).toBeNull();
		expect( job?.log_counts.total ).toBe( 0 );
		expect( job?.log_counts.by_level.critical ).toBe( 0 );
	} );

	it( 'never lets a non-string reach the view, nor an unsafe link', () => {
		const job = normalizeJobDetail( {
			...makeJob(),
			engine_data: [ 'not', 'an object' ],
			failure: { message: { html: '<b>x</b>' }, trace: 7 },
			steps: [ { id: 'a', state: 'exploded', label: [ 'x' ] }, 'junk' ],
			resolution: {
				title: 'Fix it',
				known: true,
				steps: [ 'One', { two: 2 } ],
				links: [
					{ label: 'Evil', url: 'javascript:alert(1)' },
					{ label: 'Data', url: 'data:text/html,<script>' },
					{ label: 'Good', url: 'https://example.com/docs' },
				],
			},
			config_checks: [
				{ id: 'x', status: 'purple', message: 'dropped' },
				{
					id: 'y',
					status: 'error',
					message: 'kept',
					scope: 'pipeline',
				},
			],
		} );
		expect( job?.engine_data ).toBeNull();
		expect( job?.failure?.message ).toBeNull();
		expect( job?.failure?.trace ).toBe( '7' );
		expect( job?.steps ).toEqual( [
			{
				id: 'a',
				type: null,
				label: 'a',
				position: 0,
				state: 'unknown',
				log_lines: 0,
			},
		] );
		expect( job?.resolution?.steps ).toEqual( [ 'One' ] );
		expect( job?.resolution?.links ).toEqual( [
			{ label: 'Good', url: 'https://example.com/docs' },
		] );
		expect( job?.config_checks.map( ( check ) => check.id ) ).toEqual( [
			'y',
		] );
	} );

	it( 'refuses what is not a job', () => {
		expect( normalizeJobDetail( null ) ).toBeNull();
		expect( normalizeJobDetail( { id: 'x' } ) ).toBeNull();
	} );
} );

describe( 'normalizeLogPage', () => {
	it( 'reads lines and cursors, dropping malformed lines', () => {
		const page = normalizeLogPage( {
			items: [
				{
					id: 1,
					level: 'error',
					message: 'ok',
					step: null,
					context: { a: 1 },
				},
				{ id: 2, level: 'loud', message: 'unknown level' },
				{ id: 'x', message: 'no id' },
				{ id: 3, message: { html: 'not text' } },
			],
			next_cursor: 2,
			prev_cursor: 1,
			has_more: true,
			has_older: 'yes',
		} );
		expect(
			page?.items.map( ( line ) => [ line.id, line.level ] )
		).toEqual( [
			[ 1, 'error' ],
			[ 2, 'info' ],
		] );
		expect( page?.has_more ).toBe( true );
		expect( page?.has_older ).toBe( false );
		expect( normalizeLogPage( { items: 'nope' } ) ).toBeNull();
	} );
} );
