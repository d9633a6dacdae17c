/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminSection, OperationState, OperationType } from '../types';

export function operationLabel( type: OperationType ): string {
	const labels: Record< OperationType, string > = {
		delete_jobs: __( 'Delete jobs', 'dm-jobs' ),
		update_status: __( 'Change status', 'dm-jobs' ),
		cleanup_jobs: __( 'Clean up jobs', 'dm-jobs' ),
		cleanup_orphan_jobs: __( 'Remove orphan jobs', 'dm-jobs' ),
		cleanup_processed_items: __( 'Remove processed items', 'dm-jobs' ),
		cleanup_orphan_logs: __( 'Remove orphan log lines', 'dm-jobs' ),
		cleanup_orphan_files: __( 'Remove orphan files', 'dm-jobs' ),
		shed_engine_data: __( 'Shed engine data', 'dm-jobs' ),
		optimize_tables: __( 'Optimize tables', 'dm-jobs' ),
		prune_audit: __( 'Prune audit entries', 'dm-jobs' ),
	};
	return labels[ type ];
}

export function stateLabel( state: OperationState ): string {
	const labels: Record< OperationState, string > = {
		running: __( 'Running', 'dm-jobs' ),
		completed: __( 'Completed', 'dm-jobs' ),
		cancelled: __( 'Cancelled', 'dm-jobs' ),
		failed: __( 'Failed', 'dm-jobs' ),
	};
	return labels[ state ];
}

export function sectionLabel( section: AdminSection ): string {
	const labels: Record< AdminSection, string > = {
		bulk: __( 'Bulk', 'dm-jobs' ),
		cleanup: __( 'Cleanup', 'dm-jobs' ),
		retention: __( 'Retention', 'dm-jobs' ),
		maintenance: __( 'Maintenance', 'dm-jobs' ),
		export: __( 'Export', 'dm-jobs' ),
		alerts: __( 'Alerts', 'dm-jobs' ),
		audit: __( 'Audit', 'dm-jobs' ),
	};
	return labels[ section ];
}

/**
 * What the rows an operation touches are called, for "Delete 12 jobs" etc.
 *
 * @param type The operation.
 */
export function rowNoun(
	type: OperationType
): 'jobs' | 'items' | 'lines' | 'folders' | 'tables' | 'entries' {
	switch ( type ) {
		case 'cleanup_processed_items':
			return 'items';
		case 'cleanup_orphan_logs':
			return 'lines';
		case 'cleanup_orphan_files':
			return 'folders';
		case 'optimize_tables':
			return 'tables';
		case 'prune_audit':
			return 'entries';
		default:
			return 'jobs';
	}
}
