/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Timestamp } from '../../../shared/components/timestamp';
import type { RetentionReport as Report, RetentionStep } from '../types';
import { formatDuration } from '../../../shared/format/format-duration';
import { formatRows } from '../utils/row-counts';

export function stepLabel( key: RetentionStep[ 'key' ] ): string {
	const labels: Record< RetentionStep[ 'key' ], string > = {
		completed: __( 'Completed jobs', 'dm-jobs' ),
		failed: __( 'Failed and cancelled jobs', 'dm-jobs' ),
		engine_data: __( 'Engine data shed', 'dm-jobs' ),
		audit: __( 'Audit entries', 'dm-jobs' ),
	};
	return labels[ key ];
}

function stepNoun( key: RetentionStep[ 'key' ] ) {
	return key === 'audit' ? ( 'entries' as const ) : ( 'jobs' as const );
}

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
							{ sprintf(
								/* translators: 1: rule name, 2: e.g. "1,234 jobs", 3: days. */
								__(
									'%1$s: %2$s (older than %3$d days)',
									'dm-jobs'
								),
								stepLabel( step.key ),
								formatRows(
									step.affected ?? 0,
									stepNoun( step.key )
								),
								step.days
							) }
							{ step.message ? ` — ${ step.message }` : '' }
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}
