/**
 * The insights view (loaded on demand): how jobs behave over time, from the
 * server's pre-aggregated rollups.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useCallback, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import { store as catalogStore } from '../../../shared/catalog/store';
import { useStoreInRegistry } from '../../../shared/data/use-store-in-registry';
import { getSiteFormat } from '../../../shared/format/site-format';
import type { QueryArgs } from '../api/metrics-api';
import {
	INSIGHTS_RESOURCES,
	useInsightsDataActions,
	useInsightsData,
} from '../data/insights-data-store';
import { useLoadState } from '../hooks/use-load-state';
import { useRollupCatchUp } from '../hooks/use-rollup-catch-up';
import type {
	InsightsFilters,
	LoadState,
	MetricsOverview,
	RangeSelection,
} from '../types';
import { filtersToArgs, rangeToArgs } from '../utils/range';
import { datePresetLabel } from '../../../shared/dates/date-presets';
import type { CardStatus } from './chart-card';
import {
	ConcurrencyChart,
	DurationChart,
	FailureTrendChart,
	HeatmapChart,
	SuccessRateChart,
	TableSizeChart,
	VolumeChart,
} from './charts';
import { DurationTrendChart } from './duration-trend-chart';
import { InsightsControls } from './insights-controls';
import {
	CapacityPanel,
	DegradationPanel,
	InsightsSummary,
	RollupNotice,
} from './panels';

/**
 * A chart card's status from a request's state.
 *
 * @param state   The request.
 * @param isEmpty Whether loaded data has nothing to draw.
 * @param onRetry Loads again.
 */
export function cardStatus< T >(
	state: LoadState< T >,
	isEmpty: ( data: T ) => boolean,
	onRetry: () => void
): CardStatus {
	if ( state.status === 'error' ) {
		return { state: 'error', busy: false, error: state.error, onRetry };
	}
	if ( state.data === null ) {
		return { state: 'loading', busy: true, error: null, onRetry };
	}
	return {
		state: isEmpty( state.data ) ? 'empty' : 'ready',
		busy: state.status === 'loading',
		error: null,
		onRetry,
	};
}

const noJobs = ( overview: MetricsOverview ) => overview.totals.jobs === 0;

export function InsightsView() {
	const { timeZone, timeZoneLabel } = getSiteFormat();
	const [ selection, setSelection ] = useState< RangeSelection >( {
		preset: '7d',
		from: '',
		to: '',
	} );
	const [ filters, setFilters ] = useState< InsightsFilters >( {
		pipelineId: null,
		flowId: null,
	} );
	const [ maxSizeMb, setMaxSizeMb ] = useState< number | null >( null );

	const rangeArgs = rangeToArgs( selection, timeZone );
	const overviewArgs: QueryArgs | null = rangeArgs
		? { ...rangeArgs, ...filtersToArgs( filters ) }
		: null;
	const degradationArgs: QueryArgs =
		filters.pipelineId === null ? {} : { pipeline_id: filters.pipelineId };
	const capacityArgs: QueryArgs =
		maxSizeMb === null ? {} : { max_size_mb: maxSizeMb };

	const overviewQuery = useInsightsData(
		'overview',
		overviewArgs ?? {},
		overviewArgs !== null
	);
	const resourcesQuery = useInsightsData(
		'resources',
		rangeArgs ?? {},
		rangeArgs !== null
	);
	const degradationQuery = useInsightsData( 'degradation', degradationArgs );
	const capacityQuery = useInsightsData( 'capacity', capacityArgs );
	const overview = {
		state: useLoadState( overviewQuery ),
		reload: overviewQuery.reload,
	};
	const resources = {
		state: useLoadState( resourcesQuery ),
		reload: resourcesQuery.reload,
	};
	const degradation = {
		state: useLoadState( degradationQuery ),
		reload: degradationQuery.reload,
	};
	const capacity = {
		state: useLoadState( capacityQuery ),
		reload: capacityQuery.reload,
	};
	useStoreInRegistry( catalogStore );
	const { pipelines, flows } = useSelect(
		( select ) => ( {
			pipelines: select( catalogStore ).getPipelines(),
			flows: select( catalogStore ).getFlows( null ),
		} ),
		[]
	);

	const { reload: reloadOverview } = overview;
	const { reload: reloadResources } = resources;
	const { invalidate } = useInsightsDataActions();
	// History is complete now: every answer drawn from it is out of date.
	const reloadAll = useCallback(
		() =>
			INSIGHTS_RESOURCES.forEach( ( resource ) =>
				invalidate( resource )
			),
		[ invalidate ]
	);
	const catchUp = useRollupCatchUp(
		overview.state.data?.rollup ?? null,
		reloadAll
	);

	const data = overview.state.data;
	const overviewStatus = cardStatus( overview.state, noJobs, reloadOverview );
	const durationStatus = cardStatus(
		overview.state,
		( value ) => value.durations.length === 0,
		reloadOverview
	);
	const resourceStatus = cardStatus(
		resources.state,
		() => false,
		reloadResources
	);

	return (
		<div
			className="dm-jobs-insights"
			aria-busy={ overview.state.status === 'loading' }
		>
			<h2 className="screen-reader-text">
				{ __( 'Insights', 'dm-jobs' ) }
			</h2>
			<InsightsControls
				selection={ selection }
				onSelectionChange={ setSelection }
				filters={ filters }
				onFiltersChange={ setFilters }
				pipelines={ pipelines ?? [] }
				flows={ flows ?? [] }
				timeZone={ timeZone }
				timeZoneLabel={ timeZoneLabel }
			/>
			<RollupNotice
				progress={ catchUp.progress }
				error={ catchUp.error }
				onRetry={ catchUp.retry }
			/>
			{ data?.range.fell_back && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'Hourly history is not kept that far back: showing whole days instead.',
						'dm-jobs'
					) }
				</Notice>
			) }
			<p className="dm-jobs-insights-range" aria-live="polite">
				{ data
					? sprintf(
							/* translators: 1: range name such as "Last 7 days", 2: number of jobs. */
							__( '%1$s: %2$s finished jobs.', 'dm-jobs' ),
							datePresetLabel( data.range.preset ),
							formatNumber( data.totals.jobs )
						)
					: '' }
			</p>
			{ data && <InsightsSummary overview={ data } /> }
			<div className="dm-jobs-insights-grid">
				<VolumeChart
					overview={ data }
					status={ overviewStatus }
					timeZone={ timeZone }
				/>
				<SuccessRateChart
					overview={ data }
					status={ overviewStatus }
					timeZone={ timeZone }
				/>
				<DurationChart overview={ data } status={ durationStatus } />
				<DurationTrendChart
					overview={ data }
					status={ durationStatus }
					timeZone={ timeZone }
					timeZoneLabel={ timeZoneLabel }
				/>
				<HeatmapChart
					overview={ data }
					status={ overviewStatus }
					timeZoneLabel={ timeZoneLabel }
				/>
				<FailureTrendChart
					overview={ data }
					status={ overviewStatus }
					timeZone={ timeZone }
				/>
				<DegradationPanel
					remote={ degradation.state }
					onRetry={ degradation.reload }
					timeZone={ timeZone }
				/>
				<CapacityPanel
					remote={ capacity.state }
					onRetry={ capacity.reload }
					maxSizeMb={ maxSizeMb }
					onMaxSizeChange={ setMaxSizeMb }
					timeZone={ timeZone }
				/>
				<ConcurrencyChart
					resources={ resources.state.data }
					status={ resourceStatus }
					timeZone={ timeZone }
				/>
				<TableSizeChart
					resources={ resources.state.data }
					status={ resourceStatus }
					timeZone={ timeZone }
				/>
			</div>
		</div>
	);
}

export default InsightsView;
