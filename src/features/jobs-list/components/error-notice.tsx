/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { RetryNotice } from '../../../shared/components/retry-notice';
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
		<RetryNotice className="dm-jobs-error" onRetry={ onRetry }>
			{ sprintf(
				/* translators: %s: error message from the server. */
				__( 'Jobs could not be loaded: %s', 'dm-jobs' ),
				error.message
			) }
		</RetryNotice>
	);
}
