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
import type { JobListItem } from '../types';
import { formatPipelineFlow } from '../utils/format-pipeline-flow';
import { StatusBadge } from '../components/status-badge';
import { Timestamp } from '../components/timestamp';

const columnHelper = createColumnHelper< JobListItem >();

export interface JobsColumnsOptions {
	timeZone: string;
	timeZoneLabel: string;
}

/**
 * Column definitions of the jobs table. Headers are plain strings so they can
 * also label the cells in the narrow, stacked layout.
 *
 * @param options Time zone to show timestamps in.
 */
export function useJobsColumns( options: JobsColumnsOptions ) {
	const { timeZone, timeZoneLabel } = options;
	return useMemo(
		() => [
			columnHelper.accessor( 'id', {
				id: 'id',
				header: __( 'Job ID', 'dm-jobs' ),
				cell: ( info ) => info.getValue(),
			} ),
			columnHelper.display( {
				id: 'pipeline-flow',
				header: __( 'Pipeline → Flow', 'dm-jobs' ),
				cell: ( info ) => formatPipelineFlow( info.row.original ),
			} ),
			columnHelper.display( {
				id: 'status',
				header: __( 'Status', 'dm-jobs' ),
				cell: ( info ) => <StatusBadge job={ info.row.original } />,
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
			} ),
		],
		[ timeZone, timeZoneLabel ]
	);
}
