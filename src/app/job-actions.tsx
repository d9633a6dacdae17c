/**
 * Internal dependencies
 */
import './job-actions.scss';
import type { JobListItem } from '../shared/types';
import { WatchButton } from '../features/notifications';
import { RunFlowButton } from './run-flow-button';

export interface JobActionsProps {
	job: JobListItem;
}

/**
 * What an admin can do from a job's details: run its flow again, and be told
 * when an open job finishes.
 *
 * @param props     Component props.
 * @param props.job The job.
 */
export function JobActions( { job }: JobActionsProps ) {
	return (
		<div className="dm-jobs-job-actions">
			<RunFlowButton job={ job } />
			<WatchButton jobId={ job.id } isFinal={ job.is_final } />
		</div>
	);
}
