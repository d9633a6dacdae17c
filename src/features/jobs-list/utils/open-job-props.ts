/**
 * External dependencies
 */
import type { KeyboardEvent, MouseEvent } from 'react';

function focusSibling( row: HTMLTableRowElement, forward: boolean ): void {
	const sibling = forward
		? row.nextElementSibling
		: row.previousElementSibling;
	if ( sibling instanceof HTMLElement ) {
		sibling.focus();
	}
}

/**
 * Row props that open the job's details on click or Enter (not when a link
 * or button inside the row is used). One row is in the tab order (the open
 * job's, else the first); the arrow keys move between rows.
 *
 * @param jobId       The row's job.
 * @param onOpenJob   Opens a job.
 * @param activeJobId The open job.
 * @param tabStop     Whether this row is the one in the tab order.
 */
export function openJobProps(
	jobId: number,
	onOpenJob: ( ( jobId: number ) => void ) | undefined,
	activeJobId: number | null | undefined,
	tabStop: boolean
) {
	if ( ! onOpenJob ) {
		return {};
	}
	const fromControl = ( target: EventTarget ) =>
		target instanceof Element &&
		target.closest( 'a, button, input, label, select, textarea' ) !== null;
	return {
		tabIndex: tabStop ? 0 : -1,
		className: activeJobId === jobId ? 'is-active' : undefined,
		'aria-current': activeJobId === jobId ? ( 'true' as const ) : undefined,
		onClick: ( event: MouseEvent< HTMLTableRowElement > ) => {
			if ( ! fromControl( event.target ) ) {
				onOpenJob( jobId );
			}
		},
		onKeyDown: ( event: KeyboardEvent< HTMLTableRowElement > ) => {
			if ( event.target !== event.currentTarget ) {
				return;
			}
			if ( event.key === 'Enter' ) {
				event.preventDefault();
				onOpenJob( jobId );
			} else if ( event.key === 'ArrowDown' || event.key === 'ArrowUp' ) {
				event.preventDefault();
				focusSibling( event.currentTarget, event.key === 'ArrowDown' );
			}
		},
	};
}
