/**
 * External dependencies
 */
import { createColumnHelper } from '@tanstack/react-table';

/**
 * WordPress dependencies
 */
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobListItem } from '../../../shared/types';
import { formatDuration } from '../../../shared/format/format-duration';
import { StatusBadge } from '../../../shared/components/status-badge';
import { Timestamp } from '../../../shared/components/timestamp';
import { ImpossibleTimeWarning } from '../../../shared/components/impossible-time-warning';
import { completedBeforeCreated } from '../../../shared/format/completed-before-created';
import { StuckBadge } from '../../../shared/components/stuck-badge';
import { JobOpenLink } from '../components/job-open-link';
import { PipelineFlowLinks } from '../../../shared/data-machine/pipeline-flow-links';

const columnHelper = createColumnHelper< JobListItem >();

export interface JobsColumnsOptions {
	timeZone: string;
	timeZoneLabel: string;
	/** Opens a job's details (a plain click on its ID link). */
	onOpenJob?: ( jobId: number ) => void;
}

/**
 * Column definitions of the jobs table. Headers are plain strings so they can
 * also label the cells in the narrow, stacked layout.
 *
 * @param options Time zone to show timestamps in.
 */
export function useJobsColumns( options: JobsColumnsOptions ) {
	const { timeZone, timeZoneLabel, onOpenJob } = options;
	return useMemo(
		() => [
			columnHelper.accessor( 'id', {
				id: 'id',
				header: __( 'Job ID', 'dm-jobs' ),
				cell: ( info ) => (
					<JobOpenLink
						jobId={ info.getValue() }
						onOpenJob={ onOpenJob }
					/>
				),
				meta: { dmJobsSort: [ { orderby: 'job_id' } ] },
			} ),
			columnHelper.display( {
				id: 'pipeline-flow',
				header: __( 'Pipeline → Flow', 'dm-jobs' ),
				cell: ( info ) => (
					<PipelineFlowLinks job={ info.row.original } />
				),
				meta: {
					dmJobsSort: [
						{
							orderby: 'pipeline',
							label: __( 'Pipeline', 'dm-jobs' ),
						},
						{ orderby: 'flow', label: __( 'Flow', 'dm-jobs' ) },
					],
				},
			} ),
			columnHelper.display( {
				id: 'status',
				header: __( 'Status', 'dm-jobs' ),
				cell: ( info ) => {
					const job = info.row.original;
					return (
						<>
							<StatusBadge job={ job } />
							<StuckBadge job={ job } />
							{ job.status === 'failed' && job.error_summary && (
								<span
									className="dm-jobs-error-summary"
									title={ job.error_summary }
								>
									{ job.error_summary }
								</span>
							) }
						</>
					);
				},
				meta: { dmJobsSort: [ { orderby: 'status' } ] },
			} ),
			columnHelper.accessor( 'created_at', {
				id: 'created',
				header: __( 'Created', 'dm-jobs' ),
				cell: ( info ) => (
					<Timestamp
						value={ info.getValue() }
						timeZone={ timeZone }
						timeZoneLabel={ timeZoneLabel }
					/>
				),
				meta: { dmJobsSort: [ { orderby: 'created_at' } ] },
			} ),
			columnHelper.accessor( 'completed_at', {
				id: 'completed',
				header: __( 'Completed', 'dm-jobs' ),
				cell: ( info ) => (
					<>
						<Timestamp
							value={ info.getValue() }
							timeZone={ timeZone }
							timeZoneLabel={ timeZoneLabel }
						/>
						{ completedBeforeCreated(
							info.row.original.created_at,
							info.getValue()
						) && <ImpossibleTimeWarning /> }
					</>
				),
				meta: { dmJobsSort: [ { orderby: 'completed_at' } ] },
			} ),
			columnHelper.accessor( 'duration', {
				id: 'duration',
				header: __( 'Duration', 'dm-jobs' ),
				cell: ( info ) =>
					completedBeforeCreated(
						info.row.original.created_at,
						info.row.original.completed_at
					)
						? __( 'Invalid', 'dm-jobs' )
						: formatDuration( info.getValue() ),
				meta: { dmJobsSort: [ { orderby: 'duration' } ] },
			} ),
		],
		[ timeZone, timeZoneLabel, onOpenJob ]
	);
}
