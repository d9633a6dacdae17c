/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export interface RetryNoticeProps {
	/** Tries again; no Retry button when left out. */
	onRetry?: () => void;
	className?: string;
	/** What failed, and why. */
	children: ReactNode;
}

/**
 * Something could not be loaded: an error notice that stays, with a Retry
 * button.
 *
 * @param props           Component props.
 * @param props.onRetry   Tries again.
 * @param props.className Class of the notice.
 * @param props.children  What failed, and why.
 */
export function RetryNotice( {
	onRetry,
	className,
	children,
}: RetryNoticeProps ) {
	return (
		<Notice
			className={ className }
			status="error"
			isDismissible={ false }
			actions={
				onRetry
					? [
							{
								label: __( 'Retry', 'dm-jobs' ),
								onClick: onRetry,
								variant: 'secondary',
							},
						]
					: []
			}
		>
			{ children }
		</Notice>
	);
}
