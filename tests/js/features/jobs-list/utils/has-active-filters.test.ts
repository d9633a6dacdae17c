/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { DEFAULT_QUERY } from '../../../../../src/features/jobs-list/store/constants';
import { hasActiveFilters } from '../../../../../src/features/jobs-list/utils/has-active-filters';

describe( 'hasActiveFilters', () => {
	it( 'is false for the default query, whatever the page or sort', () => {
		expect( hasActiveFilters( DEFAULT_QUERY ) ).toBe( false );
		expect(
			hasActiveFilters( {
				...DEFAULT_QUERY,
				page: 4,
				orderby: 'created_at',
				order: 'asc',
				search: '  ',
			} )
		).toBe( false );
	} );

	it.each( [
		[ 'status', { status: [ 'failed' as const ] } ],
		[ 'pipeline', { pipelineId: 2 } ],
		[ 'flow', { flowId: 5 } ],
		[ 'search', { search: 'rss' } ],
		[ 'after', { after: '2025-01-01T00:00:00Z' } ],
		[ 'before', { before: '2025-01-01T00:00:00Z' } ],
	] )( 'is true with a %s filter', ( _name, changes ) => {
		expect( hasActiveFilters( { ...DEFAULT_QUERY, ...changes } ) ).toBe(
			true
		);
	} );
} );
