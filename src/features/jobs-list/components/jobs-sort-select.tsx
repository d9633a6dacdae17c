/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobsOrderBy, SortOrder } from '../../../shared/types';
import { store } from '../store';

function orderByOptions(): Array< { label: string; value: JobsOrderBy } > {
	return [
		{ label: __( 'Job ID', 'dm-jobs' ), value: 'job_id' },
		{ label: __( 'Created', 'dm-jobs' ), value: 'created_at' },
		{ label: __( 'Completed', 'dm-jobs' ), value: 'completed_at' },
		{ label: __( 'Duration', 'dm-jobs' ), value: 'duration' },
		{ label: __( 'Status', 'dm-jobs' ), value: 'status' },
		{ label: __( 'Pipeline', 'dm-jobs' ), value: 'pipeline' },
		{ label: __( 'Flow', 'dm-jobs' ), value: 'flow' },
	];
}

/**
 * Sort controls for narrow screens, where the table's header row (and its
 * sortable headers) is not shown. Reads and changes the list's view in the
 * store.
 */
export function JobsSortSelect() {
	const { orderby, order } = useSelect(
		( select ) => select( store ).getQuery(),
		[]
	);
	const { updateView } = useDispatch( store );
	return (
		<div className="dm-jobs-filter dm-jobs-filter--sort">
			<SelectControl< JobsOrderBy >
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Sort by', 'dm-jobs' ) }
				value={ orderby }
				options={ orderByOptions() }
				onChange={ ( next ) =>
					void updateView( { orderby: next, order } )
				}
			/>
			<SelectControl< SortOrder >
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Order', 'dm-jobs' ) }
				value={ order }
				options={ [
					{ label: __( 'Descending', 'dm-jobs' ), value: 'desc' },
					{ label: __( 'Ascending', 'dm-jobs' ), value: 'asc' },
				] }
				onChange={ ( next ) =>
					void updateView( { orderby, order: next } )
				}
			/>
		</div>
	);
}
