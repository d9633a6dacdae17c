/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export interface JobsOutOfRangeProps {
	onGoToLastPage: () => void;
}

/**
 * A page past the end of the list (a stale link, or jobs removed meanwhile).
 *
 * @param props                Component props.
 * @param props.onGoToLastPage Shows the last page.
 */
export function JobsOutOfRange( { onGoToLastPage }: JobsOutOfRangeProps ) {
	return (
		<div className="dm-jobs-out-of-range">
			<p>{ __( 'There are no jobs on this page.', 'dm-jobs' ) }</p>
			<Button variant="secondary" onClick={ onGoToLastPage }>
				{ __( 'Go to the last page', 'dm-jobs' ) }
			</Button>
		</div>
	);
}
