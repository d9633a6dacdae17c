/**
 * WordPress dependencies
 */
import { SnackbarList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useNotificationsStore } from '../../../shared/notifications/hooks/use-notifications-store';
import { store } from '../../../shared/notifications/store';

export interface CompletionSnackbarsProps {
	/** Opens a job's details (the snackbar's "Show job"). */
	openJob: ( jobId: number ) => void;
}

/**
 * Snackbars announcing watched jobs that finished: a link to the job,
 * failures stay until dismissed (the screen reader already heard them).
 *
 * @param props         Component props.
 * @param props.openJob Opens a job's details.
 */
export function CompletionSnackbars( { openJob }: CompletionSnackbarsProps ) {
	useNotificationsStore();
	const announcements = useSelect(
		( select ) => select( store ).getAnnouncements(),
		[]
	);
	const { dismissAnnouncement } = useDispatch( store );
	if ( announcements.length === 0 ) {
		return null;
	}
	return (
		<SnackbarList
			className="dm-jobs-completion-snackbars"
			notices={ announcements.map( ( item ) => ( {
				id: item.id,
				content: item.text,
				// Spoken once by the store, with the politeness the outcome deserves.
				spokenMessage: '',
				explicitDismiss: item.explicitDismiss,
				className: item.explicitDismiss ? 'is-failure' : undefined,
				actions: [
					{
						label: __( 'Show job', 'dm-jobs' ),
						url: `?page=dm-jobs&job=${ item.job.id }`,
						onClick: ( event: { preventDefault: () => void } ) => {
							event.preventDefault();
							openJob( item.job.id );
						},
					},
				],
			} ) ) }
			onRemove={ ( id ) => dismissAnnouncement( id ) }
		/>
	);
}
