/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import type { JobStep } from '../types';
import { stepStateLabel } from '../utils/labels';

const STATE_ICONS: Record< JobStep[ 'state' ], string > = {
	completed: '✓',
	running: '▶',
	failed: '✕',
	pending: '○',
	skipped: '–',
	unknown: '?',
};

/**
 * The pipeline's steps in order: which completed, which runs now, which failed.
 *
 * @param props       Component props.
 * @param props.steps The job's steps.
 */
export function ProgressSection( { steps }: { steps: JobStep[] } ) {
	if ( steps.length === 0 ) {
		return (
			<p>
				{ __(
					'The steps of this job are not known: its pipeline may have been deleted or has no steps.',
					'dm-jobs'
				) }
			</p>
		);
	}
	return (
		<ol className="dm-jobs-steps">
			{ steps.map( ( step ) => (
				<li
					key={ `${ step.position }-${ step.id }` }
					className={ `dm-jobs-step is-${ step.state }` }
					data-step-state={ step.state }
					aria-current={
						step.state === 'running' ? 'step' : undefined
					}
				>
					<span className="dm-jobs-step-icon" aria-hidden="true">
						{ STATE_ICONS[ step.state ] }
					</span>
					<span className="dm-jobs-step-label">
						{ sprintf(
							/* translators: 1: step number, 2: step name. */
							__( '%1$d. %2$s', 'dm-jobs' ),
							step.position,
							step.label
						) }
					</span>
					{ step.type !== null && step.type !== step.label && (
						<span className="dm-jobs-step-type">{ step.type }</span>
					) }
					<span className="dm-jobs-step-state">
						{ stepStateLabel( step.state ) }
					</span>
					{ step.log_lines > 0 && (
						<span className="dm-jobs-step-lines">
							{ sprintf(
								/* translators: %s: number of log lines. */
								_n(
									'%s log line',
									'%s log lines',
									step.log_lines,
									'dm-jobs'
								),
								formatNumber( step.log_lines )
							) }
						</span>
					) }
				</li>
			) ) }
		</ol>
	);
}
