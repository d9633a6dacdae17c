/**
 * External dependencies
 */
import type { MouseEvent } from 'react';

/**
 * Row props that open the job's details on a click anywhere in the row (not
 * when a link or button inside the row is used). The keyboard opens a job
 * through the link in its ID cell (see JobOpenLink), so rows are no Tab stops.
 *
 * @param jobId       The row's job.
 * @param onOpenJob   Opens a job.
 * @param activeJobId The open job.
 */
export function openJobProps(
	jobId: number,
	onOpenJob: ( ( jobId: number ) => void ) | undefined,
	activeJobId: number | null | undefined
) {
	if ( ! onOpenJob ) {
		return {};
	}
	const fromControl = ( target: EventTarget ) =>
		target instanceof Element &&
		target.closest( 'a, button, input, label, select, textarea' ) !== null;
	return {
		className: activeJobId === jobId ? 'is-active' : undefined,
		'aria-current': activeJobId === jobId ? ( 'true' as const ) : undefined,
		onClick: ( event: MouseEvent< HTMLTableRowElement > ) => {
			if ( ! fromControl( event.target ) ) {
				onOpenJob( jobId );
			}
		},
	};
}
