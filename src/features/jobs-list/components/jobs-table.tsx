/**
 * External dependencies
 */
import {
	flexRender,
	getCoreRowModel,
	useReactTable,
} from '@tanstack/react-table';
import type {
	ColumnDef,
	PaginationState,
	Updater,
} from '@tanstack/react-table';

/**
 * WordPress dependencies
 */
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useJobsColumns } from '../hooks/use-jobs-columns';
import { openJobProps } from '../utils/open-job-props';
import type { JobListItem } from '../../../shared/types';
import type { JobsSort } from '../utils/sorting';
import { columnAriaSort, JobsColumnHeader } from './jobs-column-header';
import { JobsPagination } from './jobs-pagination';

export interface JobsTableProps {
	jobs: JobListItem[];
	/** 1-based page. */
	page: number;
	perPage: number;
	total: number;
	totalPages: number;
	isBusy: boolean;
	timeZone: string;
	timeZoneLabel: string;
	onPageChange: ( page: number ) => void;
	/** Opens a job's details (row click or Enter). */
	onOpenJob?: ( jobId: number ) => void;
	/** The job whose details are open. */
	activeJobId?: number | null;
	/** `false` when `total` is an estimate ("about"). */
	totalExact?: boolean;
	/** The current sort; with it, headers sort the list when clicked. */
	sort?: JobsSort;
	/** A job to highlight (found by searching its ID). */
	highlightedJobId?: number | null;
	/** Columns put in front of the job columns (the row selection). */
	leadingColumns?: ColumnDef< JobListItem, unknown >[];
}

const NO_COLUMNS: ColumnDef< JobListItem, unknown >[] = [];

function headerText( header: unknown ): string {
	return typeof header === 'string' ? header : '';
}

/**
 * The jobs table. Controlled: the parent owns the page and loads the rows, the
 * table only renders them and reports page changes (manual pagination).
 *
 * @param props Component props.
 */
export function JobsTable( props: JobsTableProps ) {
	const {
		jobs,
		page,
		perPage,
		total,
		totalPages,
		isBusy,
		timeZone,
		timeZoneLabel,
		onPageChange,
		onOpenJob,
		activeJobId,
		totalExact = true,
		sort,
		highlightedJobId,
		leadingColumns = NO_COLUMNS,
	} = props;
	const jobColumns = useJobsColumns( { timeZone, timeZoneLabel, onOpenJob } );
	const columns = useMemo(
		() => [ ...leadingColumns, ...jobColumns ],
		[ leadingColumns, jobColumns ]
	);
	const pagination: PaginationState = {
		pageIndex: page - 1,
		pageSize: perPage,
	};

	const table = useReactTable( {
		data: jobs,
		columns,
		getCoreRowModel: getCoreRowModel(),
		getRowId: ( job ) => String( job.id ),
		manualPagination: true,
		pageCount: Math.max( 1, totalPages ),
		state: { pagination },
		onPaginationChange: ( updater: Updater< PaginationState > ) => {
			const next =
				typeof updater === 'function' ? updater( pagination ) : updater;
			if ( next.pageIndex !== pagination.pageIndex ) {
				onPageChange( next.pageIndex + 1 );
			}
		},
	} );

	return (
		<div className="dm-jobs-table-wrapper">
			{ /* Scrolls sideways on its own when the columns do not fit (beside the details panel). */ }
			<div className="dm-jobs-table-scroll">
				<table
					className="widefat striped dm-jobs-table"
					aria-busy={ isBusy }
				>
					<caption className="screen-reader-text">
						{ __( 'Jobs', 'dm-jobs' ) }
					</caption>
					<thead>
						{ table.getHeaderGroups().map( ( headerGroup ) => (
							<tr key={ headerGroup.id }>
								{ headerGroup.headers.map( ( header ) => (
									<th
										key={ header.id }
										scope="col"
										className={ `dm-jobs-column-${ header.column.id }` }
										aria-sort={ columnAriaSort(
											header.column.columnDef.meta
												?.dmJobsSort,
											sort
										) }
									>
										{ header.isPlaceholder ? null : (
											<JobsColumnHeader
												sortKeys={
													header.column.columnDef.meta
														?.dmJobsSort
												}
												sort={ sort }
											>
												{ flexRender(
													header.column.columnDef
														.header,
													header.getContext()
												) }
											</JobsColumnHeader>
										) }
									</th>
								) ) }
							</tr>
						) ) }
					</thead>
					<tbody>
						{ table.getRowModel().rows.map( ( row ) => (
							<tr
								key={ row.id }
								data-job-id={ row.original.id }
								data-highlighted={
									highlightedJobId === row.original.id
										? 'true'
										: undefined
								}
								{ ...openJobProps(
									row.original.id,
									onOpenJob,
									activeJobId
								) }
							>
								{ row.getVisibleCells().map( ( cell ) => (
									<td
										key={ cell.id }
										className={ `dm-jobs-column-${ cell.column.id }` }
										data-label={ headerText(
											cell.column.columnDef.header
										) }
									>
										{ flexRender(
											cell.column.columnDef.cell,
											cell.getContext()
										) }
									</td>
								) ) }
							</tr>
						) ) }
					</tbody>
				</table>
			</div>
			<JobsPagination
				page={ page }
				totalPages={ totalPages }
				total={ total }
				totalExact={ totalExact }
				canPreviousPage={ table.getCanPreviousPage() }
				canNextPage={
					totalExact ? table.getCanNextPage() : jobs.length >= perPage
				}
				onPreviousPage={ table.previousPage }
				onNextPage={ table.nextPage }
			/>
		</div>
	);
}
