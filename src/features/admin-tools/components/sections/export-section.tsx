/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner, TextControl } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { AdminTool } from '../admin-tool';
import { useJobsContext } from '../../hooks/use-jobs-context';
import { useAdminData } from '../../data/admin-data-store';
import { filterParams } from '../../../../shared/api/jobs-api';
import { formatJobsTotal } from '../../../../shared/format/format-count';
import { formatNumber } from '../../../../shared/format/format-number';
import { formatDuration } from '../../../../shared/format/format-duration';
import { formatPercent } from '../../../../shared/format/format-percent';
import { ExportLinks } from '../export-links';

function isoDay( date: Date ): string {
	return date.toISOString().slice( 0, 10 );
}

/**
 * Export of every job matching the current filter (CSV, JSON), and a summary
 * report per pipeline for a date range.
 */
export function ExportSection() {
	const { query, total } = useJobsContext();
	const filter = useMemo( () => filterParams( query ), [ query ] );
	const [ from, setFrom ] = useState( () =>
		isoDay( new Date( Date.now() - 29 * 86400000 ) )
	);
	const [ to, setTo ] = useState( () => isoDay( new Date() ) );
	const [ range, setRange ] = useState( { from, to } );
	const report = useAdminData( 'pipelineReport', {
		after: `${ range.from }T00:00:00Z`,
		before: `${ range.to }T23:59:59Z`,
	} );
	// Column headers, and the labels of the cells when the report stacks on small screens.
	const labels = {
		jobs: __( 'Jobs', 'dm-jobs' ),
		succeeded: __( 'Succeeded', 'dm-jobs' ),
		failed: __( 'Failed', 'dm-jobs' ),
		successRate: __( 'Success rate', 'dm-jobs' ),
		averageDuration: __( 'Average duration', 'dm-jobs' ),
	};
	const rangeValid =
		/^\d{4}-\d\d-\d\d$/.test( from ) &&
		/^\d{4}-\d\d-\d\d$/.test( to ) &&
		from <= to;

	return (
		<div className="dm-jobs-admin-section">
			<AdminTool
				id="dm-jobs-export"
				title={ __( 'Export jobs', 'dm-jobs' ) }
				description={ sprintf(
					/* translators: %s: e.g. "1,234 jobs". */
					__(
						'Every job matching the current filter (%s), pending and processing ones included, oldest first. The file is written as it downloads, so large exports work too.',
						'dm-jobs'
					),
					formatJobsTotal( total )
				) }
			>
				<ExportLinks selection={ filter } />
			</AdminTool>

			<AdminTool
				id="dm-jobs-report"
				title={ __( 'Report per pipeline', 'dm-jobs' ) }
			>
				<div className="dm-jobs-admin-fields">
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="date"
						label={ __( 'From (UTC)', 'dm-jobs' ) }
						value={ from }
						onChange={ setFrom }
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="date"
						label={ __( 'To (UTC)', 'dm-jobs' ) }
						value={ to }
						onChange={ setTo }
					/>
					<Button
						variant="secondary"
						disabled={ ! rangeValid }
						onClick={ () => setRange( { from, to } ) }
						__next40pxDefaultSize
					>
						{ __( 'Show report', 'dm-jobs' ) }
					</Button>
				</div>
				{ report.error && (
					<Notice status="error" isDismissible={ false }>
						{ report.error.message }
					</Notice>
				) }
				{ report.loading && <Spinner /> }
				{ report.data && (
					<div className="dm-jobs-admin-sample">
						<table className="widefat striped">
							<caption>
								{ __(
									'Success rate = completed (with or without new items) ÷ (those + failed). Cancelled and skipped jobs are counted but not rated.',
									'dm-jobs'
								) }
							</caption>
							<thead>
								<tr>
									<th scope="col">
										{ __( 'Pipeline', 'dm-jobs' ) }
									</th>
									<th scope="col">{ labels.jobs }</th>
									<th scope="col">{ labels.succeeded }</th>
									<th scope="col">{ labels.failed }</th>
									<th scope="col">{ labels.successRate }</th>
									<th scope="col">
										{ labels.averageDuration }
									</th>
								</tr>
							</thead>
							<tbody>
								{ report.data.pipelines.length === 0 && (
									<tr>
										<td colSpan={ 6 }>
											{ __(
												'No jobs were created in this range.',
												'dm-jobs'
											) }
										</td>
									</tr>
								) }
								{ [
									...report.data.pipelines,
									report.data.totals,
								].map( ( row, index ) => {
									const isTotal =
										index === report.data?.pipelines.length;
									let name =
										row.pipeline_name ??
										sprintf(
											/* translators: %d: pipeline ID. */
											__(
												'Deleted pipeline #%d',
												'dm-jobs'
											),
											row.pipeline_id ?? 0
										);
									if ( isTotal ) {
										name = __( 'All pipelines', 'dm-jobs' );
									}
									return (
										<tr
											key={
												isTotal
													? 'total'
													: row.pipeline_id
											}
											className={
												isTotal ? 'is-total' : undefined
											}
										>
											<th scope="row">{ name }</th>
											<td data-label={ labels.jobs }>
												{ formatNumber( row.total ) }
											</td>
											<td data-label={ labels.succeeded }>
												{ formatNumber(
													row.succeeded
												) }
											</td>
											<td data-label={ labels.failed }>
												{ formatNumber( row.failed ) }
											</td>
											<td
												data-label={
													labels.successRate
												}
											>
												{ formatPercent(
													row.success_rate
												) }
											</td>
											<td
												data-label={
													labels.averageDuration
												}
											>
												{ formatDuration(
													row.average_duration
												) }
											</td>
										</tr>
									);
								} ) }
							</tbody>
						</table>
					</div>
				) }
			</AdminTool>
		</div>
	);
}
