/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import { store } from '../store';
import { PER_PAGE_OPTIONS } from '../url/view-url';

/**
 * Jobs per page: 20, 50 or 100. Reads and changes the list's view in the
 * store.
 */
export function JobsPageSizeSelect() {
	const value = useSelect(
		( select ) => select( store ).getQuery().perPage,
		[]
	);
	const { updateView } = useDispatch( store );
	return (
		<div className="dm-jobs-filter dm-jobs-filter--per-page">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Per page', 'dm-jobs' ) }
				value={ String( value ) }
				options={ PER_PAGE_OPTIONS.map( ( option ) => ( {
					label: formatNumber( option ),
					value: String( option ),
				} ) ) }
				onChange={ ( next ) =>
					void updateView( { perPage: Number( next ) } )
				}
			/>
		</div>
	);
}
