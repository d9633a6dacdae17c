/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import { PER_PAGE_OPTIONS } from '../url/view-url';

export interface JobsPageSizeSelectProps {
	value: number;
	onChange: ( perPage: number ) => void;
}

/**
 * Jobs per page: 20, 50 or 100.
 *
 * @param props Component props.
 */
export function JobsPageSizeSelect( props: JobsPageSizeSelectProps ) {
	const { value, onChange } = props;
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
				onChange={ ( next ) => onChange( Number( next ) ) }
			/>
		</div>
	);
}
