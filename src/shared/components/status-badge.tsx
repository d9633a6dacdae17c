/**
 * Internal dependencies
 */
import type { JobListItem } from '../types';
import { resolveJobStatus } from '../status/parse-status';
import { getStatusLabel, getStatusTone } from '../status/status-display';

export interface StatusBadgeProps {
	job: Pick< JobListItem, 'status' | 'status_reason' | 'raw_status' >;
}

/**
 * Coloured status label with the status reason, if any, next to it.
 *
 * @param props     Component props.
 * @param props.job The job whose status to show.
 */
export function StatusBadge( { job }: StatusBadgeProps ) {
	const { status, reason } = resolveJobStatus( job );
	const tone = getStatusTone( status );
	return (
		<span className="dm-jobs-status">
			<span
				className={ `dm-jobs-status-badge is-${ tone }` }
				data-status={ status }
			>
				{ getStatusLabel( status ) }
			</span>
			{ reason !== null && (
				<span className="dm-jobs-status-reason">{ reason }</span>
			) }
		</span>
	);
}
