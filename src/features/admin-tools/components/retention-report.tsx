/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Timestamp } from '../../../shared/components/timestamp';
import type { RetentionReport as Report } from '../types';
import { formatDuration } from '../../../shared/format/format-duration';
import { describeRetentionStep } from '../utils/retention-step';

export interface RetentionReportProps {
	report: Report;
	timeZone: string;
	timeZoneLabel: string;
}

/**
 * The last retention run: when, by whom, what it removed and how long it took.
 *
 * @param props               Component props.
 * @param props.report
 * @param props.timeZone
 * @param props.timeZoneLabel
 */
export function RetentionReport( {
	report,
	timeZone,
	timeZoneLabel,
}: RetentionReportProps ) {
	const who =
		report.actor.type === 'system'
			? __( 'the daily schedule', 'dm-jobs' )
			: ( report.actor.login ?? __( 'a deleted user', 'dm-jobs' ) );
	let state: string;
	if ( report.state === 'running' ) {
		state = __(
			'Still running: it continues in the background.',
			'dm-jobs'
		);
	} else if ( report.state === 'failed' ) {
		state = __( 'Some rules failed (see below).', 'dm-jobs' );
	} else {
		state = sprintf(
			/* translators: %s: duration, e.g. "3 s". */
			__( 'Finished in %s.', 'dm-jobs' ),
			formatDuration( report.duration )
		);
	}
	return (
		<div className="dm-jobs-admin-report">
			<p>
				{ __( 'Last run:', 'dm-jobs' ) }{ ' ' }
				<Timestamp
					value={ report.started_at }
					timeZone={ timeZone }
					timeZoneLabel={ timeZoneLabel }
				/>{ ' ' }
				{ sprintf(
					/* translators: %s: who started it, e.g. "admin" or "the daily schedule". */
					__( 'by %s.', 'dm-jobs' ),
					who
				) }{ ' ' }
				{ state }
			</p>
			{ report.steps.length === 0 ? (
				<p>
					{ __(
						'No rule was set, so nothing was removed.',
						'dm-jobs'
					) }
				</p>
			) : (
				<ul>
					{ report.steps.map( ( step ) => (
						<li key={ step.key }>
							{ describeRetentionStep(
								step,
								step.affected ?? 0
							) }
							{ step.message ? ` — ${ step.message }` : '' }
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}
