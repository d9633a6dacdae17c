/**
 * The row selection of the jobs table: a checkbox column (its header selects
 * the page; Shift-click selects a range) kept in the admin tools store.
 * Hooked into the table with one line:
 * `const columns = useSelectionColumn( useJobsColumns( … ), jobs );`
 */

/**
 * External dependencies
 */
import { createColumnHelper } from '@tanstack/react-table';
import type { DisplayColumnDef } from '@tanstack/react-table';
import type { MouseEvent } from 'react';

/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useMemo, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobListItem } from '../../../shared/types';
import { store } from '../store';
import { pageSelectionState } from '../utils/selection';
import { useAdminToolsStore } from './use-admin-tools-store';

export const SELECTION_COLUMN_ID = 'select';

const columnHelper = createColumnHelper< JobListItem >();

function PageCheckbox( { pageIds }: { pageIds: number[] } ) {
	const { selected, allMatching } = useSelect(
		( select ) => ( {
			selected: select( store ).getSelectedIds(),
			allMatching: select( store ).isAllMatching(),
		} ),
		[]
	);
	const { setRows } = useDispatch( store );
	const state = allMatching ? 'all' : pageSelectionState( selected, pageIds );
	const ref = useRef< HTMLInputElement >( null );
	useEffect( () => {
		if ( ref.current ) {
			ref.current.indeterminate = state === 'some';
		}
	}, [ state ] );
	return (
		<input
			ref={ ref }
			type="checkbox"
			className="dm-jobs-select-page"
			aria-label={ __( 'Select all jobs on this page', 'dm-jobs' ) }
			checked={ state === 'all' }
			onChange={ ( event ) => setRows( pageIds, event.target.checked ) }
		/>
	);
}

function RowCheckbox( {
	job,
	pageIds,
}: {
	job: JobListItem;
	pageIds: number[];
} ) {
	const { checked, anchorId } = useSelect(
		( select ) => ( {
			checked:
				select( store ).isAllMatching() ||
				select( store ).getSelectedIds().includes( job.id ),
			anchorId: select( store ).getAnchorId(),
		} ),
		[ job.id ]
	);
	const { clickRow } = useDispatch( store );
	return (
		<input
			type="checkbox"
			className="dm-jobs-select-row"
			aria-label={ sprintf(
				/* translators: %d: job ID. */
				__( 'Select job %d', 'dm-jobs' ),
				job.id
			) }
			checked={ checked }
			// onClick (not onChange) to read Shift; the row's own click handler ignores inputs.
			onClick={ ( event: MouseEvent< HTMLInputElement > ) =>
				clickRow(
					pageIds,
					anchorId,
					job.id,
					event.currentTarget.checked,
					event.shiftKey
				)
			}
			onChange={ () => undefined }
		/>
	);
}

/**
 * Puts the selection checkbox column in front of the table's columns.
 *
 * @param columns The table's columns.
 * @param jobs    The rows shown (for page selection and Shift ranges).
 */
export function useSelectionColumn< Column >(
	columns: Column[],
	jobs: JobListItem[]
): Array< Column | DisplayColumnDef< JobListItem, unknown > > {
	useAdminToolsStore();
	const pageIds = useMemo( () => jobs.map( ( job ) => job.id ), [ jobs ] );
	return useMemo(
		() => [
			columnHelper.display( {
				id: SELECTION_COLUMN_ID,
				header: () => <PageCheckbox pageIds={ pageIds } />,
				cell: ( info ) => (
					<RowCheckbox
						job={ info.row.original }
						pageIds={ pageIds }
					/>
				),
				enableSorting: false,
			} ),
			...columns,
		],
		[ columns, pageIds ]
	);
}
