/**
 * WordPress dependencies
 */
import { Button, Modal, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { lazy, Suspense, useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { PageActions } from '../../../shared/components/page-actions';
import { useAdminToolsStore } from '../hooks/use-admin-tools-store';
import { useJobsContext } from '../hooks/use-jobs-context';
import { store } from '../store';
import { filterKey } from '../utils/filter-params';
import { SelectionBar } from './selection-bar';

// The modal and its sections load when it is first opened, so the jobs list
// does not wait for them.
const AdminModal = lazy( () =>
	import( /* webpackChunkName: "admin-tools" */ './admin-modal' ).then(
		( module ) => ( { default: module.AdminModal } )
	)
);

function ModalLoading( { onClose }: { onClose: () => void } ) {
	return (
		<Modal
			title={ __( 'Admin tools', 'dm-jobs' ) }
			onRequestClose={ onClose }
		>
			<p className="dm-jobs-loading" role="status">
				<Spinner />
				{ __( 'Loading…', 'dm-jobs' ) }
			</p>
		</Modal>
	);
}

/**
 * The "Admin" button of the Jobs screen (beside the page title), the
 * selection bar (over the bottom of the list, so ticking a row moves
 * nothing), and the modal.
 */
export function AdminTools() {
	useAdminToolsStore();
	const { query, jobs, total } = useJobsContext();
	const { modalOpen, section } = useSelect(
		( select ) => ( {
			modalOpen: select( store ).isModalOpen(),
			section: select( store ).getSection(),
		} ),
		[]
	);
	const { openModal, closeModal, syncFilter } = useDispatch( store );
	const key = filterKey( query );
	useEffect( () => {
		// A selection belongs to the filter it was made under.
		syncFilter( key );
	}, [ key, syncFilter ] );

	return (
		<div className="dm-jobs-admin-tools">
			<PageActions>
				<Button
					variant="secondary"
					size="compact"
					onClick={ () => openModal() }
					aria-haspopup="dialog"
				>
					{ __( 'Admin', 'dm-jobs' ) }
				</Button>
			</PageActions>
			<SelectionBar
				pageIds={ jobs.map( ( job ) => job.id ) }
				total={ total }
			/>
			{ modalOpen && (
				<Suspense
					fallback={ <ModalLoading onClose={ () => closeModal() } /> }
				>
					<AdminModal section={ section } />
				</Suspense>
			) }
		</div>
	);
}
