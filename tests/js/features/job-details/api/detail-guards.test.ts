/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	isGetJobsByIdLogsResponse,
	isGetJobsByIdResponse,
} from '../../../../../src/generated/rest-contract';
import { isSafeHttpUrl } from '../../../../../src/features/job-details/utils/safe-http-url';
import { makeDetail, makeFailedDetail } from '../helpers/make-detail';

function asReceived( value: unknown ): unknown {
	return JSON.parse( JSON.stringify( value ) );
}

describe( 'the generated guard of GET /jobs/{id}', () => {
	it( 'accepts a detail as the server sends it', () => {
		expect( isGetJobsByIdResponse( asReceived( makeDetail() ) ) ).toBe(
			true
		);
		expect(
			isGetJobsByIdResponse( asReceived( makeFailedDetail() ) )
		).toBe( true );
	} );

	it( 'accepts an empty engine_data, which PHP sends as a JSON array', () => {
		expect(
			isGetJobsByIdResponse(
				asReceived( makeDetail( { engine_data: [] } ) )
			)
		).toBe( true );
	} );

	it( 'refuses a job without its diagnostic fields', () => {
		const { steps, ...withoutSteps } = makeDetail();
		expect( steps ).toHaveLength( 2 );
		expect( isGetJobsByIdResponse( asReceived( withoutSteps ) ) ).toBe(
			false
		);
	} );

	it( 'refuses a diagnostic part of the wrong shape', () => {
		const failed = makeFailedDetail();
		const wrong: Record< string, unknown >[] = [
			{ failure: { ...failed.failure, message: { html: '<b>x</b>' } } },
			{ steps: [ { ...failed.steps[ 0 ], state: 'exploded' } ] },
			{ resolution: { ...failed.resolution, matched_by: 'guess' } },
			{
				config_checks: [
					{
						id: 'x',
						scope: 'flow',
						status: 'purple',
						message: 'm',
						field: null,
					},
				],
			},
			{ log_counts: { total: 1, by_level: { error: 1 } } },
			{ failure_context: { step: null, details: null } },
		];
		for ( const fields of wrong ) {
			expect(
				isGetJobsByIdResponse( asReceived( { ...failed, ...fields } ) )
			).toBe( false );
		}
	} );

	it( 'refuses what is not a job', () => {
		expect( isGetJobsByIdResponse( null ) ).toBe( false );
		expect( isGetJobsByIdResponse( { id: 'x' } ) ).toBe( false );
	} );
} );

describe( 'the generated guard of GET /jobs/{id}/logs', () => {
	const line = {
		id: 1,
		job_id: 4,
		level: 'error',
		step: null,
		message: 'ok',
		context: { a: 1 },
		http_status: null,
		truncated: false,
		created_at: '2026-01-01T00:00:00Z',
	};
	const page = {
		items: [ line ],
		next_cursor: 1,
		prev_cursor: 1,
		has_more: false,
		has_older: false,
	};

	it( 'accepts a page, a list context included', () => {
		expect( isGetJobsByIdLogsResponse( page ) ).toBe( true );
		expect(
			isGetJobsByIdLogsResponse( {
				...page,
				items: [ { ...line, context: [ 1, 2 ] } ],
			} )
		).toBe( true );
	} );

	it( 'refuses a line of an unknown level and a page without cursors', () => {
		expect(
			isGetJobsByIdLogsResponse( {
				...page,
				items: [ { ...line, level: 'loud' } ],
			} )
		).toBe( false );
		const { next_cursor: nextCursor, ...noCursor } = page;
		expect( nextCursor ).toBe( 1 );
		expect( isGetJobsByIdLogsResponse( noCursor ) ).toBe( false );
	} );
} );

describe( 'isSafeHttpUrl', () => {
	it( 'lets only web links into an href', () => {
		expect( isSafeHttpUrl( 'https://example.com/docs' ) ).toBe( true );
		expect( isSafeHttpUrl( 'http://example.com/' ) ).toBe( true );
		expect( isSafeHttpUrl( 'javascript:alert(1)' ) ).toBe( false );
		expect( isSafeHttpUrl( 'data:text/html,<script>' ) ).toBe( false );
		expect( isSafeHttpUrl( 'not a url' ) ).toBe( false );
	} );
} );
