/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Says that a completion time lies before the creation time.
 */
export function ImpossibleTimeWarning() {
	return (
		<span className="dm-jobs-time-warning">
			{ __( 'Impossible: before it was created', 'dm-jobs' ) }
		</span>
	);
}
