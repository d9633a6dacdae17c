/**
 * WordPress dependencies
 */
import { Button, ExternalLink } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobDetail } from '../types';
import { logLevelLabel } from '../utils/labels';
import { isSafeHttpUrl } from '../utils/safe-http-url';
import { CopyButton } from './copy-button';
import { JsonTree } from './json-tree';
import { TruncatedText } from './truncated-text';

/**
 * What failed and what to do: message, failed step and its context, the
 * stack trace (collapsed, copyable) and suggested resolution steps with
 * documentation links.
 *
 * @param props     Component props.
 * @param props.job The job.
 */
export function FailureSection( { job }: { job: JobDetail } ) {
	const [ showTrace, setShowTrace ] = useState( false );
	const failure = job.failure;
	const context = job.failure_context;
	const resolution = job.resolution;
	const links =
		resolution?.links.filter( ( link ) => isSafeHttpUrl( link.url ) ) ?? [];
	const failedStep =
		context?.step ?? job.steps.find( ( step ) => step.state === 'failed' );
	const message = failure?.message ?? context?.log_line?.message ?? null;

	return (
		<div className="dm-jobs-failure">
			<h3 className="dm-jobs-subheading">{ __( 'Error', 'dm-jobs' ) }</h3>
			{ message !== null ? (
				<div className="dm-jobs-failure-message">
					<TruncatedText
						as="pre"
						className="dm-jobs-pre"
						text={ message }
					/>
					<CopyButton
						text={ message }
						label={ __( 'Copy message', 'dm-jobs' ) }
					/>
				</div>
			) : (
				<p>
					{ __(
						'The job failed without recording an error message.',
						'dm-jobs'
					) }
				</p>
			) }
			<dl className="dm-jobs-facts">
				{ failure?.reason && (
					<>
						<dt>{ __( 'Reason', 'dm-jobs' ) }</dt>
						<dd>
							<code>{ failure.reason }</code>
						</dd>
					</>
				) }
				<dt>{ __( 'Failed step', 'dm-jobs' ) }</dt>
				<dd className="dm-jobs-failed-step">
					{ failedStep
						? sprintf(
								/* translators: 1: step number, 2: step name. */
								__( 'Step %1$d: %2$s', 'dm-jobs' ),
								failedStep.position,
								failedStep.label
							)
						: ( failure?.step_id ?? __( 'Unknown', 'dm-jobs' ) ) }
					{ failedStep && failure?.step_id && (
						<code className="dm-jobs-step-id">
							{ failure.step_id }
						</code>
					) }
				</dd>
			</dl>

			{ context?.details !== null && context?.details !== undefined && (
				<>
					<h4>{ __( 'Error context', 'dm-jobs' ) }</h4>
					<JsonTree
						value={ context.details }
						label={ __( 'Error context', 'dm-jobs' ) }
						expandDepth={ 2 }
					/>
				</>
			) }

			{ context?.log_line && (
				<>
					<h4>{ __( 'Last error in the log', 'dm-jobs' ) }</h4>
					<p className="dm-jobs-failure-log-line">
						<span className="dm-jobs-log-level">
							{ logLevelLabel( context.log_line.level ) }
						</span>{ ' ' }
						{ context.log_line.step !== null && (
							<span className="dm-jobs-log-step">
								{ context.log_line.step }
							</span>
						) }{ ' ' }
						<TruncatedText
							text={ context.log_line.message }
							limit={ 1000 }
						/>
					</p>
				</>
			) }

			{ failure?.trace && (
				<div className="dm-jobs-trace">
					<Button
						variant="secondary"
						size="small"
						aria-expanded={ showTrace }
						onClick={ () => setShowTrace( ! showTrace ) }
					>
						{ showTrace
							? __( 'Hide stack trace', 'dm-jobs' )
							: __( 'Show stack trace', 'dm-jobs' ) }
					</Button>{ ' ' }
					<CopyButton
						text={ failure.trace }
						label={ __( 'Copy stack trace', 'dm-jobs' ) }
					/>
					{ showTrace && (
						<TruncatedText
							as="pre"
							className="dm-jobs-pre dm-jobs-trace-text"
							text={ failure.trace }
							limit={ 20000 }
						/>
					) }
				</div>
			) }

			{ resolution !== null && (
				<div
					className={ `dm-jobs-resolution${
						resolution.known ? ' is-known' : ' is-general'
					}` }
				>
					<h3 className="dm-jobs-subheading">
						{ resolution.known
							? __( 'Suggested fix', 'dm-jobs' )
							: __( 'General advice', 'dm-jobs' ) }
					</h3>
					<p className="dm-jobs-resolution-title">
						<strong>{ resolution.title }</strong>
						{ resolution.code !== null && (
							<>
								{ ' ' }
								<code>{ resolution.code }</code>
							</>
						) }
					</p>
					{ resolution.steps.length > 0 && (
						<ol className="dm-jobs-resolution-steps">
							{ resolution.steps.map( ( step, index ) => (
								<li key={ index }>{ step }</li>
							) ) }
						</ol>
					) }
					{ links.length > 0 && (
						<ul className="dm-jobs-resolution-links">
							{ links.map( ( link ) => (
								<li key={ link.url }>
									<ExternalLink href={ link.url }>
										{ link.label }
									</ExternalLink>
								</li>
							) ) }
						</ul>
					) }
				</div>
			) }
		</div>
	);
}
