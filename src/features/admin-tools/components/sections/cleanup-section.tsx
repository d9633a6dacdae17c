/**
 * WordPress dependencies
 */
import { CheckboxControl, SelectControl } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _x, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { BaseStatus } from '../../../../shared/types';
import { store as catalogStore } from '../../../../shared/catalog/store';
import { useStoreInRegistry } from '../../../../shared/data/use-store-in-registry';
import { COMPLETED_FAMILY } from '../../constants';
import { getStatusLabel } from '../../../../shared/status/status-display';
import { formatRows } from '../../utils/row-counts';
import type { OperationType } from '../../types';
import { AdminTool } from '../admin-tool';
import { DaysField } from '../days-field';
import { OperationFlow } from '../operation-flow';

function statusList( statuses: readonly BaseStatus[] ): string {
	return statuses
		.map( ( status ) => getStatusLabel( status ) )
		.join(
			/* translators: separator between status names in a list. */
			_x( ',', 'list separator', 'dm-jobs' ) + ' '
		);
}

const removeLabel =
	( noun: Parameters< typeof formatRows >[ 1 ] ) => ( count: number ) =>
		sprintf(
			/* translators: %s: e.g. "1,234 jobs". */
			__( 'Remove %s', 'dm-jobs' ),
			formatRows( count, noun )
		);

/**
 * The tools that remove what deleted jobs or flows left behind.
 */
function orphanCleanups(): {
	id: string;
	type: OperationType;
	title: string;
	description: string;
	noun: Parameters< typeof formatRows >[ 1 ];
}[] {
	return [
		{
			id: 'orphan-jobs',
			type: 'cleanup_orphan_jobs',
			title: __( 'Orphan jobs', 'dm-jobs' ),
			description: __(
				'Finished jobs whose pipeline or flow no longer exists.',
				'dm-jobs'
			),
			noun: 'jobs',
		},
		{
			id: 'orphan-logs',
			type: 'cleanup_orphan_logs',
			title: __( 'Orphan log lines', 'dm-jobs' ),
			description: __(
				'Log lines whose job no longer exists.',
				'dm-jobs'
			),
			noun: 'lines',
		},
		{
			id: 'orphan-files',
			type: 'cleanup_orphan_files',
			title: __( 'Orphan files', 'dm-jobs' ),
			description: __(
				'Per-job upload folders whose job no longer exists. Folders of existing jobs are never touched.',
				'dm-jobs'
			),
			noun: 'folders',
		},
	];
}

/**
 * Cleanup tools, each with a dry run: completed jobs by age, failed jobs (with
 * logs and files), processed items, orphan jobs, logs and files. Pending and
 * processing jobs are never touched here.
 */
export function CleanupSection() {
	const [ completedDays, setCompletedDays ] = useState( 30 );
	const [ failedDays, setFailedDays ] = useState( 30 );
	const [ withCancelled, setWithCancelled ] = useState( false );
	const [ pipelineId, setPipelineId ] = useState< number | null >( null );
	const [ flowId, setFlowId ] = useState< number | null >( null );
	const [ itemDays, setItemDays ] = useState( 0 );
	const [ orphaned, setOrphaned ] = useState( true );
	useStoreInRegistry( catalogStore );
	const { pipelines, flows } = useSelect(
		( select ) => ( {
			pipelines: select( catalogStore ).getPipelines(),
			flows: select( catalogStore ).getFlows( pipelineId ),
		} ),
		[ pipelineId ]
	);
	const failedStatuses: BaseStatus[] = withCancelled
		? [ 'failed', 'cancelled' ]
		: [ 'failed' ];

	return (
		<div className="dm-jobs-admin-section">
			<p className="dm-jobs-admin-note">
				{ __(
					'Pending and processing jobs are never touched by these tools. Every stored form of a status counts: "failed - timeout", "failed: …", legacy "complete", and so on.',
					'dm-jobs'
				) }
			</p>

			<AdminTool
				id="dm-jobs-cleanup-completed"
				title={ sprintf(
					/* translators: %s: comma-separated status names, e.g. "Completed, Skipped by agent". */
					__( 'Successful jobs: %s', 'dm-jobs' ),
					statusList( COMPLETED_FAMILY )
				) }
				description={ sprintf(
					/* translators: %s: comma-separated status names. */
					__(
						'Removes every job whose status is one of these (%s) and that is older than a number of days, with its logs and files.',
						'dm-jobs'
					),
					statusList( COMPLETED_FAMILY )
				) }
			>
				<DaysField
					label={ __( 'Older than (days)', 'dm-jobs' ) }
					min={ 1 }
					value={ completedDays }
					onChange={ setCompletedDays }
				/>
				<OperationFlow
					type="cleanup_jobs"
					params={ {
						statuses: COMPLETED_FAMILY,
						older_than_days: completedDays,
					} }
					actionLabel={ removeLabel( 'jobs' ) }
				/>
			</AdminTool>

			<AdminTool
				id="dm-jobs-cleanup-failed"
				title={ sprintf(
					/* translators: %s: comma-separated status names, e.g. "Failed, Cancelled". */
					__( 'Jobs that did not succeed: %s', 'dm-jobs' ),
					statusList( failedStatuses )
				) }
				description={ __(
					'Failed jobs older than a number of days (optionally cancelled ones too), with their log lines and their files.',
					'dm-jobs'
				) }
			>
				<DaysField
					label={ __(
						'Older than (days, 0 for any age)',
						'dm-jobs'
					) }
					help={
						failedDays === 0
							? __(
									'Any age, including today’s failures you may still need: you will type the exact count to confirm.',
									'dm-jobs'
								)
							: undefined
					}
					value={ failedDays }
					onChange={ setFailedDays }
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'Cancelled jobs too', 'dm-jobs' ) }
					checked={ withCancelled }
					onChange={ setWithCancelled }
				/>
				<OperationFlow
					type="cleanup_jobs"
					params={ {
						statuses: failedStatuses,
						older_than_days: failedDays,
					} }
					requireTypedCount={ failedDays === 0 }
					actionLabel={ removeLabel( 'jobs' ) }
				/>
			</AdminTool>

			<AdminTool
				id="dm-jobs-cleanup-items"
				title={ __( 'Processed items', 'dm-jobs' ) }
				description={ __(
					'Data Machine remembers every item a flow has fetched so it never processes it twice. Removing these records lets those items be processed again.',
					'dm-jobs'
				) }
			>
				<div className="dm-jobs-admin-fields">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Pipeline', 'dm-jobs' ) }
						value={
							pipelineId === null ? '' : String( pipelineId )
						}
						options={ [
							{
								value: '',
								label: __( 'Any pipeline', 'dm-jobs' ),
							},
							...( pipelines ?? [] ).map( ( pipeline ) => ( {
								value: String( pipeline.id ),
								label: pipeline.name,
							} ) ),
						] }
						onChange={ ( value ) => {
							setPipelineId( value ? Number( value ) : null );
							setFlowId( null );
						} }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Flow', 'dm-jobs' ) }
						value={ flowId === null ? '' : String( flowId ) }
						options={ [
							{ value: '', label: __( 'Any flow', 'dm-jobs' ) },
							...( flows ?? [] ).map( ( flow ) => ( {
								value: String( flow.id ),
								label: flow.name,
							} ) ),
						] }
						onChange={ ( value ) =>
							setFlowId( value ? Number( value ) : null )
						}
					/>
					<DaysField
						label={ __(
							'Older than (days, 0 for any age)',
							'dm-jobs'
						) }
						value={ itemDays }
						onChange={ setItemDays }
					/>
				</div>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Only items whose job no longer exists',
						'dm-jobs'
					) }
					checked={ orphaned }
					onChange={ setOrphaned }
				/>
				<OperationFlow
					type="cleanup_processed_items"
					params={ {
						pipeline_id: pipelineId ?? undefined,
						flow_id: flowId ?? undefined,
						older_than_days: itemDays,
						orphaned,
					} }
					disabled={
						pipelineId === null &&
						flowId === null &&
						itemDays === 0 &&
						! orphaned
					}
					actionLabel={ removeLabel( 'items' ) }
				/>
			</AdminTool>

			{ orphanCleanups().map( ( cleanup ) => (
				<AdminTool
					key={ cleanup.type }
					id={ `dm-jobs-cleanup-${ cleanup.id }` }
					title={ cleanup.title }
					description={ cleanup.description }
				>
					<OperationFlow
						type={ cleanup.type }
						params={ {} }
						actionLabel={ removeLabel( cleanup.noun ) }
					/>
				</AdminTool>
			) ) }
		</div>
	);
}
