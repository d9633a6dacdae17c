/**
 * WordPress dependencies
 */
import { Modal, TabPanel } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { AlertsSection } from '../alerts';
import { SECTIONS } from '../constants';
import { store } from '../store';
import type { AdminSection } from '../types';
import { sectionLabel } from '../utils/labels';
import { AuditSection } from './sections/audit-section';
import { BulkSection } from './sections/bulk-section';
import { CleanupSection } from './sections/cleanup-section';
import { ExportSection } from './sections/export-section';
import { MaintenanceSection } from './sections/maintenance-section';
import { RetentionSection } from './sections/retention-section';
import { UnfinishedOperations } from './unfinished-operations';

function SectionContent( { section }: { section: AdminSection } ) {
	switch ( section ) {
		case 'bulk':
			return <BulkSection />;
		case 'cleanup':
			return <CleanupSection />;
		case 'retention':
			return <RetentionSection />;
		case 'maintenance':
			return <MaintenanceSection />;
		case 'export':
			return <ExportSection />;
		case 'alerts':
			return <AlertsSection />;
		case 'audit':
			return <AuditSection />;
	}
}

export interface AdminModalProps {
	section: AdminSection;
}

/**
 * The Admin modal: one tab per section.
 *
 * @param props         Component props.
 * @param props.section The section to show first.
 */
export function AdminModal( { section }: AdminModalProps ) {
	const { closeModal, openModal } = useDispatch( store );
	return (
		<Modal
			title={ __( 'Admin tools', 'dm-jobs' ) }
			onRequestClose={ () => closeModal() }
			className="dm-jobs-admin-modal"
			size="large"
		>
			<UnfinishedOperations />
			<TabPanel
				className="dm-jobs-admin-tabs"
				initialTabName={ section }
				onSelect={ ( name ) => openModal( name as AdminSection ) }
				tabs={ SECTIONS.map( ( name ) => ( {
					name,
					title: sectionLabel( name ),
				} ) ) }
			>
				{ ( tab ) => (
					<>
						{ /* Keeps the headings in order: modal title (h1), section, tools (h3). */ }
						<h2 className="screen-reader-text">{ tab.title }</h2>
						<SectionContent section={ tab.name as AdminSection } />
					</>
				) }
			</TabPanel>
		</Modal>
	);
}
