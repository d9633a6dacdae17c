/**
 * The insights' server state: each chart's answer resolved once per range
 * and filter (Back to a range seen before draws at once), invalidated when
 * the server finished building history.
 */

/**
 * Internal dependencies
 */
import { createQueryStore } from '../../../shared/data/create-query-store';
import {
	fetchCapacity,
	fetchDegradation,
	fetchOverview,
	fetchResources,
} from '../api/metrics-api';
import type { QueryArgs } from '../api/metrics-api';

export const {
	store: insightsDataStore,
	useQuery: useInsightsData,
	useActions: useInsightsDataActions,
} = createQueryStore( 'dm-jobs/insights-data', {
	overview: { fetch: ( args: QueryArgs ) => fetchOverview( args ) },
	resources: { fetch: ( args: QueryArgs ) => fetchResources( args ) },
	degradation: {
		fetch: ( args: QueryArgs ) => fetchDegradation( args ),
	},
	capacity: { fetch: ( args: QueryArgs ) => fetchCapacity( args ) },
} );

/** Every resource of the store (all drawn from the rollups). */
export const INSIGHTS_RESOURCES = [
	'overview',
	'resources',
	'degradation',
	'capacity',
] as const;
