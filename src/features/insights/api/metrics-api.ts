/**
 * Client of the `dm-jobs/v1/metrics…` routes.
 */

/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { requestChecked } from '../../../shared/api/request-json';
import { getConfig } from '../../../shared/config';
import {
	isMetrics,
	isMetricsCapacity,
	isMetricsDegradation,
	isMetricsResources,
	isMetricsRollup,
} from '../../../generated/rest-contract';
import type {
	MetricsCapacity,
	MetricsDegradation,
	MetricsOverview,
	MetricsResources,
	RollupProgress,
} from '../types';

export type QueryArgs = Record< string, string | number >;

function getChecked< T >(
	route: string,
	args: QueryArgs,
	check: ( value: unknown ) => value is T
): Promise< T > {
	return requestChecked(
		addQueryArgs( `/${ getConfig().restNamespace }${ route }`, args ),
		check
	);
}

/**
 * Volume, success rate, durations, heatmap and failure trend for a range.
 *
 * @param args Range and filter parameters (see `rangeToArgs`).
 */
export function fetchOverview( args: QueryArgs ): Promise< MetricsOverview > {
	return getChecked( '/metrics', args, isMetrics );
}

/**
 * Concurrency and table size over a range.
 *
 * @param args Range parameters.
 */
export function fetchResources( args: QueryArgs ): Promise< MetricsResources > {
	return getChecked( '/metrics/resources', args, isMetricsResources );
}

/**
 * Pipelines whose recent durations or failure rate left their baseline.
 *
 * @param args Optional `pipeline_id`, `recent_hours`, `baseline_days`.
 */
export function fetchDegradation(
	args: QueryArgs
): Promise< MetricsDegradation > {
	return getChecked( '/metrics/degradation', args, isMetricsDegradation );
}

/**
 * Growth and projections; with `max_size_mb`, the retention that keeps the
 * table under that size.
 *
 * @param args Optional `max_size_mb`.
 */
export function fetchCapacity( args: QueryArgs ): Promise< MetricsCapacity > {
	return getChecked( '/metrics/capacity', args, isMetricsCapacity );
}

/**
 * Runs one bounded rollup pass on the server (used while history is being
 * built) and returns the progress.
 */
export function runRollupPass(): Promise< RollupProgress > {
	return requestChecked(
		{
			path: `/${ getConfig().restNamespace }/metrics/rollup`,
			method: 'POST',
		},
		isMetricsRollup
	);
}
