/**
 * External dependencies
 */
import { createColumnHelper } from '@tanstack/react-table';
import type { MouseEvent } from 'react';

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
import { formatPipelineFlow } from '../../../shared/format/format-pipeline-flow';
import { StatusBadge } from '../../../shared/components/status-badge';
import { Timestamp } from '../../../shared/components/timestamp';

const columnHelper = createColumnHelper< JobListItem >();

export interface JobsColumnsOptions {
	timeZone: string;
	timeZoneLabel: string;
	/** Opens a job's details (the job ID is also a real link to `&job=ID`). */
	onOpenJob?: ( jobId: number ) => void;
}

/**
 * The screen's URL with the job open (a real link: new tab, copy, no script needed).
 *
 * @param jobId The job.
 */
export function jobUrl( jobId: number ): string {
	const params = new URLSearchParams( window.location.search );
	params.set( 'job', String( jobId ) );
	return `${ window.location.pathname }?${ params.toString() }`;
}

function isPlainClick( event: MouseEvent< HTMLAnchorElement > ): boolean {
	return (
		event.button === 0 &&
		! event.metaKey &&
		! event.ctrlKey &&
		! event.shiftKey &&
		! event.altKey
	);
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
					<a
						className="dm-jobs-job-link"
						href={ jobUrl( info.getValue() ) }
						onClick={ ( event ) => {
							if ( onOpenJob && isPlainClick( event ) ) {
								event.preventDefault();
								onOpenJob( info.getValue() );
							}
						} }
					>
						{ info.getValue() }
					</a>
				),
				meta: { dmJobsSort: [ { orderby: 'job_id' } ] },
			} ),
			columnHelper.display( {
				id: 'pipeline-flow',
				header: __( 'Pipeline → Flow', 'dm-jobs' ),
				cell: ( info ) => formatPipelineFlow( info.row.original ),
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
				cell: ( info ) => <StatusBadge job={ info.row.original } />,
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
