/**
 * External dependencies
 */
import {
	flexRender,
	getCoreRowModel,
	useReactTable,
} from '@tanstack/react-table';
import type { ColumnDef } from '@tanstack/react-table';

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
	isBusy: boolean;
	timeZone: string;
	timeZoneLabel: string;
	/** Opens a job's details (row click or Enter). */
	onOpenJob?: ( jobId: number ) => void;
	/** The job whose details are open. */
	activeJobId?: number | null;
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
 * The jobs table: renders the rows it is given; its pagination reads and
 * changes the page in the jobs store.
 *
 * @param props Component props.
 */
export function JobsTable( props: JobsTableProps ) {
	const {
		jobs,
		isBusy,
		timeZone,
		timeZoneLabel,
		onOpenJob,
		activeJobId,
		sort,
		highlightedJobId,
		leadingColumns = NO_COLUMNS,
	} = props;
	const jobColumns = useJobsColumns( { timeZone, timeZoneLabel, onOpenJob } );
	const columns = useMemo(
		() => [ ...leadingColumns, ...jobColumns ],
		[ leadingColumns, jobColumns ]
	);
	const table = useReactTable( {
		data: jobs,
		columns,
		getCoreRowModel: getCoreRowModel(),
		getRowId: ( job ) => String( job.id ),
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
			<JobsPagination />
		</div>
	);
}
