/**
 * External dependencies
 */
import type { MouseEvent } from 'react';

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

export interface JobIdLinkProps {
	jobId: number;
	/** Opens the job's details in place (a plain click). */
	onOpenJob?: ( jobId: number ) => void;
}

/**
 * The job ID as a real link to `&job=ID` (the deep link of its details), so it
 * can be opened in a new tab or copied; a plain click opens it in place.
 *
 * @param props           Component props.
 * @param props.jobId     The job.
 * @param props.onOpenJob Opens the details here.
 */
export function JobIdLink( { jobId, onOpenJob }: JobIdLinkProps ) {
	const params = new URLSearchParams( window.location.search );
	params.set( 'job', String( jobId ) );
	const open = ( event: MouseEvent< HTMLAnchorElement > ) => {
		const plain =
			event.button === 0 &&
			! event.metaKey &&
			! event.ctrlKey &&
			! event.shiftKey &&
			! event.altKey;
		if ( plain && onOpenJob ) {
			event.preventDefault();
			onOpenJob( jobId );
		}
	};
	return (
		<a
			className="dm-jobs-job-id-link"
			href={ `?${ params.toString() }` }
			onClick={ open }
			// The row is the keyboard stop (Enter opens it); the link is for
			// the pointer: a new tab, a copied address.
			tabIndex={ onOpenJob ? -1 : undefined }
			aria-label={ sprintf(
				/* translators: %d: job ID */
				__( 'Job #%d: open details', 'dm-jobs' ),
				jobId
			) }
		>
			{ jobId }
		</a>
	);
}
