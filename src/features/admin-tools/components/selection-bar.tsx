/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';
import { formatJobsTotal } from '../../../shared/format/format-count';
import { pageSelectionState } from '../utils/selection';

export interface SelectionBarProps {
	/** IDs of the rows shown. */
	pageIds: number[];
	/** Jobs matching the current filter (the list's total). */
	total: number;
}

/**
 * "N selected" with "Select all N matching", "Clear" and "Bulk actions…".
 * Shown while something is selected.
 *
 * @param props         Component props.
 * @param props.pageIds
 * @param props.total
 */
export function SelectionBar( { pageIds, total }: SelectionBarProps ) {
	const { selected, allMatching } = useSelect(
		( select ) => ( {
			selected: select( store ).getSelectedIds(),
			allMatching: select( store ).isAllMatching(),
		} ),
		[]
	);
	const { selectAllMatching, clearSelection, openModal } =
		useDispatch( store );
	if ( ! allMatching && selected.length === 0 ) {
		return null;
	}
	const wholePage = pageSelectionState( selected, pageIds ) === 'all';
	return (
		<div
			className="dm-jobs-selection-bar"
			role="region"
			aria-label={ __( 'Selection', 'dm-jobs' ) }
		>
			<p className="dm-jobs-selection-count" aria-live="polite">
				{ allMatching
					? sprintf(
							/* translators: %s: e.g. "1,234 jobs". */
							__(
								'All %s matching the current filter are selected.',
								'dm-jobs'
							),
							formatJobsTotal( total )
						)
					: sprintf(
							/* translators: %s: e.g. "12 jobs". */
							__( '%s selected.', 'dm-jobs' ),
							formatJobsTotal( selected.length )
						) }
			</p>
			{ ! allMatching && wholePage && total > selected.length && (
				<Button variant="link" onClick={ () => selectAllMatching() }>
					{ sprintf(
						/* translators: %s: e.g. "1,234 jobs". */
						__(
							'Select all %s matching the current filter',
							'dm-jobs'
						),
						formatJobsTotal( total )
					) }
				</Button>
			) }
			<Button variant="secondary" onClick={ () => openModal( 'bulk' ) }>
				{ __( 'Bulk actions…', 'dm-jobs' ) }
			</Button>
			<Button variant="tertiary" onClick={ () => clearSelection() }>
				{ __( 'Clear selection', 'dm-jobs' ) }
			</Button>
		</div>
	);
}
