/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';

export interface DaysFieldProps {
	label: string;
	value: number;
	onChange: ( value: number ) => void;
	help?: string;
	min?: number;
	max?: number;
}

/**
 * A whole number of days (clamped to min–max).
 *
 * @param props          Component props.
 * @param props.label
 * @param props.value
 * @param props.onChange
 * @param props.help
 * @param props.min
 * @param props.max
 */
export function DaysField( {
	label,
	value,
	onChange,
	help,
	min = 0,
	max = 3650,
}: DaysFieldProps ) {
	return (
		<TextControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			type="number"
			min={ min }
			max={ max }
			step={ 1 }
			label={ label }
			help={ help }
			value={ String( value ) }
			onChange={ ( text ) => {
				const parsed = parseInt( text, 10 );
				onChange(
					Number.isFinite( parsed )
						? Math.min( max, Math.max( min, parsed ) )
						: min
				);
			} }
		/>
	);
}
