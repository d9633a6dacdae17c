/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	matchesCount,
	needsTypedCount,
} from '../../../../../src/features/admin-tools/components/confirm-count';
import { filterParams } from '../../../../../src/shared/api/jobs-api';
import { formatRows } from '../../../../../src/features/admin-tools/utils/row-counts';
import type { JobsQuery } from '../../../../../src/shared/types';

describe( 'admin tools', () => {
	it( 'counts the rows an operation touches', () => {
		expect( formatRows( 1, 'jobs' ) ).toBe( '1 job' );
		expect( formatRows( 12345, 'lines' ) ).toBe( '12,345 log lines' );
	} );

	it( 'asks for the typed count only above 1,000 and accepts separators', () => {
		expect( needsTypedCount( 1000 ) ).toBe( false );
		expect( needsTypedCount( 1001 ) ).toBe( true );
		expect( matchesCount( '12,345', 12345 ) ).toBe( true );
		expect( matchesCount( '12 345', 12345 ) ).toBe( true );
		expect( matchesCount( '12344', 12345 ) ).toBe( false );
		expect( matchesCount( '', 0 ) ).toBe( false );
	} );

	it( 'sends exactly the list filter, without paging or sort', () => {
		const query: JobsQuery = {
			page: 4,
			perPage: 50,
			status: [ 'failed', 'cancelled' ],
			pipelineId: 3,
			flowId: null,
			search: ' timeout ',
			after: '2026-02-01T00:00:00Z',
			before: null,
			orderby: 'created_at',
			order: 'asc',
		};
		expect( filterParams( query ) ).toEqual( {
			status: 'failed,cancelled',
			pipeline_id: 3,
			search: 'timeout',
			after: '2026-02-01T00:00:00Z',
		} );
	} );
} );
