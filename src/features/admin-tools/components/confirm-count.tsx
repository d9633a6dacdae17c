/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { TYPE_TO_CONFIRM_ABOVE } from '../constants';
import { formatNumber } from '../../../shared/format/format-number';

/**
 * Whether the typed text is the count (separators and spaces ignored).
 *
 * @param typed What the admin typed.
 * @param count The exact count.
 */
export function matchesCount( typed: string, count: number ): boolean {
	const digits = typed.replace( /[^0-9]/g, '' );
	return digits !== '' && Number( digits ) === count;
}

export function needsTypedCount( count: number ): boolean {
	return count > TYPE_TO_CONFIRM_ABOVE;
}

export interface ConfirmCountProps {
	count: number;
	value: string;
	onChange: ( value: string ) => void;
	/** Ask even at or below 1,000 rows. */
	required?: boolean;
}

/**
 * Above 1,000 rows (or when required), the admin types the exact count to
 * confirm.
 *
 * @param props          Component props.
 * @param props.required
 * @param props.count
 * @param props.value
 * @param props.onChange
 */
export function ConfirmCount( {
	count,
	value,
	onChange,
	required = false,
}: ConfirmCountProps ) {
	if ( ! required && ! needsTypedCount( count ) ) {
		return null;
	}
	return (
		<TextControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			className="dm-jobs-admin-confirm-count"
			label={ sprintf(
				/* translators: %s: the exact number of rows, e.g. "12,345". */
				__( 'Type %s to confirm', 'dm-jobs' ),
				formatNumber( count )
			) }
			value={ value }
			onChange={ onChange }
			inputMode="numeric"
			autoComplete="off"
		/>
	);
}
