/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useNotificationsStore } from '../../../shared/notifications/hooks/use-notifications-store';
import { store } from '../../../shared/notifications/store';
import {
	browserNotificationsOn,
	browserNotificationsSupported,
	turnBrowserNotificationsOff,
	turnBrowserNotificationsOn,
} from '../../../shared/notifications/utils/browser-notifications';

export interface WatchButtonProps {
	jobId: number;
	/** Only open jobs can be watched. */
	isFinal: boolean;
}

/**
 * "Tell me when it finishes" for an open job, and the opt-in for browser
 * notifications.
 *
 * @param props         Component props.
 * @param props.jobId   The job.
 * @param props.isFinal Whether it already finished.
 */
export function WatchButton( { jobId, isFinal }: WatchButtonProps ) {
	useNotificationsStore();
	const watched = useSelect(
		( select ) => select( store ).getWatchedJob( jobId ) !== null,
		[ jobId ]
	);
	const { watchJob, unwatchJob } = useDispatch( store );
	const [ browserOn, setBrowserOn ] = useState( browserNotificationsOn );
	if ( isFinal && ! watched ) {
		return null;
	}
	return (
		<div className="dm-jobs-watch">
			<Button
				variant="secondary"
				__next40pxDefaultSize
				aria-pressed={ watched }
				onClick={ () =>
					watched ? unwatchJob( jobId ) : watchJob( jobId, 'watched' )
				}
			>
				{ watched
					? __( 'Watching: stop', 'dm-jobs' )
					: __( 'Tell me when it finishes', 'dm-jobs' ) }
			</Button>
			{ watched && browserNotificationsSupported() && (
				<Button
					variant="tertiary"
					__next40pxDefaultSize
					onClick={ async () => {
						if ( browserOn ) {
							turnBrowserNotificationsOff();
							setBrowserOn( false );
							return;
						}
						setBrowserOn( await turnBrowserNotificationsOn() );
					} }
				>
					{ browserOn
						? __( 'Browser notifications: on', 'dm-jobs' )
						: __( 'Also notify me in the browser', 'dm-jobs' ) }
				</Button>
			) }
		</div>
	);
}
