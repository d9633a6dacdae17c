/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';

/**
 * A page past the end of the list (a stale link, or jobs removed meanwhile),
 * with a button that shows the last page (changes the page in the jobs
 * store).
 */
export function JobsOutOfRange() {
	const totalPages = useSelect(
		( select ) => select( store ).getTotalPages(),
		[]
	);
	const { goToPage } = useDispatch( store );
	return (
		<div className="dm-jobs-out-of-range">
			<p>{ __( 'There are no jobs on this page.', 'dm-jobs' ) }</p>
			<Button
				variant="secondary"
				onClick={ () => void goToPage( Math.max( 1, totalPages ) ) }
			>
				{ __( 'Go to the last page', 'dm-jobs' ) }
			</Button>
		</div>
	);
}
