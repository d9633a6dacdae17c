/**
 * WordPress dependencies
 */
import { _n, sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from './format-number';

/** Counts the server clamps at this many are shown as "100+". */
export const NEW_JOBS_LIMIT = 100;

/**
 * A number for an estimate: compact from 10,000 up (`1.2M`, `45K`), grouped
 * below.
 *
 * @param value The estimated number.
 */
export function formatApproximateNumber( value: number ): string {
	if ( Math.abs( value ) < 10_000 ) {
		return formatNumber( value );
	}
	return formatNumber( value, {
		notation: 'compact',
		maximumFractionDigits: 1,
	} );
}

/**
 * A count, prefixed with "about" when it is an estimate.
 *
 * @param value The count.
 * @param exact Whether it is exact.
 */
export function formatCount( value: number, exact = true ): string {
	if ( exact ) {
		return formatNumber( value );
	}
	return sprintf(
		/* translators: %s: an estimated number, e.g. 1.2M. */
		__( 'about %s', 'dm-jobs' ),
		formatApproximateNumber( value )
	);
}

/**
 * "1,234 jobs" or "about 1.2M jobs".
 *
 * @param total The number of jobs.
 * @param exact Whether it is exact.
 */
export function formatJobsTotal( total: number, exact = true ): string {
	if ( exact ) {
		return sprintf(
			/* translators: %s: number of jobs, e.g. 3,000. */
			_n( '%s job', '%s jobs', total, 'dm-jobs' ),
			formatNumber( total )
		);
	}
	return sprintf(
		/* translators: %s: estimated number of jobs, e.g. 1.2M. */
		_n( 'about %s job', 'about %s jobs', total, 'dm-jobs' ),
		formatApproximateNumber( total )
	);
}

/**
 * "1 new job", "12 new jobs", "100+ new jobs".
 *
 * @param count New jobs as counted by the server (101 means more than 100).
 */
export function formatNewJobs( count: number ): string {
	if ( count > NEW_JOBS_LIMIT ) {
		return sprintf(
			/* translators: %s: the number 100, written with the locale's digits. */
			__( '%s+ new jobs', 'dm-jobs' ),
			formatNumber( NEW_JOBS_LIMIT )
		);
	}
	return sprintf(
		/* translators: %s: number of new jobs. */
		_n( '%s new job', '%s new jobs', count, 'dm-jobs' ),
		formatNumber( count )
	);
}
