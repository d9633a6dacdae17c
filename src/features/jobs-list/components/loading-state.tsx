/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Spinner } from '../../../shared/components/spinner';

export interface LoadingStateProps {
	/** Shown over an existing table instead of in place of it. */
	inline?: boolean;
}

/**
 * Spinner with a polite status message for screen readers.
 *
 * @param props        Component props.
 * @param props.inline Whether it accompanies a table that is already shown.
 */
export function LoadingState( { inline = false }: LoadingStateProps ) {
	return (
		<div
			className={ `dm-jobs-loading${ inline ? ' is-inline' : '' }` }
			role="status"
		>
			<Spinner />
			<span>{ __( 'Loading jobs…', 'dm-jobs' ) }</span>
		</div>
	);
}
