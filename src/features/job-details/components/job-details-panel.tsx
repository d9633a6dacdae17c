/**
 * WordPress dependencies
 */
import { Button, Panel, PanelBody, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { RetryNotice } from '../../../shared/components/retry-notice';
import type { DmJobsConfig, JobListItem } from '../../../shared/types';
import { useLiveTail } from '../hooks/use-live-tail';
import { store } from '../store';
import { DebugSection } from './debug-section';
import { FailureSection } from './failure-section';
import { LogViewer } from './log-viewer';
import { ProgressSection } from './progress-section';
import { SummarySection } from './summary-section';

export interface JobDetailsPanelProps {
	jobId: number;
	config: DmJobsConfig;
	timeZone: string;
	timeZoneLabel: string;
	onClose: () => void;
	/** What the screen offers to do with the job (run its flow again, watch it). */
	renderActions?: ( job: JobListItem ) => ReactNode;
}

/**
 * The open job: a side panel (full screen below 782px) with collapsible
 * Summary, Progress, Failure details, Log and Debug information sections.
 * Escape or the close button closes it.
 *
 * @param props               Component props.
 * @param props.jobId
 * @param props.config
 * @param props.timeZone
 * @param props.timeZoneLabel
 * @param props.onClose
 * @param props.renderActions
 */
export function JobDetailsPanel( {
	jobId,
	config,
	timeZone,
	timeZoneLabel,
	onClose,
	renderActions,
}: JobDetailsPanelProps ) {
	const { job, status, error } = useSelect( ( select ) => {
		const details = select( store );
		return {
			job: details.getJob(),
			status: details.getDetailStatus(),
			error: details.getDetailError(),
		};
	}, [] );
	const { loadJob, loadLogs } = useDispatch( store );
	const headingRef = useRef< HTMLHeadingElement >( null );
	const titleId = `dm-jobs-details-title-${ jobId }`;

	useLiveTail( job === null ? null : jobId, job !== null && ! job.is_final );

	// Focus moves into the panel when it opens (or shows another job).
	useEffect( () => {
		headingRef.current?.focus();
	}, [ jobId ] );

	useEffect( () => {
		const onKeyDown = ( event: KeyboardEvent ) => {
			if ( event.key === 'Escape' && ! event.defaultPrevented ) {
				event.preventDefault();
				onClose();
			}
		};
		document.addEventListener( 'keydown', onKeyDown );
		return () => document.removeEventListener( 'keydown', onKeyDown );
	}, [ onClose ] );

	const failed =
		job !== null && ( job.status === 'failed' || job.failure !== null );
	const notFound = error !== null && error.status === 404;

	return (
		<section
			className="dm-jobs-details"
			role="dialog"
			aria-modal="false"
			aria-labelledby={ titleId }
		>
			<header className="dm-jobs-details-header">
				<div className="dm-jobs-details-heading">
					<h2 id={ titleId } ref={ headingRef } tabIndex={ -1 }>
						{ sprintf(
							/* translators: %d: job ID. */
							__( 'Job #%d', 'dm-jobs' ),
							jobId
						) }
					</h2>
					{ job !== null && (
						<p className="dm-jobs-details-subtitle">
							{ sprintf(
								/* translators: 1: pipeline name, 2: flow name. */
								__( '%1$s → %2$s', 'dm-jobs' ),
								job.pipeline_name ??
									__( '(deleted pipeline)', 'dm-jobs' ),
								job.flow_name ??
									__( '(deleted flow)', 'dm-jobs' )
							) }
						</p>
					) }
				</div>
				<Button
					icon="no-alt"
					label={ __( 'Close job details', 'dm-jobs' ) }
					onClick={ onClose }
					className="dm-jobs-details-close"
				/>
			</header>
			<div className="dm-jobs-details-body">
				{ status === 'loading' && (
					<p className="dm-jobs-loading" role="status">
						<Spinner />
						{ __( 'Loading job…', 'dm-jobs' ) }
					</p>
				) }
				{ status === 'error' && error !== null && (
					<RetryNotice
						onRetry={
							notFound
								? undefined
								: () => {
										loadJob();
										loadLogs();
									}
						}
					>
						{ notFound
							? __( 'This job no longer exists.', 'dm-jobs' )
							: error.message }
					</RetryNotice>
				) }
				{ job !== null && renderActions?.( job ) }
				{ job !== null && (
					<Panel className="dm-jobs-details-sections">
						<PanelBody
							title={ __( 'Summary', 'dm-jobs' ) }
							initialOpen
						>
							<SummarySection
								job={ job }
								config={ config }
								timeZone={ timeZone }
								timeZoneLabel={ timeZoneLabel }
							/>
						</PanelBody>
						<PanelBody
							title={ __( 'Progress', 'dm-jobs' ) }
							initialOpen
						>
							<ProgressSection steps={ job.steps } />
						</PanelBody>
						{ failed && (
							<PanelBody
								title={ __( 'Failure details', 'dm-jobs' ) }
								initialOpen
								className="dm-jobs-failure-panel"
							>
								<FailureSection job={ job } />
							</PanelBody>
						) }
						<PanelBody title={ __( 'Log', 'dm-jobs' ) } initialOpen>
							<LogViewer
								jobId={ jobId }
								live={ ! job.is_final }
								counts={ job.log_counts }
								timeZone={ timeZone }
							/>
						</PanelBody>
						<PanelBody
							title={ __( 'Debug information', 'dm-jobs' ) }
							initialOpen={ false }
						>
							<DebugSection job={ job } />
						</PanelBody>
					</Panel>
				) }
			</div>
		</section>
	);
}
