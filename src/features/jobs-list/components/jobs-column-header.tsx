/**
 * External dependencies
 */
import type { ReactNode } from 'react';
import type { RowData } from '@tanstack/react-table';

/**
 * WordPress dependencies
 */
import { useDispatch } from '@wordpress/data';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { JobsOrderBy } from '../../../shared/types';
import { store } from '../store';
import { ariaSortFor, toggleSort } from '../utils/sorting';
import type { AriaSort, JobsSort } from '../utils/sorting';

/**
 * One way a column header sorts: a key, and for headers that offer several
 * (Pipeline → Flow) the label of each part.
 */
export interface ColumnSortKey {
	orderby: JobsOrderBy;
	/** Label of this part of the header; the whole header when left out. */
	label?: string;
}

declare module '@tanstack/react-table' {
	// Type parameters must match TanStack's declaration.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	interface ColumnMeta< TData extends RowData, TValue > {
		/** Sort keys the column header offers (DM Jobs list). */
		dmJobsSort?: readonly ColumnSortKey[];
	}
}

/**
 * `aria-sort` for a column's `<th>`, or `undefined` for columns that do not
 * sort.
 *
 * @param keys The column's sort keys.
 * @param sort The current sort.
 */
export function columnAriaSort(
	keys: readonly ColumnSortKey[] | undefined,
	sort: JobsSort | undefined
): AriaSort | undefined {
	if ( keys === undefined || keys.length === 0 || sort === undefined ) {
		return undefined;
	}
	return ariaSortFor(
		keys.map( ( key ) => key.orderby ),
		sort
	);
}

function SortArrow( { active, order }: { active: boolean; order: string } ) {
	return (
		<span
			className={ `dm-jobs-sort-arrow${ active ? ' is-active' : '' }` }
			aria-hidden="true"
		>
			{ ! active && '↕' }
			{ active && order === 'asc' && '↑' }
			{ active && order === 'desc' && '↓' }
		</span>
	);
}

interface SortButtonProps {
	orderby: JobsOrderBy;
	label: ReactNode;
	sort: JobsSort;
}

/**
 * Sorts the list by its key when clicked (the same key again flips the
 * direction): changes the list's view in the store.
 *
 * @param props Component props.
 */
function SortButton( props: SortButtonProps ) {
	const { orderby, label, sort } = props;
	const { updateView } = useDispatch( store );
	const active = sort.orderby === orderby;
	return (
		<button
			type="button"
			className={ `dm-jobs-sort-button${ active ? ' is-active' : '' }` }
			onClick={ () => void updateView( toggleSort( sort, orderby ) ) }
			title={
				typeof label === 'string'
					? sprintf(
							/* translators: %s: column name, e.g. Created. */
							__( 'Sort by %s', 'dm-jobs' ),
							label
						)
					: undefined
			}
		>
			{ label }
			<SortArrow active={ active } order={ sort.order } />
		</button>
	);
}

export interface JobsColumnHeaderProps {
	/** The header as rendered without sorting. */
	children: ReactNode;
	sortKeys?: readonly ColumnSortKey[];
	/** The list's sort; without it the header does not sort. */
	sort?: JobsSort;
}

/**
 * A column header that sorts the list when clicked (Enter or Space too): one
 * button for the whole header, or one per part ("Pipeline" → "Flow"). The
 * `<th>` carries `aria-sort`; the arrow is decoration.
 *
 * @param props Component props.
 */
export function JobsColumnHeader( props: JobsColumnHeaderProps ) {
	const { children, sortKeys, sort } = props;
	if ( ! sortKeys || sortKeys.length === 0 || ! sort ) {
		return <>{ children }</>;
	}

	const button = ( key: ColumnSortKey, label: ReactNode ) => (
		<SortButton
			key={ key.orderby }
			orderby={ key.orderby }
			label={ label }
			sort={ sort }
		/>
	);

	if ( sortKeys.length === 1 && sortKeys[ 0 ].label === undefined ) {
		return button( sortKeys[ 0 ], children );
	}
	return (
		<span className="dm-jobs-sort-group">
			{ sortKeys.map( ( key, index ) => (
				<span key={ key.orderby }>
					{ index > 0 && (
						<span className="dm-jobs-sort-separator">
							{ ' → ' }
						</span>
					) }
					{ button( key, key.label ?? '' ) }
				</span>
			) ) }
		</span>
	);
}
