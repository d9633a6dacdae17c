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
import { StuckBadge } from '../../../shared/components/stuck-badge';
import { JobIdLink } from '../components/job-id-link';
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
					<JobIdLink
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
				cell: ( info ) => (
					<>
						<StatusBadge job={ info.row.original } />
						<StuckBadge job={ info.row.original } />
					</>
				),
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
					<Timestamp
						value={ info.getValue() }
						timeZone={ timeZone }
						timeZoneLabel={ timeZoneLabel }
					/>
				),
				meta: { dmJobsSort: [ { orderby: 'completed_at' } ] },
			} ),
			columnHelper.accessor( 'duration', {
				id: 'duration',
				header: __( 'Duration', 'dm-jobs' ),
				cell: ( info ) => formatDuration( info.getValue() ),
				meta: { dmJobsSort: [ { orderby: 'duration' } ] },
			} ),
		],
		[ timeZone, timeZoneLabel, onOpenJob ]
	);
}
