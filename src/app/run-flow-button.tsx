/**
 * WordPress dependencies
 */
import { Button, Modal, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobListItem } from '../shared/types';
import { store as jobsStore } from '../features/jobs-list/store';
import { useNotificationsStore } from '../shared/notifications/hooks/use-notifications-store';
import { store as notificationsStore } from '../shared/notifications/store';
import { rerunJob, runFlow } from '../shared/data-machine/runs-api';
import type { RunResult } from '../shared/data-machine/types';
import { readIntegrationConfig } from '../shared/data-machine/integration-config';
import { viewShowingJob } from '../shared/data-machine/view-showing-job';

export interface RunFlowButtonProps {
	job: Pick<
		JobListItem,
		| 'id'
		| 'status'
		| 'pipeline_id'
		| 'pipeline_name'
		| 'flow_id'
		| 'flow_name'
	>;
}

/**
 * "Re-run" on a failed job, "Run flow now" on any other job whose flow still
 * exists; absent when nothing can run flows here (Data Machine inactive and no
 * runner provided). The confirmation names the flow; the new job then shows at
 * the top of the list, highlighted and opened, and is watched until it finishes.
 *
 * @param props     Component props.
 * @param props.job The job it starts from.
 */
export function RunFlowButton( { job }: RunFlowButtonProps ) {
	useNotificationsStore();
	const [ confirming, setConfirming ] = useState( false );
	const [ running, setRunning ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const [ skipped, setSkipped ] = useState< string | null >( null );
	const { updateView, jumpToJob, invalidateJobs } = useDispatch( jobsStore );
	const { watchJob } = useDispatch( notificationsStore );
	const view = useSelect( ( select ) => select( jobsStore ).getQuery(), [] );

	if (
		! readIntegrationConfig().canRunFlows ||
		job.flow_name === null ||
		job.flow_id === null ||
		job.flow_id < 1
	) {
		return null;
	}
	const flowId = job.flow_id;
	const flowName = job.flow_name;
	const rerun = job.status === 'failed';
	const label = rerun
		? __( 'Re-run', 'dm-jobs' )
		: __( 'Run flow now', 'dm-jobs' );

	const started = async ( result: RunResult ) => {
		if ( result.job_id === null || result.job === null ) {
			setSkipped(
				sprintf(
					/* translators: %s: Data Machine's reason, e.g. empty_drain_queue */
					__( 'Data Machine skipped the run: %s', 'dm-jobs' ),
					result.message
				)
			);
			return;
		}
		watchJob( result.job_id, 'started' );
		// A new job: every cached page is out of date. The list is loaded
		// again either way (in a view that shows the job), so it is in it.
		const showing = viewShowingJob( view, result.job );
		await invalidateJobs( { refetchShown: showing === null } );
		if ( showing !== null ) {
			await updateView( showing );
		}
		jumpToJob( result.job_id, true );
	};

	const confirm = async () => {
		setRunning( true );
		setError( null );
		try {
			const result = rerun
				? await rerunJob( job.id )
				: await runFlow( flowId );
			setConfirming( false );
			await started( result );
		} catch ( caught ) {
			setError(
				caught instanceof Error ? caught.message : String( caught )
			);
		} finally {
			setRunning( false );
		}
	};

	return (
		<>
			<Button
				variant="primary"
				__next40pxDefaultSize
				onClick={ () => {
					setError( null );
					setSkipped( null );
					setConfirming( true );
				} }
			>
				{ label }
			</Button>
			{ skipped !== null && (
				<Notice status="warning" onRemove={ () => setSkipped( null ) }>
					{ skipped }
				</Notice>
			) }
			{ confirming && (
				<Modal
					title={
						rerun
							? sprintf(
									/* translators: %d: job ID */
									__( 'Re-run job #%d?', 'dm-jobs' ),
									job.id
								)
							: __( 'Run this flow now?', 'dm-jobs' )
					}
					onRequestClose={ () => ! running && setConfirming( false ) }
					size="medium"
				>
					<p>
						{ sprintf(
							/* translators: 1: flow name, 2: flow ID, 3: pipeline name */
							__(
								'Data Machine will run the flow “%1$s” (#%2$d) of the pipeline “%3$s” now, as a new job. It appears at the top of the list and you are told when it finishes.',
								'dm-jobs'
							),
							flowName,
							flowId,
							job.pipeline_name ??
								sprintf(
									/* translators: %d: pipeline ID */
									__( 'deleted pipeline #%d', 'dm-jobs' ),
									job.pipeline_id ?? 0
								)
						) }
					</p>
					{ error !== null && (
						<Notice status="error" isDismissible={ false }>
							{ error }
						</Notice>
					) }
					<div className="dm-jobs-run-flow__buttons">
						<Button
							variant="tertiary"
							onClick={ () => setConfirming( false ) }
							disabled={ running }
							__next40pxDefaultSize
						>
							{ __( 'Cancel', 'dm-jobs' ) }
						</Button>
						<Button
							variant="primary"
							onClick={ () => void confirm() }
							isBusy={ running }
							disabled={ running }
							__next40pxDefaultSize
						>
							{ sprintf(
								/* translators: %s: flow name */
								__( 'Run “%s”', 'dm-jobs' ),
								job.flow_name
							) }
						</Button>
					</div>
				</Modal>
			) }
		</>
	);
}
