/**
 * Sample answers of the metrics routes, shaped as the PHP side returns them.
 */

/**
 * Internal dependencies
 */
import type {
	FinalStatus,
	MetricsCapacity,
	MetricsDegradation,
	MetricsOverview,
	MetricsResources,
	RollupProgress,
	VolumePoint,
} from '../../../../src/features/insights/types';

export const READY: RollupProgress = {
	state: 'ready',
	percent: 100,
	processed: 1234,
	watermark: 1300,
	target: 1300,
	skipped: 0,
	started_at: '2026-03-01T00:00:00Z',
	finished_at: '2026-03-01T00:01:00Z',
	last_run_at: '2026-03-30T10:00:00Z',
	open_jobs: { pending: 2, processing: 3, other: 0, gaps: 0 },
	time_zone: 'Europe/Berlin',
};

function counts( values: Partial< Record< FinalStatus, number > > ) {
	return {
		completed: 0,
		completed_no_items: 0,
		agent_skipped: 0,
		failed: 0,
		cancelled: 0,
		other: 0,
		...values,
	};
}

function day(
	date: string,
	start: string,
	end: string,
	values: Partial< Record< FinalStatus, number > >
): VolumePoint {
	const all = counts( values );
	return {
		key: date,
		start,
		end,
		date,
		counts: all,
		total: Object.values( all ).reduce( ( sum, value ) => sum + value, 0 ),
	};
}

/** Three Berlin days around the spring DST change. */
export const VOLUME: VolumePoint[] = [
	day( '2026-03-28', '2026-03-27T23:00:00Z', '2026-03-28T23:00:00Z', {
		completed: 10,
		failed: 2,
		cancelled: 1,
	} ),
	day( '2026-03-29', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', {
		completed: 5,
		completed_no_items: 3,
		failed: 4,
	} ),
	day( '2026-03-30', '2026-03-29T22:00:00Z', '2026-03-30T22:00:00Z', {} ),
];

export function makeOverview(
	overrides: Partial< MetricsOverview > = {}
): MetricsOverview {
	return {
		range: {
			preset: 'custom',
			bucket: 'day',
			after: '2026-03-27T23:00:00Z',
			before: '2026-03-30T22:00:00Z',
			first_date: '2026-03-28',
			last_date: '2026-03-30',
			time_zone: 'Europe/Berlin',
			start_of_week: 1,
			fell_back: false,
			p95_precision: 0.1225,
		},
		rollup: READY,
		statuses: [
			'completed',
			'completed_no_items',
			'agent_skipped',
			'failed',
			'cancelled',
			'other',
		],
		totals: { jobs: 25, succeeded: 18, failed: 6, success_rate: 0.75 },
		volume: VOLUME,
		success_rate: VOLUME.map( ( point ) => {
			const succeeded =
				point.counts.completed +
				point.counts.completed_no_items +
				point.counts.agent_skipped;
			const failed = point.counts.failed;
			return {
				key: point.key,
				start: point.start,
				end: point.end,
				date: point.date,
				succeeded,
				failed,
				rate:
					succeeded + failed > 0
						? succeeded / ( succeeded + failed )
						: null,
			};
		} ),
		durations: [
			{
				pipeline_id: 1,
				pipeline_name: 'RSS to Blog',
				jobs: 20,
				timed_jobs: 19,
				avg_seconds: 42.5,
				p95_seconds: 190.49,
				max_seconds: 300,
			},
			{
				pipeline_id: 9,
				pipeline_name: null,
				jobs: 5,
				timed_jobs: 5,
				avg_seconds: 3725,
				p95_seconds: 7300,
				max_seconds: 7300,
			},
		],
		heatmap: {
			cells: [
				{ weekday: 7, hour: 2, count: 6 },
				{ weekday: 1, hour: 9, count: 3 },
				{ weekday: 6, hour: 23, count: 1 },
			],
			max: 6,
		},
		failure_trend: [
			{
				pipeline_id: 1,
				pipeline_name: 'RSS to Blog',
				jobs: 20,
				points: VOLUME.map( ( point, index ) => ( {
					key: point.key,
					start: point.start,
					end: point.end,
					date: point.date,
					failed: [ 2, 4, 0 ][ index ],
					finished: [ 12, 12, 0 ][ index ],
					rate: [ 2 / 12, 4 / 12, null ][ index ],
				} ) ),
			},
		],
		duration_trend: [
			{
				pipeline_id: 1,
				pipeline_name: 'RSS to Blog',
				timed_jobs: 19,
				points: VOLUME.map( ( point, index ) => ( {
					key: point.key,
					start: point.start,
					end: point.end,
					date: point.date,
					timed: [ 12, 3, 4 ][ index ],
					avg_seconds: [ 30, 80, 40 ][ index ],
					median_seconds: [ 25, 70, 35 ][ index ],
					p95_seconds: [ 60, 190.49, 55 ][ index ],
				} ) ),
			},
			{
				pipeline_id: 9,
				pipeline_name: null,
				timed_jobs: 5,
				points: VOLUME.map( ( point, index ) => ( {
					key: point.key,
					start: point.start,
					end: point.end,
					date: point.date,
					timed: [ 0, 5, 0 ][ index ],
					avg_seconds: [ null, 3725, null ][ index ],
					median_seconds: [ null, 3600, null ][ index ],
					p95_seconds: [ null, 7300, null ][ index ],
				} ) ),
			},
		],
		...overrides,
	};
}

export const RESOURCES: MetricsResources = {
	range: makeOverview().range,
	resolution: 'hour',
	interval: 3600,
	concurrency: [
		{
			at: '2026-03-29T08:00:00Z',
			processing_max: 4,
			processing_avg: 2.5,
			pending_max: 7,
			samples: 12,
		},
	],
	table_size: [
		{
			at: '2026-03-29T08:00:00Z',
			rows: 120000,
			bytes: 1181116006,
			estimated: false,
		},
		{
			at: '2026-03-29T09:00:00Z',
			rows: 121000,
			bytes: 2048,
			estimated: true,
		},
	],
};

export const DEGRADATION: MetricsDegradation = {
	recent: {
		after: '2026-03-29T09:00:00Z',
		before: '2026-03-30T09:00:00Z',
		hours: 24,
	},
	baseline: {
		after: '2026-03-14T23:00:00Z',
		before: '2026-03-28T23:00:00Z',
		first_date: '2026-03-15',
		last_date: '2026-03-28',
		days: 14,
	},
	thresholds: {
		duration_ratio: 1.5,
		failure_rate_increase: 0.1,
		min_recent_jobs: 10,
		min_baseline_jobs: 30,
	},
	pipelines: [
		{
			pipeline_id: 1,
			pipeline_name: 'RSS to Blog',
			flagged: true,
			triggers: [
				{
					metric: 'p95_duration',
					recent: 40,
					baseline: 10,
					change: 4,
					threshold: 1.5,
				},
				{
					metric: 'failure_rate',
					recent: 0.4,
					baseline: 0.05,
					change: 0.35,
					threshold: 0.1,
				},
			],
			recent: {
				jobs: 30,
				finished: 30,
				failed: 12,
				failure_rate: 0.4,
				timed_jobs: 30,
				avg_seconds: 40,
				p95_seconds: 40,
			},
			baseline: {
				jobs: 120,
				finished: 120,
				failed: 6,
				failure_rate: 0.05,
				timed_jobs: 120,
				avg_seconds: 10,
				p95_seconds: 10,
			},
		},
		{
			pipeline_id: 2,
			pipeline_name: 'Steady',
			flagged: false,
			triggers: [],
			recent: {
				jobs: 30,
				finished: 30,
				failed: 1,
				failure_rate: 0.0333,
				timed_jobs: 30,
				avg_seconds: 10,
				p95_seconds: 10,
			},
			baseline: {
				jobs: 120,
				finished: 120,
				failed: 6,
				failure_rate: 0.05,
				timed_jobs: 120,
				avg_seconds: 10,
				p95_seconds: 10,
			},
		},
	],
	rollup: READY,
};

export const CAPACITY: MetricsCapacity = {
	measured_at: '2026-03-30T09:00:00Z',
	rows: 450,
	bytes: 1048576,
	free_bytes: 0,
	bytes_estimated: false,
	bytes_per_row: 2330.2,
	growth: {
		rows_per_day: 10,
		days_observed: 30,
		previous_rows_per_day: 5,
		change: 1,
	},
	projections: [
		{ days: 30, rows: 750, bytes: 1747627 },
		{ days: 90, rows: 1350, bytes: 3145728 },
	],
	limit: {
		max_bytes: 2097152,
		retention_days: 90,
		days_until_limit: 45,
		over_limit: false,
	},
	rollup: READY,
};
