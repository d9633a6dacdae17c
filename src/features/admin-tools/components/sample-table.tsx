/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { StatusBadge } from '../../../shared/components/status-badge';
import { Timestamp } from '../../../shared/components/timestamp';
import type { JobListItem } from '../../../shared/types';
import { formatPipelineFlow } from '../../../shared/format/format-pipeline-flow';
import type {
	AuditEntry,
	EngineDataSample,
	FileSample,
	LogSample,
	OperationPreview,
	ProcessedItemSample,
	TableSize,
} from '../types';
import { formatBytes } from '../../../shared/format/format-bytes';
import { formatNumber } from '../../../shared/format/format-number';

export interface SampleTableProps {
	/** The dry run: its sample's rows are typed by its sample_kind. */
	preview: OperationPreview;
	timeZone: string;
	timeZoneLabel: string;
	caption?: string;
}

interface Column< T > {
	header: string;
	cell: ( row: T ) => React.ReactNode;
}

function Table< T >( {
	caption,
	columns,
	rows,
	rowKey,
}: {
	caption: string;
	columns: Column< T >[];
	rows: T[];
	rowKey: ( row: T ) => string | number;
} ) {
	return (
		<div className="dm-jobs-admin-sample">
			<table className="widefat striped">
				<caption>{ caption }</caption>
				<thead>
					<tr>
						{ columns.map( ( column ) => (
							<th key={ column.header } scope="col">
								{ column.header }
							</th>
						) ) }
					</tr>
				</thead>
				<tbody>
					{ rows.map( ( row ) => (
						<tr key={ rowKey( row ) }>
							{ columns.map( ( column ) => (
								<td
									key={ column.header }
									data-label={ column.header }
								>
									{ column.cell( row ) }
								</td>
							) ) }
						</tr>
					) ) }
				</tbody>
			</table>
		</div>
	);
}

/**
 * The sample of a dry run, shaped by what it is a sample of.
 *
 * @param props Component props.
 */
export function SampleTable( props: SampleTableProps ) {
	const { preview, timeZone, timeZoneLabel } = props;
	const caption =
		props.caption ?? __( 'The first rows it would touch', 'dm-jobs' );
	if ( preview.sample.length === 0 ) {
		return null;
	}
	const time = ( value: string | null ) => (
		<Timestamp
			value={ value }
			timeZone={ timeZone }
			timeZoneLabel={ timeZoneLabel }
		/>
	);

	switch ( preview.sample_kind ) {
		case 'jobs':
			return (
				<Table< JobListItem >
					caption={ caption }
					rows={ preview.sample }
					rowKey={ ( job ) => job.id }
					columns={ [
						{
							header: __( 'Job ID', 'dm-jobs' ),
							cell: ( job ) => job.id,
						},
						{
							header: __( 'Pipeline → Flow', 'dm-jobs' ),
							cell: ( job ) => formatPipelineFlow( job ),
						},
						{
							header: __( 'Status', 'dm-jobs' ),
							cell: ( job ) => <StatusBadge job={ job } />,
						},
						{
							header: __( 'Created', 'dm-jobs' ),
							cell: ( job ) => time( job.created_at ),
						},
					] }
				/>
			);
		case 'processed_items':
			return (
				<Table< ProcessedItemSample >
					caption={ caption }
					rows={ preview.sample }
					rowKey={ ( item ) => item.id }
					columns={ [
						{
							header: __( 'Item', 'dm-jobs' ),
							cell: ( item ) => item.item_identifier,
						},
						{
							header: __( 'Source', 'dm-jobs' ),
							cell: ( item ) => item.source_type,
						},
						{
							header: __( 'Flow step', 'dm-jobs' ),
							cell: ( item ) => item.flow_step_id,
						},
						{
							header: __( 'Job ID', 'dm-jobs' ),
							cell: ( item ) => item.job_id,
						},
						{
							header: __( 'Processed', 'dm-jobs' ),
							cell: ( item ) => time( item.processed_timestamp ),
						},
					] }
				/>
			);
		case 'logs':
			return (
				<Table< LogSample >
					caption={ caption }
					rows={ preview.sample }
					rowKey={ ( line ) => line.log_id }
					columns={ [
						{
							header: __( 'Job ID', 'dm-jobs' ),
							cell: ( line ) => line.job_id,
						},
						{
							header: __( 'Level', 'dm-jobs' ),
							cell: ( line ) => line.level,
						},
						{
							header: __( 'Message', 'dm-jobs' ),
							cell: ( line ) => line.message,
						},
						{
							header: __( 'Written', 'dm-jobs' ),
							cell: ( line ) => time( line.created_at ),
						},
					] }
				/>
			);
		case 'files':
			return (
				<Table< FileSample >
					caption={ caption }
					rows={ preview.sample }
					rowKey={ ( file ) => file.job_id }
					columns={ [
						{
							header: __( 'Job ID', 'dm-jobs' ),
							cell: ( file ) => file.job_id,
						},
						{
							header: __( 'Folder', 'dm-jobs' ),
							cell: ( file ) => <code>{ file.path }</code>,
						},
						{
							header: __( 'Size', 'dm-jobs' ),
							cell: ( file ) => formatBytes( file.bytes ),
						},
					] }
				/>
			);
		case 'engine_data':
			return (
				<Table< EngineDataSample >
					caption={ caption }
					rows={ preview.sample }
					rowKey={ ( job ) => job.id }
					columns={ [
						{
							header: __( 'Job ID', 'dm-jobs' ),
							cell: ( job ) => job.id,
						},
						{
							header: __( 'Status', 'dm-jobs' ),
							cell: ( job ) => job.raw_status,
						},
						{
							header: __( 'Engine data', 'dm-jobs' ),
							cell: ( job ) => formatBytes( job.bytes ),
						},
					] }
				/>
			);
		case 'tables':
			return <TableSizes caption={ caption } tables={ preview.sample } />;
		case 'audit':
			return (
				<Table< AuditEntry >
					caption={ caption }
					rows={ preview.sample }
					rowKey={ ( entry ) => entry.id }
					columns={ [
						{
							header: __( 'When', 'dm-jobs' ),
							cell: ( entry ) => time( entry.created_at ),
						},
						{
							header: __( 'Action', 'dm-jobs' ),
							cell: ( entry ) => entry.action,
						},
					] }
				/>
			);
		default:
			return null;
	}
}

/**
 * Sizes of the plugin's tables (MariaDB/MySQL: data, indexes, free space).
 *
 * @param props         Component props.
 * @param props.tables  Sizes.
 * @param props.caption Table caption.
 */
export function TableSizes( {
	tables,
	caption,
}: {
	tables: TableSize[];
	caption: string;
} ) {
	return (
		<Table< TableSize >
			caption={ caption }
			rows={ tables }
			rowKey={ ( table ) => table.name }
			columns={ [
				{
					header: __( 'Table', 'dm-jobs' ),
					cell: ( table ) => <code>{ table.name }</code>,
				},
				{
					header: __( 'Rows', 'dm-jobs' ),
					cell: ( table ) =>
						table.rows === null ? '—' : formatNumber( table.rows ),
				},
				{
					header: __( 'Data', 'dm-jobs' ),
					cell: ( table ) => formatBytes( table.data_bytes ),
				},
				{
					header: __( 'Indexes', 'dm-jobs' ),
					cell: ( table ) => formatBytes( table.index_bytes ),
				},
				{
					header: __( 'Reclaimable', 'dm-jobs' ),
					cell: ( table ) => formatBytes( table.free_bytes ),
				},
			] }
		/>
	);
}
