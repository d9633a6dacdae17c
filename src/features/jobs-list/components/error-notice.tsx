/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';

export interface ErrorNoticeProps {
	error: ApiError;
	onRetry: () => void;
}

/**
 * Why the jobs could not be loaded, with a way to try again.
 *
 * @param props         Component props.
 * @param props.error   The error to explain.
 * @param props.onRetry Loads the jobs again.
 */
export function ErrorNotice( { error, onRetry }: ErrorNoticeProps ) {
	return (
		<Notice
			className="dm-jobs-error"
			status="error"
			isDismissible={ false }
			actions={ [
				{
					label: __( 'Retry', 'dm-jobs' ),
					onClick: onRetry,
					variant: 'secondary',
				},
			] }
		>
			{ sprintf(
				/* translators: %s: error message from the server. */
				__( 'Jobs could not be loaded: %s', 'dm-jobs' ),
				error.message
			) }
		</Notice>
	);
}
