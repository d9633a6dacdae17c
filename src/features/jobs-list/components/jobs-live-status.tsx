/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { useNow } from '../hooks/use-live-updates';
import { formatExactTime } from '../../../shared/format/format-timestamp';
import { formatUpdatedAgo } from '../../../shared/format/format-updated';
import type { PollState } from '../utils/poll-scheduler';

export interface JobsLiveStatusProps {
	state: PollState;
	/** When the rows were last loaded or confirmed current (ms), or `null`. */
	lastUpdated: number | null;
	timeZone: string;
	timeZoneLabel: string;
	onRetryNow: () => void;
	/** Shown on the same line (the new-jobs bar), so nothing below moves. */
	children?: ReactNode;
}

/**
 * Why the last poll failed, in words.
 *
 * @param error What the poll threw.
 */
export function liveErrorMessage( error: unknown ): string {
	if ( error instanceof ApiRequestError || error instanceof Error ) {
		return error.message;
	}
	return __( 'the server could not be reached', 'dm-jobs' );
}

/**
 * "Updated just now" (polite live region, coarse so it is not chatty) and,
 * when polls fail, a notice with the countdown to the next try and a
 * "Retry now" button.
 *
 * @param props Component props.
 */
export function JobsLiveStatus( props: JobsLiveStatusProps ) {
	const {
		state,
		lastUpdated,
		timeZone,
		timeZoneLabel,
		onRetryNow,
		children,
	} = props;
	const now = useNow( 1000 );
	const retrying = state.status === 'retrying';
	const seconds =
		state.retryAt === null
			? 0
			: Math.max( 0, Math.ceil( ( state.retryAt - now ) / 1000 ) );
	const reason = liveErrorMessage( state.error );

	return (
		<div className="dm-jobs-live">
			<p className="dm-jobs-live__updated" aria-live="polite">
				{ lastUpdated !== null && (
					<time
						dateTime={ new Date( lastUpdated ).toISOString() }
						title={ formatExactTime(
							new Date( lastUpdated ),
							timeZone,
							timeZoneLabel
						) }
					>
						{ formatUpdatedAgo( lastUpdated, now ) }
					</time>
				) }
			</p>
			{ children }
			{ retrying && (
				<Notice
					className="dm-jobs-live__notice"
					status="warning"
					isDismissible={ false }
					politeness="polite"
					spokenMessage={ sprintf(
						/* translators: %s: why the last update failed. */
						__( 'Live updates paused: %s.', 'dm-jobs' ),
						reason
					) }
					actions={ [
						{
							label: __( 'Retry now', 'dm-jobs' ),
							onClick: onRetryNow,
							variant: 'secondary',
						},
					] }
				>
					{ sprintf(
						/* translators: 1: why the last update failed, 2: seconds until the next try. */
						__(
							'Live updates paused: %1$s. Retrying in %2$d s.',
							'dm-jobs'
						),
						reason,
						seconds
					) }
				</Notice>
			) }
		</div>
	);
}
