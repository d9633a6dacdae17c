/**
 * WordPress dependencies
 */
import { ExternalLink } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import { StatusBadge } from '../../../shared/components/status-badge';
import { Timestamp } from '../../../shared/components/timestamp';
import { ImpossibleTimeWarning } from '../../../shared/components/impossible-time-warning';
import { completedBeforeCreated } from '../../../shared/format/completed-before-created';
import type { DmJobsConfig } from '../../../shared/types';
import type { JobDetail } from '../types';
import { formatDuration } from '../../../shared/format/format-duration';
import { secondsBetween } from '../utils/seconds-between';
import { isSafeHttpUrl } from '../utils/safe-http-url';
import { OpenInDataMachine } from '../../../shared/data-machine/open-in-data-machine';
import { readIntegrationConfig } from '../../../shared/data-machine/integration-config';

export interface SummarySectionProps {
	job: JobDetail;
	config: DmJobsConfig;
	timeZone: string;
	timeZoneLabel: string;
}

function named(
	name: string | null,
	id: number | null,
	missing: ( id: number ) => string
): string {
	if ( id === null ) {
		// No saved pipeline/flow (direct, chat, system task): the name Data Machine shows, as is.
		return name ?? '—';
	}
	return name === null
		? missing( id )
		: sprintf(
				/* translators: 1: pipeline or flow name, 2: its ID. */
				__( '%1$s (#%2$d)', 'dm-jobs' ),
				name,
				id
			);
}

/**
 * IDs, pipeline and flow, status and reason, times and duration.
 *
 * @param props               Component props.
 * @param props.job
 * @param props.config
 * @param props.timeZone
 * @param props.timeZoneLabel
 */
export function SummarySection( {
	job,
	config,
	timeZone,
	timeZoneLabel,
}: SummarySectionProps ) {
	const time = ( value: string | null ) => (
		<Timestamp
			value={ value }
			timeZone={ timeZone }
			timeZoneLabel={ timeZoneLabel }
		/>
	);
	const running = ! job.is_final;
	const duration =
		job.duration ??
		( running
			? secondsBetween(
					job.started_at ?? job.created_at,
					new Date().toISOString()
				)
			: null );
	const hasLinks = readIntegrationConfig().links !== null;
	const pipelinesUrl =
		config.pipelinesUrl !== null && isSafeHttpUrl( config.pipelinesUrl )
			? config.pipelinesUrl
			: null;

	return (
		<dl className="dm-jobs-facts">
			<dt>{ __( 'Job ID', 'dm-jobs' ) }</dt>
			<dd>{ job.id }</dd>
			<dt>{ __( 'Pipeline', 'dm-jobs' ) }</dt>
			<dd>
				{ named( job.pipeline_name, job.pipeline_id, ( id ) =>
					/* translators: %d: pipeline ID. */
					sprintf( __( 'Deleted pipeline (#%d)', 'dm-jobs' ), id )
				) }
				{ job.pipeline_name !== null && hasLinks && (
					<>
						{ ' ' }
						<OpenInDataMachine
							pipelineId={ job.pipeline_id ?? 0 }
						/>
					</>
				) }
				{ pipelinesUrl !== null &&
					job.pipeline_name !== null &&
					! hasLinks && (
						<>
							{ ' ' }
							<ExternalLink href={ pipelinesUrl }>
								{ __( 'Open in Data Machine', 'dm-jobs' ) }
							</ExternalLink>
						</>
					) }
			</dd>
			<dt>{ __( 'Flow', 'dm-jobs' ) }</dt>
			<dd>
				{ named( job.flow_name, job.flow_id, ( id ) =>
					/* translators: %d: flow ID. */
					sprintf( __( 'Deleted flow (#%d)', 'dm-jobs' ), id )
				) }
				{ job.flow_name !== null &&
					job.pipeline_name !== null &&
					hasLinks && (
						<>
							{ ' ' }
							<OpenInDataMachine
								pipelineId={ job.pipeline_id ?? 0 }
								flowId={ job.flow_id ?? 0 }
							/>
						</>
					) }
			</dd>
			<dt>{ __( 'Status', 'dm-jobs' ) }</dt>
			<dd>
				<StatusBadge job={ job } />
				{ job.raw_status !== job.status && (
					<span className="dm-jobs-raw-status">
						{ sprintf(
							/* translators: %s: the status as stored in the database. */
							__( 'stored as “%s”', 'dm-jobs' ),
							job.raw_status
						) }
					</span>
				) }
			</dd>
			<dt>{ __( 'Created', 'dm-jobs' ) }</dt>
			<dd>{ time( job.created_at ) }</dd>
			<dt>{ __( 'Started', 'dm-jobs' ) }</dt>
			<dd>{ time( job.started_at ) }</dd>
			<dt>{ __( 'Completed', 'dm-jobs' ) }</dt>
			<dd>
				{ running
					? __( 'Not yet', 'dm-jobs' )
					: time( job.completed_at ) }
				{ completedBeforeCreated(
					job.created_at,
					job.completed_at
				) && <ImpossibleTimeWarning /> }
			</dd>
			<dt>{ __( 'Duration', 'dm-jobs' ) }</dt>
			<dd>
				{ formatDuration( duration ) }
				{ running &&
					duration !== null &&
					` ${ __( '(so far)', 'dm-jobs' ) }` }
			</dd>
			<dt>{ __( 'Log lines', 'dm-jobs' ) }</dt>
			<dd>{ formatNumber( job.log_counts.total ) }</dd>
		</dl>
	);
}
