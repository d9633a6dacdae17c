/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	durationRows,
	durationTable,
	failureTable,
	failureTrend,
	heatmapRows,
	heatmapTable,
	presentStatuses,
	successRows,
	tableSizeTable,
	volumeRows,
	volumeTable,
} from '../../../../../src/features/insights/utils/chart-data';
import { makeOverview, RESOURCES, VOLUME } from '../fixtures';

const ZONE = 'Europe/Berlin';

describe( 'volume', () => {
	it( 'keeps only statuses that occur, in a fixed order', () => {
		expect( presentStatuses( VOLUME ) ).toEqual( [
			'completed',
			'completed_no_items',
			'failed',
			'cancelled',
		] );
		expect( presentStatuses( [ VOLUME[ 2 ] ] ) ).toHaveLength( 6 );
	} );

	it( 'labels day buckets with the site-local date', () => {
		const rows = volumeRows( VOLUME, 'day', ZONE );
		expect( rows.map( ( row ) => row.label ) ).toEqual( [
			'Mar 28',
			'Mar 29',
			'Mar 30',
		] );
		expect( rows[ 1 ] ).toMatchObject( {
			title: 'Sun, Mar 29, 2026',
			completed: 5,
			completed_no_items: 3,
			failed: 4,
			total: 12,
		} );
	} );

	it( 'builds a table with one column per status and a total', () => {
		const table = volumeTable( VOLUME, 'day', ZONE );
		expect( table.columns.map( ( column ) => column.label ) ).toEqual( [
			'Period',
			'Completed',
			'Completed (no items)',
			'Failed',
			'Cancelled',
			'Total',
		] );
		expect( table.rows[ 0 ].cells ).toEqual( [
			'Sat, Mar 28, 2026',
			'10',
			'0',
			'2',
			'1',
			'13',
		] );
	} );

	it( 'labels hour buckets in site time', () => {
		const hour = {
			key: '1774746000',
			start: '2026-03-29T01:00:00Z',
			end: '2026-03-29T02:00:00Z',
			date: null,
		};
		const rows = volumeRows(
			[ { ...hour, counts: VOLUME[ 2 ].counts, total: 0 } ],
			'hour',
			ZONE
		);
		// 01:00 UTC on the spring-forward day is 03:00 CEST.
		expect( rows[ 0 ].label ).toBe( '03:00' );
		expect( rows[ 0 ].title ).toBe( 'Sun, Mar 29, 03:00' );
	} );
} );

describe( 'success rate', () => {
	it( 'is a percentage with one decimal, or null without finished jobs', () => {
		const rows = successRows( makeOverview().success_rate, 'day', ZONE );
		expect( rows.map( ( row ) => row.rate ) ).toEqual( [
			83.3,
			66.7,
			null,
		] );
	} );
} );

describe( 'durations', () => {
	it( 'names deleted pipelines and formats durations in the table', () => {
		const items = makeOverview().durations;
		expect( durationRows( items ).map( ( row ) => row.name ) ).toEqual( [
			'RSS to Blog',
			'Pipeline #9 (deleted)',
		] );
		expect( durationTable( items ).rows[ 1 ].cells ).toEqual( [
			'Pipeline #9 (deleted)',
			'1 h 2 min',
			'2 h 1 min',
			'2 h 1 min',
			'5',
		] );
	} );

	it( 'leaves pipelines without timed jobs out of the chart', () => {
		const items = makeOverview().durations.map( ( item ) => ( {
			...item,
			timed_jobs: 0,
		} ) );
		expect( durationRows( items ) ).toEqual( [] );
	} );
} );

describe( 'heatmap', () => {
	it( "orders weekdays from the site's start of the week", () => {
		const cells = makeOverview().heatmap.cells;
		const monday = heatmapRows( cells, 1 );
		expect( monday.map( ( row ) => row.shortLabel ) ).toEqual( [
			'Mon',
			'Tue',
			'Wed',
			'Thu',
			'Fri',
			'Sat',
			'Sun',
		] );
		expect( monday[ 6 ].counts[ 2 ] ).toBe( 6 );
		expect( monday[ 0 ].counts[ 9 ] ).toBe( 3 );

		const sunday = heatmapRows( cells, 0 );
		expect( sunday[ 0 ].label ).toBe( 'Sunday' );
		expect( sunday[ 6 ].label ).toBe( 'Saturday' );
		expect( sunday[ 6 ].counts[ 23 ] ).toBe( 1 );
	} );

	it( 'has a row per weekday and a column per hour in its table', () => {
		const table = heatmapTable(
			heatmapRows( makeOverview().heatmap.cells, 1 )
		);
		expect( table.columns ).toHaveLength( 25 );
		expect( table.columns[ 10 ].label ).toBe( '09:00' );
		expect( table.rows ).toHaveLength( 7 );
		expect( table.rows[ 6 ].cells[ 0 ] ).toBe( 'Sunday' );
		expect( table.rows[ 6 ].cells[ 3 ] ).toBe( '6' );
	} );
} );

describe( 'failure trend', () => {
	it( 'draws the busiest pipelines and counts the rest', () => {
		const base = makeOverview().failure_trend[ 0 ];
		const series = Array.from( { length: 8 }, ( _, index ) => ( {
			...base,
			pipeline_id: index + 1,
			pipeline_name: `P${ index + 1 }`,
		} ) );
		const trend = failureTrend( series, 'day', ZONE, 6 );
		expect( trend.lines ).toHaveLength( 6 );
		expect( trend.hidden ).toBe( 2 );
		expect( trend.rows[ 0 ] ).toMatchObject( {
			label: 'Mar 28',
			p1: 16.7,
		} );
		expect( trend.rows[ 2 ].p1 ).toBeNull();
		expect(
			new Set( trend.lines.map( ( line ) => line.color ) ).size
		).toBe( 6 );
	} );

	it( 'shows rates with their counts in the table', () => {
		const table = failureTable( makeOverview().failure_trend, 'day', ZONE );
		expect( table.rows[ 1 ].cells ).toEqual( [
			'Sun, Mar 29, 2026',
			'33.3% (4 of 12)',
		] );
		expect( table.rows[ 2 ].cells[ 1 ] ).toBe( '—' );
	} );
} );

describe( 'resources', () => {
	it( 'marks estimated sizes', () => {
		const table = tableSizeTable( RESOURCES, ZONE );
		expect( table.rows[ 0 ].cells ).toEqual( [
			'Mar 29, 10:00',
			'120,000',
			'1.1 GB',
		] );
		expect( table.rows[ 1 ].cells[ 2 ] ).toBe( '≈ 2 KB (estimated)' );
	} );
} );
