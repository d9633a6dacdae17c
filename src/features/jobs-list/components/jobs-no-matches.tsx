/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export interface JobsNoMatchesProps {
	onClear: () => void;
}

/**
 * Shown when filters leave no jobs (not the same as having no jobs at all).
 *
 * @param props         Component props.
 * @param props.onClear Removes every filter.
 */
export function JobsNoMatches( { onClear }: JobsNoMatchesProps ) {
	return (
		<section
			className="dm-jobs-no-matches"
			aria-labelledby="dm-jobs-no-matches-heading"
		>
			<h2 id="dm-jobs-no-matches-heading">
				{ __( 'No jobs match these filters', 'dm-jobs' ) }
			</h2>
			<p>
				{ __(
					'Try a wider date range or fewer statuses, or clear the filters to see every job.',
					'dm-jobs'
				) }
			</p>
			<Button variant="secondary" onClick={ onClear }>
				{ __( 'Clear filters', 'dm-jobs' ) }
			</Button>
		</section>
	);
}
