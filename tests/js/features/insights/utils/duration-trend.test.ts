/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import type {
	DurationTrendPoint,
	DurationTrendSeries,
} from '../../../../../src/features/insights/types';
import {
	describeDurationChange,
	durationChange,
	durationTrendRows,
	durationTrendTable,
	MIN_DURATION_SAMPLE,
} from '../../../../../src/features/insights/utils/duration-trend';
import { makeOverview } from '../fixtures';

const ZONE = 'Europe/Berlin';

function series(
	cells: Array< [ timed: number, avg: number | null ] >
): DurationTrendSeries {
	const points: DurationTrendPoint[] = cells.map(
		( [ timed, avg ], index ) => {
			const date = `2026-03-${ String( index + 1 ).padStart( 2, '0' ) }`;
			return {
				key: date,
				start: `${ date }T00:00:00Z`,
				end: `${ date }T23:59:59Z`,
				date,
				timed,
				avg_seconds: avg,
				median_seconds: avg,
				p95_seconds: avg === null ? null : avg * 2,
			};
		}
	);
	return {
		pipeline_id: 3,
		pipeline_name: 'Slow one',
		timed_jobs: cells.reduce( ( sum, [ timed ] ) => sum + timed, 0 ),
		points,
	};
}

describe( 'duration trend', () => {
	it( 'draws periods with enough timed jobs on a dated axis, and keeps the sample size', () => {
		const rows = durationTrendRows(
			makeOverview().duration_trend[ 0 ],
			'day',
			ZONE
		);
		expect( rows.map( ( row ) => row.label ) ).toEqual( [
			'Mar 28',
			'Mar 29',
			'Mar 30',
		] );
		expect( rows[ 0 ] ).toMatchObject( {
			title: 'Sat, Mar 28, 2026',
			median: 25,
			p95: 60,
			timed: 12,
		} );
		// 3 and 4 timed jobs are below the sample size worth a point.
		expect( MIN_DURATION_SAMPLE ).toBeGreaterThan( 4 );
		expect( rows[ 1 ] ).toMatchObject( {
			median: null,
			p95: null,
			timed: 3,
		} );
		expect( rows[ 2 ] ).toMatchObject( {
			median: null,
			p95: null,
			timed: 4,
		} );
	} );

	it( 'lists every period in the table, thin ones included', () => {
		const table = durationTrendTable(
			makeOverview().duration_trend[ 0 ],
			'day',
			ZONE
		);
		expect( table.rows.map( ( row ) => row.cells ) ).toEqual( [
			[ 'Sat, Mar 28, 2026', '25 s', '1 min', '30 s', '12' ],
			[
				'Sun, Mar 29, 2026',
				'1 min 10 s',
				'3 min 10 s',
				'1 min 20 s',
				'3',
			],
			[ 'Mon, Mar 30, 2026', '35 s', '55 s', '40 s', '4' ],
		] );
	} );

	it( 'compares the exact average of the two halves of the range', () => {
		const change = durationChange(
			series( [
				[ 10, 60 ],
				[ 30, 20 ],
				[ 0, null ],
				[ 20, 90 ],
			] )
		);
		// First half: (10 × 60 + 30 × 20) / 40 = 30 s; second half: 90 s.
		expect( change.earlier ).toEqual( { timed: 40, avg: 30 } );
		expect( change.later ).toEqual( { timed: 20, avg: 90 } );
		expect( change.ratio ).toBe( 3 );
		expect( describeDurationChange( change ) ).toBe(
			'Slower: average 1 min 30 s in the second half of the range (20 jobs) vs 30 s in the first half (40 jobs), ×3.'
		);
	} );

	it( 'says faster, about the same, or too few jobs', () => {
		expect(
			describeDurationChange(
				durationChange(
					series( [
						[ 20, 100 ],
						[ 20, 50 ],
					] )
				)
			)
		).toMatch( /^Faster: average 50 s .*×0\.5\.$/ );
		expect(
			describeDurationChange(
				durationChange(
					series( [
						[ 20, 100 ],
						[ 20, 105 ],
					] )
				)
			)
		).toMatch( /^About the same: average 1 min 45 s/ );
		const thin = durationChange(
			series( [
				[ 20, 10 ],
				[ 2, 900 ],
			] )
		);
		expect( thin.ratio ).toBeNull();
		expect( describeDurationChange( thin ) ).toBe(
			'Too few timed jobs to compare the two halves of the range (20 and 2; 10 needed in each).'
		);
	} );
} );
