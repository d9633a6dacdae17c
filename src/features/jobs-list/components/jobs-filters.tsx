/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useJobsFilterOptions } from '../hooks/use-jobs-filter-options';
import type { JobsView } from '../../../shared/types';
import {
	countActiveFilters,
	hasActiveFilters,
} from '../utils/has-active-filters';
import type { JobsSort } from '../utils/sorting';
import { JobsDateFilter } from './jobs-date-filter';
import { JobsFlowFilter } from './jobs-flow-filter';
import { JobsPageSizeSelect } from './jobs-page-size-select';
import { JobsPipelineFilter } from './jobs-pipeline-filter';
import { JobsSearchBox } from './jobs-search-box';
import { JobsSortSelect } from './jobs-sort-select';
import { JobsStatusFilter } from './jobs-status-filter';

export interface JobsFiltersProps {
	view: JobsView;
	timeZone: string;
	timeZoneLabel: string;
	onChange: ( changes: Partial< JobsView > ) => void;
	onSearch: ( term: string ) => void;
	/** Enter in the search box. */
	onSubmitSearch: ( term: string ) => void;
	/** Note under the search box (e.g. the job found by its ID). */
	searchNote?: string;
	onClear: () => void;
}

/**
 * Search, filters, sort (narrow screens) and page size of the jobs list.
 * Below 782 px the filters fold into a "Filters" panel; the search box stays.
 *
 * @param props Component props.
 */
export function JobsFilters( props: JobsFiltersProps ) {
	const {
		view,
		timeZone,
		timeZoneLabel,
		onChange,
		onSearch,
		onSubmitSearch,
		searchNote,
		onClear,
	} = props;
	const [ isOpen, setIsOpen ] = useState( false );
	const panelId = `dm-jobs-filters-${ useId().replace( /:/g, '' ) }`;
	const { pipelines, flows, counts } = useJobsFilterOptions(
		view.pipelineId
	);
	const active = countActiveFilters( view );
	const sort: JobsSort = { orderby: view.orderby, order: view.order };

	return (
		<div className="dm-jobs-filters">
			<div className="dm-jobs-filters__bar">
				<JobsSearchBox
					value={ view.search }
					onSearch={ onSearch }
					onSubmit={ onSubmitSearch }
					note={ searchNote }
				/>
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
				<JobsStatusFilter
					selected={ view.status }
					counts={ counts }
					onChange={ ( status ) => onChange( { status } ) }
				/>
				<JobsDateFilter
					range={ view.range }
					after={ view.after }
					before={ view.before }
					timeZone={ timeZone }
					timeZoneLabel={ timeZoneLabel }
					onChange={ onChange }
				/>
				<JobsPipelineFilter
					value={ view.pipelineId }
					pipelines={ pipelines }
					onChange={ ( pipelineId ) => onChange( { pipelineId } ) }
				/>
				<JobsFlowFilter
					value={ view.flowId }
					pipelineId={ view.pipelineId }
					flows={ flows }
					pipelines={ pipelines }
					onChange={ ( flowId, pipelineId ) =>
						onChange( { flowId, pipelineId } )
					}
				/>
				<JobsSortSelect
					sort={ sort }
					onChange={ ( next ) => onChange( next ) }
				/>
				<JobsPageSizeSelect
					value={ view.perPage }
					onChange={ ( perPage ) => onChange( { perPage } ) }
				/>
				{ hasActiveFilters( view ) && (
					<Button
						__next40pxDefaultSize
						variant="tertiary"
						className="dm-jobs-filters__clear"
						onClick={ onClear }
					>
						{ __( 'Clear filters', 'dm-jobs' ) }
					</Button>
				) }
			</div>
		</div>
	);
}
