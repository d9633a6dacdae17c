/**
 * WordPress dependencies
 */
import { Button, CheckboxControl, Dropdown } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useId } from '@wordpress/element';
import { sprintf, __, _n } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { BASE_STATUSES } from '../../../shared/types';
import type { BaseStatus, StatusCounts } from '../../../shared/types';
import { formatCount } from '../../../shared/format/format-count';
import { getStatusLabel } from '../../../shared/status/status-display';
import { store } from '../store';

/**
 * What the toggle says is selected: "All statuses", "Failed",
 * "Failed, Pending" or "3 statuses".
 *
 * @param selected Selected statuses.
 */
export function summarizeStatuses( selected: BaseStatus[] ): string {
	if ( selected.length === 0 ) {
		return __( 'All statuses', 'dm-jobs' );
	}
	if ( selected.length <= 2 ) {
		return selected.map( getStatusLabel ).join( ', ' );
	}
	return sprintf(
		/* translators: %d: number of statuses chosen. */
		_n( '%d status', '%d statuses', selected.length, 'dm-jobs' ),
		selected.length
	);
}

/**
 * The label of a status option: "Failed (74)", "Failed (about 1.2M)".
 *
 * @param status The status.
 * @param counts Jobs per status, or `null`.
 */
export function statusOptionLabel(
	status: BaseStatus,
	counts: StatusCounts | null
): string {
	const label = getStatusLabel( status );
	if ( counts === null ) {
		return label;
	}
	return sprintf(
		/* translators: 1: status name, 2: number of jobs with that status. */
		__( '%1$s (%2$s)', 'dm-jobs' ),
		label,
		formatCount( counts.byStatus[ status ], counts.exact )
	);
}

/**
 * Status multi-select: a button opening a list of checkboxes, one per base
 * status, each with its number of jobs. Reads and changes the list's view in
 * the store.
 */
export function JobsStatusFilter() {
	const { selected, counts } = useSelect(
		( select ) => ( {
			selected: select( store ).getQuery().status,
			counts: select( store ).getStatusCounts(),
		} ),
		[]
	);
	const { updateView } = useDispatch( store );
	const onChange = ( status: BaseStatus[] ) => void updateView( { status } );
	const id = `dm-jobs-status-${ useId().replace( /:/g, '' ) }`;

	const toggle = ( status: BaseStatus, checked: boolean ) => {
		const next = checked
			? [ ...selected, status ]
			: selected.filter( ( item ) => item !== status );
		onChange( BASE_STATUSES.filter( ( item ) => next.includes( item ) ) );
	};

	return (
		<div className="dm-jobs-filter dm-jobs-filter--status">
			<span className="dm-jobs-filter__label" id={ `${ id }-label` }>
				{ __( 'Status', 'dm-jobs' ) }
			</span>
			<Dropdown
				className="dm-jobs-status-filter"
				contentClassName="dm-jobs-status-filter__popover"
				popoverProps={ { placement: 'bottom-start' } }
				renderToggle={ ( { isOpen, onToggle } ) => (
					<Button
						__next40pxDefaultSize
						variant="secondary"
						className="dm-jobs-filter__dropdown-toggle"
						onClick={ onToggle }
						aria-expanded={ isOpen }
						aria-haspopup="true"
						aria-labelledby={ `${ id }-label ${ id }-value` }
					>
						<span id={ `${ id }-value` }>
							{ summarizeStatuses( selected ) }
						</span>
						<svg
							className="dm-jobs-filter__chevron"
							width="18"
							height="18"
							viewBox="0 0 24 24"
							aria-hidden="true"
							focusable="false"
						>
							<path d="M17.5 11.6 12 16l-5.5-4.4.9-1.2L12 14l4.5-3.6 1 1.2z" />
						</svg>
					</Button>
				) }
				renderContent={ () => (
					<fieldset className="dm-jobs-status-filter__options">
						<legend>
							{ __( 'Show jobs that are', 'dm-jobs' ) }
						</legend>
						{ BASE_STATUSES.map( ( status ) => (
							<CheckboxControl
								__nextHasNoMarginBottom
								key={ status }
								label={ statusOptionLabel( status, counts ) }
								checked={ selected.includes( status ) }
								onChange={ ( checked ) =>
									toggle( status, checked )
								}
							/>
						) ) }
						{ counts !== null && ! counts.exact && (
							<p className="dm-jobs-status-filter__note">
								{ __(
									'Counts are estimates on a table this large.',
									'dm-jobs'
								) }
							</p>
						) }
						{ selected.length > 0 && (
							<Button
								variant="link"
								onClick={ () => onChange( [] ) }
							>
								{ __( 'Show every status', 'dm-jobs' ) }
							</Button>
						) }
					</fieldset>
				) }
			/>
		</div>
	);
}
