/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useId, useState } from '@wordpress/element';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';
import {
	countActiveFilters,
	hasActiveFilters,
} from '../utils/has-active-filters';
import { JobsDateFilter } from './jobs-date-filter';
import { JobsFlowFilter } from './jobs-flow-filter';
import { JobsPageSizeSelect } from './jobs-page-size-select';
import { JobsPipelineFilter } from './jobs-pipeline-filter';
import { JobsSearchBox } from './jobs-search-box';
import { JobsSortSelect } from './jobs-sort-select';
import { JobsStatusFilter } from './jobs-status-filter';

export interface JobsFiltersProps {
	/** Note under the search box (e.g. the job found by its ID). */
	searchNote?: string;
}

/**
 * Lays out the search, filters, sort (narrow screens) and page size of the
 * jobs list; each control reads and changes the view in the store itself.
 * Below 782 px the filters fold into a "Filters" panel; the search box stays.
 *
 * @param props            Component props.
 * @param props.searchNote Note under the search box.
 */
export function JobsFilters( { searchNote }: JobsFiltersProps ) {
	const [ isOpen, setIsOpen ] = useState( false );
	const panelId = `dm-jobs-filters-${ useId().replace( /:/g, '' ) }`;
	const view = useSelect( ( select ) => select( store ).getQuery(), [] );
	const { clearFilters } = useDispatch( store );
	const active = countActiveFilters( view );

	return (
		<div className="dm-jobs-filters">
			<div className="dm-jobs-filters__bar">
				<JobsSearchBox note={ searchNote } />
				<Button
					__next40pxDefaultSize
					variant="secondary"
					className="dm-jobs-filters__toggle"
					aria-expanded={ isOpen }
					aria-controls={ panelId }
					onClick={ () => setIsOpen( ! isOpen ) }
				>
					{ active > 0
						? sprintf(
								/* translators: %d: number of active filters. */
								__( 'Filters (%d)', 'dm-jobs' ),
								active
							)
						: __( 'Filters', 'dm-jobs' ) }
				</Button>
			</div>
			<div
				id={ panelId }
				className={ `dm-jobs-filters__panel${
					isOpen ? ' is-open' : ''
				}` }
				role="group"
				aria-label={ __( 'Filter jobs', 'dm-jobs' ) }
			>
				<JobsStatusFilter />
				<JobsDateFilter />
				<JobsPipelineFilter />
				<JobsFlowFilter />
				<JobsSortSelect />
				<JobsPageSizeSelect />
				{ hasActiveFilters( view ) && (
					<Button
						__next40pxDefaultSize
						variant="tertiary"
						className="dm-jobs-filters__clear"
						onClick={ () => void clearFilters() }
					>
						{ __( 'Clear filters', 'dm-jobs' ) }
					</Button>
				) }
			</div>
		</div>
	);
}
