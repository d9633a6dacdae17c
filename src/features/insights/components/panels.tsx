/**
 * The analysis panels: degradation, capacity planning, history progress and
 * the headline numbers.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { RetryNotice } from '../../../shared/components/retry-notice';
import type { ApiError } from '../../../shared/types';
import type {
	DegradationTrigger,
	LoadState,
	MetricsCapacity,
	MetricsDegradation,
	MetricsOverview,
	PipelineDegradation,
	RollupProgress,
} from '../types';
import { formatBytes } from '../../../shared/format/format-bytes';
import { formatCount } from '../../../shared/format/format-count';
import { formatNumber } from '../../../shared/format/format-number';
import { formatDuration } from '../../../shared/format/format-duration';
import { formatMoment } from '../../../shared/format/format-timestamp';
import { formatPercent } from '../../../shared/format/format-percent';
import { NO_VALUE } from '../../../shared/format/no-value';
import { pipelineLabel } from '../utils/labels';

function LoadProblem( {
	error,
	onRetry,
	what,
}: {
	error: ApiError;
	onRetry: () => void;
	what: string;
} ) {
	return (
		<RetryNotice onRetry={ onRetry }>
			{ sprintf(
				/* translators: 1: what could not be loaded, 2: error message. */
				__( '%1$s could not be loaded: %2$s', 'dm-jobs' ),
				what,
				error.message
			) }
		</RetryNotice>
	);
}

function Loading( { label }: { label: string } ) {
	return (
		<div className="dm-jobs-loading" role="status">
			<Spinner />
			<span>{ label }</span>
		</div>
	);
}

/**
 * One trigger as a sentence that says what was compared: the recent window
 * against the baseline, with the numbers the rule used and the jobs behind
 * them.
 *
 * @param trigger       What crossed its threshold.
 * @param pipeline      The pipeline's recent and baseline numbers.
 * @param windows       The recent window (hours) and the baseline (days).
 * @param windows.hours
 * @param windows.days
 */
export function describeTrigger(
	trigger: DegradationTrigger,
	pipeline: Pick< PipelineDegradation, 'recent' | 'baseline' >,
	windows: { hours: number; days: number }
): string {
	if ( trigger.metric === 'failure_rate' ) {
		return sprintf(
			/* translators: 1: recent failure rate, 2: hours of the recent window, 3: failed jobs, 4: finished jobs, 5: baseline failure rate, 6: days of baseline, 7: baseline failed jobs, 8: baseline finished jobs, 9: increase in percentage points, 10: threshold in points. */
			__(
				'Failure rate %1$s in the last %2$d h (%3$s of %4$s failed) vs %5$s baseline over the previous %6$d days (%7$s of %8$s): +%9$s points, flagged from +%10$s.',
				'dm-jobs'
			),
			formatPercent( trigger.recent ),
			windows.hours,
			formatCount( pipeline.recent.failed ),
			formatCount( pipeline.recent.finished ),
			formatPercent( trigger.baseline ),
			windows.days,
			formatCount( pipeline.baseline.failed ),
			formatCount( pipeline.baseline.finished ),
			( Math.round( trigger.change * 1000 ) / 10 ).toString(),
			( Math.round( trigger.threshold * 1000 ) / 10 ).toString()
		);
	}
	return sprintf(
		/* translators: 1: "p95 duration" or "Average duration", 2: recent value, 3: hours of the recent window, 4: baseline value, 5: days of baseline, 6: ratio, 7: threshold ratio, 8: recent timed jobs, 9: baseline timed jobs. */
		__(
			'%1$s %2$s in the last %3$d h vs %4$s baseline over the previous %5$d days: ×%6$s, flagged from ×%7$s (%8$s and %9$s timed jobs).',
			'dm-jobs'
		),
		trigger.metric === 'p95_duration'
			? __( 'p95 duration', 'dm-jobs' )
			: __( 'Average duration', 'dm-jobs' ),
		formatDuration( trigger.recent, { tenths: true } ),
		windows.hours,
		formatDuration( trigger.baseline, { tenths: true } ),
		windows.days,
		( Math.round( trigger.change * 100 ) / 100 ).toString(),
		trigger.threshold.toString(),
		formatCount( pipeline.recent.timed_jobs ),
		formatCount( pipeline.baseline.timed_jobs )
	);
}

export function DegradationPanel( {
	remote,
	onRetry,
	timeZone,
}: {
	remote: LoadState< MetricsDegradation >;
	onRetry: () => void;
	timeZone: string;
} ) {
	const data = remote.data;
	const flagged = data?.pipelines.filter( ( item ) => item.flagged ) ?? [];
	const steady = data?.pipelines.filter( ( item ) => ! item.flagged ) ?? [];
	return (
		<section
			className="dm-jobs-insights-panel"
			data-panel="degradation"
			aria-labelledby="dm-jobs-insights-degradation-title"
			aria-busy={ remote.status === 'loading' }
		>
			<h3 id="dm-jobs-insights-degradation-title">
				{ __( 'Degradation', 'dm-jobs' ) }
			</h3>
			{ remote.status === 'error' && (
				<LoadProblem
					error={ remote.error }
					onRetry={ onRetry }
					what={ __( 'Degradation checks', 'dm-jobs' ) }
				/>
			) }
			{ ! data && remote.status === 'loading' && (
				<Loading label={ __( 'Checking pipelines…', 'dm-jobs' ) } />
			) }
			{ data && (
				<>
					<p className="dm-jobs-insights-card__description">
						{ sprintf(
							/* translators: 1: hours in the recent window, 2: start of the recent window, 3: days of baseline, 4: first baseline date, 5: last baseline date. */
							__(
								"Each pipeline's last %1$d hours (since %2$s) against its own %3$d days before (%4$s to %5$s).",
								'dm-jobs'
							),
							data.recent.hours,
							formatMoment( data.recent.after, timeZone ),
							data.baseline.days,
							data.baseline.first_date,
							data.baseline.last_date
						) }
					</p>
					{ flagged.length === 0 ? (
						<p className="dm-jobs-insights-ok">
							{ data.pipelines.length === 0
								? __(
										'No finished jobs to compare yet.',
										'dm-jobs'
									)
								: __(
										'No pipeline departs from its baseline.',
										'dm-jobs'
									) }
						</p>
					) : (
						<ul className="dm-jobs-insights-flags">
							{ flagged.map( ( item ) => (
								<li
									key={ item.pipeline_id }
									data-pipeline-id={ item.pipeline_id }
								>
									<strong>
										{ pipelineLabel(
											item.pipeline_name,
											item.pipeline_id
										) }
									</strong>
									<ul>
										{ item.triggers.map( ( trigger ) => (
											<li key={ trigger.metric }>
												{ describeTrigger(
													trigger,
													item,
													{
														hours: data.recent
															.hours,
														days: data.baseline
															.days,
													}
												) }
											</li>
										) ) }
									</ul>
								</li>
							) ) }
						</ul>
					) }
					{ steady.length > 0 && flagged.length > 0 && (
						<p className="dm-jobs-insights-card__description">
							{ sprintf(
								/* translators: %d: number of pipelines. */
								_n(
									'%d other pipeline is within its baseline.',
									'%d other pipelines are within their baselines.',
									steady.length,
									'dm-jobs'
								),
								steady.length
							) }
						</p>
					) }
				</>
			) }
		</section>
	);
}

export function CapacityPanel( {
	remote,
	onRetry,
	maxSizeMb,
	onMaxSizeChange,
	timeZone,
}: {
	remote: LoadState< MetricsCapacity >;
	onRetry: () => void;
	maxSizeMb: number | null;
	onMaxSizeChange: ( value: number | null ) => void;
	timeZone: string;
} ) {
	const [ draft, setDraft ] = useState(
		maxSizeMb === null ? '' : String( maxSizeMb )
	);
	const [ invalid, setInvalid ] = useState( false );
	const data = remote.data;
	const submit = () => {
		if ( draft.trim() === '' ) {
			setInvalid( false );
			onMaxSizeChange( null );
			return;
		}
		const value = Number( draft );
		if ( ! Number.isFinite( value ) || value < 1 ) {
			setInvalid( true );
			return;
		}
		setInvalid( false );
		onMaxSizeChange( value );
	};
	const growth = data?.growth;
	return (
		<section
			className="dm-jobs-insights-panel"
			data-panel="capacity"
			aria-labelledby="dm-jobs-insights-capacity-title"
			aria-busy={ remote.status === 'loading' }
		>
			<h3 id="dm-jobs-insights-capacity-title">
				{ __( 'Capacity planning', 'dm-jobs' ) }
			</h3>
			{ remote.status === 'error' && (
				<LoadProblem
					error={ remote.error }
					onRetry={ onRetry }
					what={ __( 'Capacity numbers', 'dm-jobs' ) }
				/>
			) }
			{ ! data && remote.status === 'loading' && (
				<Loading label={ __( 'Loading capacity…', 'dm-jobs' ) } />
			) }
			{ data && (
				<>
					{ data.measured_at === null ? (
						<p>
							{ __(
								'The jobs table has not been measured yet; the background task measures it once an hour.',
								'dm-jobs'
							) }
						</p>
					) : (
						<dl className="dm-jobs-insights-facts">
							<dt>{ __( 'Jobs table now', 'dm-jobs' ) }</dt>
							<dd>
								{ sprintf(
									/* translators: 1: number of rows, 2: size such as 1.2 GB, 3: when it was measured. */
									__(
										'%1$s rows, %2$s (measured %3$s)',
										'dm-jobs'
									),
									formatNumber( data.rows ?? 0 ),
									( data.bytes_estimated ? '≈ ' : '' ) +
										formatBytes( data.bytes ),
									formatMoment( data.measured_at, timeZone )
								) }
								{ data.free_bytes !== null &&
									data.free_bytes > 0 && (
										<>
											{ ' ' }
											{ sprintf(
												/* translators: %s: size such as 1.2 GB. */
												__(
													'· %s allocated but unused',
													'dm-jobs'
												),
												formatBytes( data.free_bytes )
											) }
										</>
									) }
							</dd>
							<dt>{ __( 'Growth', 'dm-jobs' ) }</dt>
							<dd>
								{ growth && growth.rows_per_day !== null
									? sprintf(
											/* translators: 1: jobs per day, 2: number of days observed. */
											__(
												'%1$s jobs a day (last %2$d days)',
												'dm-jobs'
											),
											formatNumber( growth.rows_per_day ),
											growth.days_observed
										)
									: NO_VALUE }
								{ growth && growth.change !== null && (
									<>
										{ ' · ' }
										{ sprintf(
											/* translators: 1: change such as +12.5%, 2: jobs per day before. */
											__(
												'%1$s against the 30 days before (%2$s a day)',
												'dm-jobs'
											),
											( growth.change >= 0 ? '+' : '' ) +
												formatPercent( growth.change ),
											formatNumber(
												growth.previous_rows_per_day ??
													0
											)
										) }
									</>
								) }
							</dd>
							{ data.projections.map( ( projection ) => (
								<div
									key={ projection.days }
									className="dm-jobs-insights-facts__pair"
								>
									<dt>
										{ sprintf(
											/* translators: %d: number of days. */
											__( 'In %d days', 'dm-jobs' ),
											projection.days
										) }
									</dt>
									<dd>
										{ projection.rows === null
											? NO_VALUE
											: sprintf(
													/* translators: 1: number of rows, 2: size. */
													__(
														'≈ %1$s rows, %2$s',
														'dm-jobs'
													),
													formatNumber(
														projection.rows
													),
													formatBytes(
														projection.bytes
													)
												) }
									</dd>
								</div>
							) ) }
						</dl>
					) }
					<form
						className="dm-jobs-insights-size-form"
						noValidate
						onSubmit={ ( event ) => {
							event.preventDefault();
							submit();
						} }
					>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							type="number"
							min={ 1 }
							label={ __(
								'Keep the jobs table under (MB)',
								'dm-jobs'
							) }
							value={ draft }
							onChange={ ( value ) => setDraft( value ) }
							help={
								invalid
									? __(
											'Enter a size of 1 MB or more.',
											'dm-jobs'
										)
									: undefined
							}
							aria-invalid={ invalid }
						/>
						<Button
							variant="secondary"
							type="submit"
							__next40pxDefaultSize
						>
							{ __( 'Calculate retention', 'dm-jobs' ) }
						</Button>
					</form>
					{ data.limit && (
						<p className="dm-jobs-insights-retention" role="status">
							{ data.limit.retention_days === null
								? __(
										'Not enough history to suggest a retention yet.',
										'dm-jobs'
									)
								: sprintf(
										/* translators: 1: number of days, 2: size. */
										_n(
											'Keep %1$s day of jobs to stay under %2$s.',
											'Keep %1$s days of jobs to stay under %2$s.',
											data.limit.retention_days,
											'dm-jobs'
										),
										formatNumber(
											data.limit.retention_days
										),
										formatBytes( data.limit.max_bytes )
									) }
							{ data.limit.over_limit && (
								<>
									{ ' ' }
									{ __(
										'The table is already larger than that.',
										'dm-jobs'
									) }
								</>
							) }
							{ ! data.limit.over_limit &&
								data.limit.days_until_limit !== null && (
									<>
										{ ' ' }
										{ sprintf(
											/* translators: %s: number of days. */
											_n(
												'Without cleanup it reaches that size in about %s day.',
												'Without cleanup it reaches that size in about %s days.',
												data.limit.days_until_limit,
												'dm-jobs'
											),
											formatNumber(
												data.limit.days_until_limit
											)
										) }
									</>
								) }
						</p>
					) }
				</>
			) }
		</section>
	);
}

export function RollupNotice( {
	progress,
	error,
	onRetry,
}: {
	progress: RollupProgress | null;
	error: ApiError | null;
	onRetry: () => void;
} ) {
	if ( error ) {
		return (
			<LoadProblem
				error={ error }
				onRetry={ onRetry }
				what={ __( 'Job history', 'dm-jobs' ) }
			/>
		);
	}
	if ( ! progress || progress.state === 'ready' ) {
		return null;
	}
	const message =
		progress.state === 'rebuilding'
			? __(
					"The site's time zone changed: re-sorting daily history into the new days…",
					'dm-jobs'
				)
			: sprintf(
					/* translators: %s: number of jobs read so far. */
					__(
						'Building job history from the jobs table (%s jobs read so far). Charts fill in as it runs.',
						'dm-jobs'
					),
					formatNumber( progress.processed )
				);
	return (
		<Notice
			status="info"
			isDismissible={ false }
			className="dm-jobs-insights-progress"
		>
			<p>{ message }</p>
			<progress
				max={ 100 }
				value={ progress.percent }
				aria-label={ __( 'History built', 'dm-jobs' ) }
			/>{ ' ' }
			<span>{ formatPercent( progress.percent / 100 ) }</span>
		</Notice>
	);
}

export function InsightsSummary( { overview }: { overview: MetricsOverview } ) {
	const facts = [
		{
			key: 'jobs',
			label: __( 'Finished jobs', 'dm-jobs' ),
			value: formatNumber( overview.totals.jobs ),
		},
		{
			key: 'success',
			label: __( 'Success rate', 'dm-jobs' ),
			value: formatPercent( overview.totals.success_rate ),
		},
		{
			key: 'failed',
			label: __( 'Failed', 'dm-jobs' ),
			value: formatNumber( overview.totals.failed ),
		},
		{
			key: 'processing',
			label: __( 'Processing now', 'dm-jobs' ),
			value: formatNumber( overview.rollup.open_jobs.processing ),
		},
		{
			key: 'pending',
			label: __( 'Pending now', 'dm-jobs' ),
			value: formatNumber( overview.rollup.open_jobs.pending ),
		},
	];
	return (
		<dl className="dm-jobs-insights-summary">
			{ facts.map( ( fact ) => (
				<div key={ fact.key } data-fact={ fact.key }>
					<dt>{ fact.label }</dt>
					<dd>{ fact.value }</dd>
				</div>
			) ) }
		</dl>
	);
}
