/**
 * External dependencies
 */
import type { MouseEvent } from 'react';

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

export interface JobOpenLinkProps {
	jobId: number;
	/** Opens the details in place on a plain click; without it the link navigates. */
	onOpenJob?: ( jobId: number ) => void;
}

/**
 * The job ID as a link to its details: Enter or a click opens the panel in
 * place, and the link's address (the `job` deep link) opens it in a new tab.
 *
 * @param props           Component props.
 * @param props.jobId
 * @param props.onOpenJob
 */
export function JobOpenLink( { jobId, onOpenJob }: JobOpenLinkProps ) {
	const href = addQueryArgs( window.location.href, { job: jobId } );
	const onClick = ( event: MouseEvent< HTMLAnchorElement > ) => {
		if (
			! onOpenJob ||
			event.button !== 0 ||
			event.metaKey ||
			event.ctrlKey ||
			event.shiftKey ||
			event.altKey
		) {
			return;
		}
		event.preventDefault();
		onOpenJob( jobId );
	};
	return (
		<a
			href={ href }
			className="dm-jobs-job-link dm-jobs-open-job"
			data-job-link={ jobId }
			aria-label={ sprintf(
				/* translators: %d: job ID. */
				__( 'Job %d: open details', 'dm-jobs' ),
				jobId
			) }
			onClick={ onClick }
		>
			{ jobId }
		</a>
	);
}
