/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { DEFAULT_QUERY } from '../../../../../src/features/jobs-list/store/constants';
import {
	mergeQuery,
	mergeView,
} from '../../../../../src/features/jobs-list/store/view';
import { DEFAULT_VIEW } from '../../../../../src/features/jobs-list/url/view-url';

const NOW = new Date( '2025-03-10T12:00:00Z' );

describe( 'mergeView', () => {
	it( 'goes back to page 1 when a filter changes, not when the page does', () => {
		const onPage3 = { ...DEFAULT_VIEW, page: 3 };
		expect( mergeView( onPage3, { status: [ 'failed' ] }, NOW ).page ).toBe(
			1
		);
		expect( mergeView( onPage3, { page: 4 }, NOW ).page ).toBe( 4 );
	} );

	it( 'computes a preset range from now, and clears it for any time', () => {
		const week = mergeView( DEFAULT_VIEW, { range: '7d' }, NOW );
		expect( week ).toMatchObject( {
			range: '7d',
			after: '2025-03-03T12:00:00Z',
			before: null,
		} );
		expect( mergeView( week, { range: 'any' }, NOW ) ).toMatchObject( {
			range: 'any',
			after: null,
			before: null,
		} );
	} );

	it( 'starts a custom range from the bounds shown', () => {
		const week = mergeView( DEFAULT_VIEW, { range: '7d' }, NOW );
		expect( mergeView( week, { range: 'custom' }, NOW ) ).toMatchObject( {
			range: 'custom',
			after: '2025-03-03T12:00:00Z',
		} );
	} );

	it( 'makes the range custom when a bound is set by hand', () => {
		expect(
			mergeView( DEFAULT_VIEW, { before: '2025-03-01T04:59:59Z' }, NOW )
		).toMatchObject( {
			range: 'custom',
			after: null,
			before: '2025-03-01T04:59:59Z',
		} );
	} );

	it( 'clears the flow when another pipeline is chosen', () => {
		const flow = { ...DEFAULT_VIEW, pipelineId: 1, flowId: 2 };
		expect( mergeView( flow, { pipelineId: 4 }, NOW ) ).toMatchObject( {
			pipelineId: 4,
			flowId: null,
		} );
		expect(
			mergeView( flow, { pipelineId: 4, flowId: 9 }, NOW )
		).toMatchObject( { pipelineId: 4, flowId: 9 } );
		expect( mergeView( flow, { pipelineId: 1 }, NOW ).flowId ).toBe( 2 );
	} );
} );

describe( 'mergeQuery', () => {
	const onPage3 = { ...DEFAULT_QUERY, page: 3 };

	it( 'changes the page alone', () => {
		expect( mergeQuery( onPage3, { page: 4 } ) ).toEqual( {
			...DEFAULT_QUERY,
			page: 4,
		} );
	} );

	it( 'goes back to page 1 when a filter or the sort changes', () => {
		expect( mergeQuery( onPage3, { status: [ 'failed' ] } ).page ).toBe(
			1
		);
		expect( mergeQuery( onPage3, { order: 'asc' } ).page ).toBe( 1 );
	} );

	it( 'keeps the page when nothing really changes', () => {
		expect(
			mergeQuery( onPage3, { order: 'desc', status: [] } ).page
		).toBe( 3 );
	} );

	it( 'does not change the query it was given', () => {
		mergeQuery( onPage3, { search: 'x' } );
		expect( onPage3 ).toEqual( { ...DEFAULT_QUERY, page: 3 } );
	} );
} );
