/**
 * Pure functions for the duration trend of one pipeline: chart rows, the
 * table alternative, and the plain answer to "is it getting slower?".
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { BucketSize, ChartTable, DurationTrendSeries } from '../types';
import { formatCount } from '../../../shared/format/format-count';
import { formatDuration } from '../../../shared/format/format-duration';
import { NO_VALUE } from '../../../shared/format/no-value';
import { formatBucketLabel, formatBucketTitle } from './bucket-labels';

/**
 * Periods with fewer timed jobs than this are not drawn: one slow job is not
 * a trend (the table still has them).
 */
export const MIN_DURATION_SAMPLE = 5;

/**
 * Each half of the range needs this many timed jobs before the two halves
 * are compared in words.
 */
export const MIN_HALF_SAMPLE = 10;

/** A change smaller than this (either way) reads as "about the same". */
export const STEADY_RATIO = 1.1;

export interface DurationTrendRow {
	label: string;
	title: string;
	/** Seconds, `null` when the period has too few timed jobs to draw. */
	median: number | null;
	p95: number | null;
	/** Timed jobs behind the period's values (the sample size). */
	timed: number;
}

export function durationTrendRows(
	series: DurationTrendSeries,
	size: BucketSize,
	timeZone: string
): DurationTrendRow[] {
	return series.points.map( ( point ) => {
		const enough = point.timed >= MIN_DURATION_SAMPLE;
		return {
			label: formatBucketLabel( point, size, timeZone ),
			title: formatBucketTitle( point, size, timeZone ),
			median: enough ? point.median_seconds : null,
			p95: enough ? point.p95_seconds : null,
			timed: point.timed,
		};
	} );
}

export function durationTrendTable(
	series: DurationTrendSeries,
	size: BucketSize,
	timeZone: string
): ChartTable {
	return {
		caption: __( 'Duration per period', 'dm-jobs' ),
		columns: [
			{ key: 'period', label: __( 'Period', 'dm-jobs' ) },
			{ key: 'median', label: __( 'Median', 'dm-jobs' ), numeric: true },
			{ key: 'p95', label: __( 'p95', 'dm-jobs' ), numeric: true },
			{
				key: 'avg',
				label: __( 'Average', 'dm-jobs' ),
				numeric: true,
			},
			{
				key: 'timed',
				label: __( 'Timed jobs', 'dm-jobs' ),
				numeric: true,
			},
		],
		rows: series.points.map( ( point ) => ( {
			key: point.key,
			cells: [
				formatBucketTitle( point, size, timeZone ),
				formatDuration( point.median_seconds ),
				formatDuration( point.p95_seconds ),
				formatDuration( point.avg_seconds ),
				point.timed > 0 ? formatCount( point.timed ) : NO_VALUE,
			],
		} ) ),
	};
}

export interface HalfStats {
	timed: number;
	/** Exact average duration of the half's timed jobs, in seconds. */
	avg: number | null;
}

export interface DurationChange {
	earlier: HalfStats;
	later: HalfStats;
	/** later ÷ earlier average, `null` when either half is too thin. */
	ratio: number | null;
}

function halfStats( points: DurationTrendSeries[ 'points' ] ): HalfStats {
	let timed = 0;
	let total = 0;
	for ( const point of points ) {
		if ( point.timed > 0 && point.avg_seconds !== null ) {
			timed += point.timed;
			total += point.avg_seconds * point.timed;
		}
	}
	return { timed, avg: timed > 0 ? total / timed : null };
}

/**
 * The average duration of the first and the second half of the range
 * (exact: weighted by each period's timed jobs).
 *
 * @param series One pipeline's trend.
 */
export function durationChange( series: DurationTrendSeries ): DurationChange {
	const middle = Math.floor( series.points.length / 2 );
	const earlier = halfStats( series.points.slice( 0, middle ) );
	const later = halfStats( series.points.slice( middle ) );
	const enough =
		earlier.timed >= MIN_HALF_SAMPLE &&
		later.timed >= MIN_HALF_SAMPLE &&
		earlier.avg !== null &&
		later.avg !== null &&
		earlier.avg > 0;
	return {
		earlier,
		later,
		ratio:
			enough && later.avg !== null && earlier.avg !== null
				? later.avg / earlier.avg
				: null,
	};
}

/**
 * "Is this pipeline getting slower?" in one sentence, with the numbers and
 * sample sizes behind it.
 *
 * @param change What durationChange() measured.
 */
export function describeDurationChange( change: DurationChange ): string {
	const { earlier, later, ratio } = change;
	if ( ratio === null ) {
		return sprintf(
			/* translators: 1: timed jobs in the first half of the range, 2: in the second half, 3: jobs needed in each. */
			__(
				'Too few timed jobs to compare the two halves of the range (%1$s and %2$s; %3$s needed in each).',
				'dm-jobs'
			),
			formatCount( earlier.timed ),
			formatCount( later.timed ),
			formatCount( MIN_HALF_SAMPLE )
		);
	}
	const values = [
		formatDuration( later.avg ),
		formatCount( later.timed ),
		formatDuration( earlier.avg ),
		formatCount( earlier.timed ),
	] as const;
	if ( ratio >= STEADY_RATIO ) {
		return sprintf(
			/* translators: 1: average duration in the second half of the range, 2: its timed jobs, 3: average in the first half, 4: its timed jobs, 5: ratio such as 1.8. */
			__(
				'Slower: average %1$s in the second half of the range (%2$s jobs) vs %3$s in the first half (%4$s jobs), ×%5$s.',
				'dm-jobs'
			),
			...values,
			( Math.round( ratio * 100 ) / 100 ).toString()
		);
	}
	if ( ratio <= 1 / STEADY_RATIO ) {
		return sprintf(
			/* translators: 1: average duration in the second half of the range, 2: its timed jobs, 3: average in the first half, 4: its timed jobs, 5: ratio such as 0.6. */
			__(
				'Faster: average %1$s in the second half of the range (%2$s jobs) vs %3$s in the first half (%4$s jobs), ×%5$s.',
				'dm-jobs'
			),
			...values,
			( Math.round( ratio * 100 ) / 100 ).toString()
		);
	}
	return sprintf(
		/* translators: 1: average duration in the second half of the range, 2: its timed jobs, 3: average in the first half, 4: its timed jobs. */
		__(
			'About the same: average %1$s in the second half of the range (%2$s jobs) vs %3$s in the first half (%4$s jobs).',
			'dm-jobs'
		),
		...values
	);
}
