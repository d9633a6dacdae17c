/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import type { JobsView } from '../../../../../src/shared/types';
import {
	DEFAULT_VIEW,
	viewFromSearch,
	viewToParams,
	viewToSearch,
} from '../../../../../src/features/jobs-list/url/view-url';

const NOW = new Date( '2025-03-10T12:00:00Z' );
const BASE = '?page=dm-jobs';

function view( changes: Partial< JobsView > ): JobsView {
	return { ...DEFAULT_VIEW, ...changes };
}

describe( 'viewToSearch', () => {
	it( 'writes nothing but the admin page for the default view', () => {
		expect( viewToSearch( DEFAULT_VIEW, BASE ) ).toBe( '?page=dm-jobs' );
	} );

	it( 'writes every setting in a fixed, readable order', () => {
		expect(
			viewToSearch(
				view( {
					status: [ 'pending', 'failed' ],
					pipelineId: 3,
					flowId: 7,
					range: 'custom',
					after: '2025-03-01T05:00:00Z',
					before: '2025-03-08T04:59:59Z',
					search: 'time out',
					orderby: 'created_at',
					order: 'asc',
					page: 2,
					perPage: 50,
				} ),
				BASE
			)
		).toBe(
			'?page=dm-jobs&status=pending,failed&pipeline=3&flow=7&range=custom' +
				'&after=2025-03-01T05:00:00Z&before=2025-03-08T04:59:59Z' +
				'&s=time%20out&orderby=created_at&order=asc&paged=2&per_page=50'
		);
	} );

	it( 'lists statuses in their canonical order', () => {
		expect(
			viewToParams( view( { status: [ 'failed', 'pending' ] } ) )
		).toEqual( [ [ 'status', 'pending,failed' ] ] );
	} );

	it( 'keeps a preset range relative: no bounds in the URL', () => {
		expect(
			viewToParams(
				view( { range: '7d', after: '2025-03-03T12:00:00Z' } )
			)
		).toEqual( [ [ 'range', '7d' ] ] );
	} );

	it( 'keeps parameters it does not own, and replaces its own', () => {
		expect(
			viewToSearch(
				view( { status: [ 'failed' ] } ),
				'?page=dm-jobs&job=42&status=pending&paged=9&foo=bar'
			)
		).toBe( '?page=dm-jobs&job=42&foo=bar&status=failed' );
	} );
} );

describe( 'viewFromSearch', () => {
	it( 'reads the default view from a bare URL', () => {
		expect( viewFromSearch( BASE, NOW ) ).toEqual( DEFAULT_VIEW );
		expect( viewFromSearch( '', NOW ) ).toEqual( DEFAULT_VIEW );
	} );

	it( 'round-trips every setting', () => {
		const views: JobsView[] = [
			DEFAULT_VIEW,
			view( { status: [ 'pending', 'completed_no_items', 'failed' ] } ),
			view( { pipelineId: 3, flowId: 7 } ),
			view( { search: 'a & b = c, 100%' } ),
			view( { orderby: 'duration', order: 'asc' } ),
			view( { orderby: 'pipeline', order: 'desc' } ),
			view( { page: 12, perPage: 100 } ),
			view( {
				range: 'custom',
				after: '2025-03-01T05:00:00Z',
				before: null,
			} ),
			view( {
				range: 'custom',
				after: null,
				before: '2025-03-08T04:59:59Z',
			} ),
			view( { range: 'custom', after: null, before: null } ),
			view( { range: '24h', after: '2025-03-09T12:00:00Z' } ),
			view( { range: '7d', after: '2025-03-03T12:00:00Z' } ),
			view( { range: '30d', after: '2025-02-08T12:00:00Z' } ),
		];
		for ( const original of views ) {
			const search = viewToSearch( original, BASE );
			expect( viewFromSearch( search, NOW ) ).toEqual( original );
			// And the URL of what was read is the same URL.
			expect( viewToSearch( viewFromSearch( search, NOW ), BASE ) ).toBe(
				search
			);
		}
	} );

	it( 'computes a preset range from now', () => {
		expect( viewFromSearch( '?range=24h', NOW ) ).toMatchObject( {
			range: '24h',
			after: '2025-03-09T12:00:00Z',
			before: null,
		} );
		// Bounds next to a preset are ignored: the preset wins.
		expect(
			viewFromSearch( '?range=30d&after=2020-01-01T00:00:00Z', NOW )
		).toMatchObject( { range: '30d', after: '2025-02-08T12:00:00Z' } );
	} );

	it( 'reads bounds without a range as a custom range, in UTC', () => {
		expect(
			viewFromSearch( '?after=2025-03-01T00:00:00-05:00', NOW )
		).toMatchObject( {
			range: 'custom',
			after: '2025-03-01T05:00:00Z',
			before: null,
		} );
	} );

	it( 'ignores invalid values safely', () => {
		expect(
			viewFromSearch(
				'?page=dm-jobs&status=failed,bogus,FAILED,,pending' +
					'&pipeline=-3&flow=abc&range=1y&after=yesterday' +
					'&before=2025-13-45T99:00:00Z&orderby=engine_data' +
					'&order=sideways&paged=0&per_page=30',
				NOW
			)
		).toEqual( view( { status: [ 'pending', 'failed' ] } ) );
		expect(
			viewFromSearch( '?pipeline=1e3&flow=7.5&paged=2.5', NOW )
		).toEqual( DEFAULT_VIEW );
		expect(
			viewFromSearch( '?pipeline=99999999999999999999', NOW )
		).toEqual( DEFAULT_VIEW );
		expect( viewFromSearch( '?status', NOW ) ).toEqual( DEFAULT_VIEW );
		expect( viewFromSearch( '?%E0%A4%A', NOW ) ).toEqual( DEFAULT_VIEW );
	} );

	it( 'trims the search and caps its length', () => {
		expect( viewFromSearch( '?s=%20%20rss%20', NOW ).search ).toBe( 'rss' );
		expect(
			viewFromSearch( `?s=${ 'x'.repeat( 300 ) }`, NOW ).search
		).toHaveLength( 200 );
	} );

	it( 'accepts the page sizes offered only', () => {
		expect( viewFromSearch( '?per_page=50', NOW ).perPage ).toBe( 50 );
		expect( viewFromSearch( '?per_page=100', NOW ).perPage ).toBe( 100 );
		expect( viewFromSearch( '?per_page=1000', NOW ).perPage ).toBe( 20 );
	} );
} );
