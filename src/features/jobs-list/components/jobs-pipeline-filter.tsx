/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as catalogStore } from '../../../shared/catalog/store';
import { useStoreInRegistry } from '../../../shared/data/use-store-in-registry';
import { store } from '../store';

/**
 * Options of an ID select: "All …", the items, and the chosen ID even when
 * it is not (or not yet) among them, so the select never shows a wrong value.
 *
 * @param allLabel Label of the "no filter" option.
 * @param items    Items as `{ id, label }`.
 * @param value    The chosen ID.
 * @param fallback Label of a chosen ID that is not among the items.
 */
export function idOptions(
	allLabel: string,
	items: Array< { id: number; label: string } >,
	value: number | null,
	fallback: ( id: number ) => string
): Array< { label: string; value: string } > {
	const options = [
		{ label: allLabel, value: '' },
		...items.map( ( item ) => ( {
			label: item.label,
			value: String( item.id ),
		} ) ),
	];
	if ( value !== null && ! items.some( ( item ) => item.id === value ) ) {
		options.push( { label: fallback( value ), value: String( value ) } );
	}
	return options;
}

/**
 * Option labels that tell apart items with the same name: "RSS to Blog (#31)".
 *
 * @param items Items with an ID and a name.
 * @return Labels by ID.
 */
export function distinctLabels(
	items: Array< { id: number; name: string } >
): Map< number, string > {
	const seen = new Map< string, number >();
	items.forEach( ( item ) =>
		seen.set( item.name, ( seen.get( item.name ) ?? 0 ) + 1 )
	);
	return new Map(
		items.map( ( item ) => [
			item.id,
			( seen.get( item.name ) ?? 0 ) > 1
				? sprintf(
						/* translators: 1: name of a pipeline or flow, 2: its ID. */
						__( '%1$s (#%2$d)', 'dm-jobs' ),
						item.name,
						item.id
					)
				: item.name,
		] )
	);
}

/**
 * Reads a select's value back as an ID.
 *
 * @param value The select's value (`''` for "all").
 */
export function readIdOption( value: string ): number | null {
	const id = Number( value );
	return value !== '' && Number.isSafeInteger( id ) && id > 0 ? id : null;
}

/**
 * Pipeline select: reads and changes the list's view in the store; the
 * pipelines come from the catalog (`null` while loading).
 */
export function JobsPipelineFilter() {
	useStoreInRegistry( catalogStore );
	const { value, pipelines } = useSelect(
		( select ) => ( {
			value: select( store ).getQuery().pipelineId,
			pipelines: select( catalogStore ).getPipelines(),
		} ),
		[]
	);
	const { updateView } = useDispatch( store );
	const onChange = ( pipelineId: number | null ) =>
		void updateView( { pipelineId } );
	const labels = distinctLabels( pipelines ?? [] );
	return (
		<div className="dm-jobs-filter dm-jobs-filter--pipeline">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Pipeline', 'dm-jobs' ) }
				value={ value === null ? '' : String( value ) }
				options={ idOptions(
					__( 'All pipelines', 'dm-jobs' ),
					( pipelines ?? [] ).map( ( pipeline ) => ( {
						id: pipeline.id,
						label: labels.get( pipeline.id ) ?? pipeline.name,
					} ) ),
					value,
					( id ) =>
						sprintf(
							/* translators: %d: pipeline ID. */
							__( 'Pipeline #%d', 'dm-jobs' ),
							id
						)
				) }
				onChange={ ( next ) => onChange( readIdOption( next ) ) }
			/>
		</div>
	);
}
