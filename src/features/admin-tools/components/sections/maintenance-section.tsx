/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { AdminTool } from '../admin-tool';
import { Timestamp } from '../../../../shared/components/timestamp';
import { getStatusLabel } from '../../../../shared/status/status-display';
import { useJobsContext } from '../../hooks/use-jobs-context';
import { useAdminDataActions, useAdminData } from '../../data/admin-data-store';
import type { SystemMetrics } from '../../types';
import { formatBytes } from '../../../../shared/format/format-bytes';
import { formatJobsTotal } from '../../../../shared/format/format-count';
import { formatNumber } from '../../../../shared/format/format-number';
import { formatRows } from '../../utils/row-counts';
import { DaysField } from '../days-field';
import { OperationFlow } from '../operation-flow';
import { TableSizes } from '../sample-table';

function GrowthChart( { growth }: { growth: SystemMetrics[ 'growth' ] } ) {
	const max = Math.max( 1, ...growth.per_day.map( ( day ) => day.jobs ) );
	return (
		<figure className="dm-jobs-admin-growth">
			<figcaption>
				{ sprintf(
					/* translators: 1: number of days, 2: average jobs per day. */
					__(
						'Jobs created per day, last %1$d days (average %2$s a day)',
						'dm-jobs'
					),
					growth.days,
					formatNumber( growth.average )
				) }
			</figcaption>
			<ol>
				{ growth.per_day.map( ( day ) => (
					<li
						key={ day.date }
						style={ {
							height: `${ Math.round( ( day.jobs / max ) * 100 ) }%`,
						} }
						title={ `${ day.date }: ${ formatNumber( day.jobs ) }` }
					>
						<span className="screen-reader-text">{ `${ day.date }: ${ formatJobsTotal( day.jobs ) }` }</span>
					</li>
				) ) }
			</ol>
		</figure>
	);
}

/**
 * System metrics (table sizes, jobs by status, age, growth, stuck jobs) and
 * maintenance tools (mark stuck jobs failed, shed engine data, optimize).
 */
export function MaintenanceSection() {
	const { timeZone, timeZoneLabel } = useJobsContext();
	const [ stuckMinutes, setStuckMinutes ] = useState( 60 );
	const [ fresh, setFresh ] = useState( false );
	const [ shedDays, setShedDays ] = useState( 30 );
	const metrics = useAdminData( 'systemMetrics', { stuckMinutes, fresh } );
	const { invalidate } = useAdminDataActions();
	// Counted again now, not the server's cached counts (after a change).
	const countAgain = () => {
		setFresh( true );
		invalidate( 'systemMetrics' );
	};
	const data = metrics.data;
	const time = ( value: string | null ) => (
		<Timestamp
			value={ value }
			timeZone={ timeZone }
			timeZoneLabel={ timeZoneLabel }
		/>
	);
	// Fixed when the threshold changes, so the dry run and the run select the same jobs.
	const stuckBefore = useMemo(
		() =>
			new Date( Date.now() - stuckMinutes * 60000 )
				.toISOString()
				.replace( /\.\d{3}Z$/, 'Z' ),
		[ stuckMinutes ]
	);

	return (
		<div className="dm-jobs-admin-section">
			{ metrics.error && (
				<Notice status="error" isDismissible={ false }>
					{ metrics.error.message }
				</Notice>
			) }
			{ ! data && metrics.loading && <Spinner /> }
			{ data && (
				<>
					<p className="dm-jobs-admin-freshness">
						{ data.cached
							? __( 'Counted', 'dm-jobs' )
							: __( 'Counted just now', 'dm-jobs' ) }{ ' ' }
						{ data.cached && time( data.generated_at ) }{ ' ' }
						{ sprintf(
							/* translators: %d: minutes. */
							__(
								'(numbers are kept for %d minutes; counting scans the indexes).',
								'dm-jobs'
							),
							Math.round( data.cache_seconds / 60 )
						) }{ ' ' }
						<Button
							variant="link"
							onClick={ countAgain }
							disabled={ metrics.loading }
						>
							{ __( 'Count again', 'dm-jobs' ) }
						</Button>
						{ metrics.loading && <Spinner /> }
					</p>

					<h3>{ __( 'Jobs', 'dm-jobs' ) }</h3>
					<ul className="dm-jobs-admin-stats">
						<li>
							{ sprintf(
								/* translators: %s: e.g. "1,234 jobs". */
								__( '%s in total', 'dm-jobs' ),
								formatJobsTotal( data.jobs.total )
							) }
						</li>
						{ Object.entries( data.jobs.by_status ).map(
							( [ status, count ] ) => (
								<li key={ status }>
									{ sprintf(
										/* translators: 1: status label, 2: count. */
										__( '%1$s: %2$s', 'dm-jobs' ),
										getStatusLabel( status ),
										formatNumber( count )
									) }
								</li>
							)
						) }
						<li>
							{ __( 'Oldest:', 'dm-jobs' ) }{ ' ' }
							{ time( data.jobs.oldest ) }
						</li>
						<li>
							{ __( 'Newest:', 'dm-jobs' ) }{ ' ' }
							{ time( data.jobs.newest ) }
						</li>
						{ data.jobs.compound_values > 0 && (
							<li>
								{ sprintf(
									/* translators: %s: number of distinct stored values. */
									__(
										'%s distinct compound status values (such as "failed - timeout"), counted under their base status.',
										'dm-jobs'
									),
									formatNumber( data.jobs.compound_values )
								) }
							</li>
						) }
					</ul>
					<GrowthChart growth={ data.growth } />

					<h3>{ __( 'Tables', 'dm-jobs' ) }</h3>
					<TableSizes
						tables={ data.tables }
						caption={
							data.database.engine === 'sqlite'
								? __(
										'Sizes (SQLite: pages used per table; free space is per file, below)',
										'dm-jobs'
									)
								: __(
										"Sizes (row counts are the database's estimates)",
										'dm-jobs'
									)
						}
					/>
					{ data.database.file && (
						<p>
							{ sprintf(
								/* translators: 1: file size, 2: free size. */
								__(
									'SQLite database file: %1$s, of which %2$s are free pages that SQLite reuses for new rows.',
									'dm-jobs'
								),
								formatBytes( data.database.file.file_bytes ),
								formatBytes( data.database.file.free_bytes )
							) }
						</p>
					) }
				</>
			) }

			<AdminTool
				id="dm-jobs-stuck"
				title={ __( 'Jobs stuck in processing', 'dm-jobs' ) }
			>
				<DaysField
					label={ __(
						'Processing for longer than (minutes)',
						'dm-jobs'
					) }
					min={ 1 }
					max={ 10080 }
					value={ stuckMinutes }
					onChange={ setStuckMinutes }
				/>
				{ data && (
					<p>
						{ sprintf(
							/* translators: 1: e.g. "3 jobs", 2: minutes. */
							__(
								'%1$s have been processing for more than %2$d minutes.',
								'dm-jobs'
							),
							formatJobsTotal( data.stuck.count ),
							data.stuck.threshold_minutes
						) }
					</p>
				) }
				<OperationFlow
					type="update_status"
					params={ {
						status: 'processing',
						before: stuckBefore,
						include_active: true,
						target_status: 'failed',
						reason: sprintf(
							/* translators: %d: minutes. */
							__(
								'stuck: processing for more than %d minutes',
								'dm-jobs'
							),
							stuckMinutes
						),
					} }
					actionLabel={ ( count ) =>
						sprintf(
							/* translators: %s: e.g. "3 jobs". */
							__( 'Mark %s as failed', 'dm-jobs' ),
							formatJobsTotal( count )
						)
					}
				/>
			</AdminTool>

			<AdminTool
				id="dm-jobs-shed"
				title={ __( 'Shed engine data', 'dm-jobs' ) }
				description={ __(
					"Engine data is most of a jobs table's size. Finished jobs older than this keep their row but lose their engine data; failed jobs keep their error details.",
					'dm-jobs'
				) }
			>
				<DaysField
					label={ __( 'Finished jobs older than (days)', 'dm-jobs' ) }
					min={ 1 }
					value={ shedDays }
					onChange={ setShedDays }
				/>
				<OperationFlow
					type="shed_engine_data"
					params={ { older_than_days: shedDays } }
					actionLabel={ ( count ) =>
						sprintf(
							/* translators: %s: e.g. "1,234 jobs". */
							__( 'Shed the engine data of %s', 'dm-jobs' ),
							formatJobsTotal( count )
						)
					}
				/>
			</AdminTool>

			<AdminTool
				id="dm-jobs-optimize"
				title={ __( 'Reclaim space', 'dm-jobs' ) }
				description={
					data?.database.engine === 'sqlite'
						? __(
								"SQLite keeps the whole site in one file. Deleted rows leave free pages that SQLite reuses, but the file only shrinks when the entire database is rebuilt (VACUUM). That locks the whole site's database while it runs and briefly needs as much free disk space as the file.",
								'dm-jobs'
							)
						: __(
								"Deleting rows does not shrink MariaDB/MySQL tables. OPTIMIZE TABLE rebuilds each of DM Jobs' tables and gives the free space back to the file system (with innodb_file_per_table, the default). Large tables take a while; reads and writes continue meanwhile.",
								'dm-jobs'
							)
				}
			>
				<OperationFlow
					type="optimize_tables"
					params={ {} }
					destructive={ false }
					previewLabel={ __(
						'Show sizes and reclaimable space',
						'dm-jobs'
					) }
					actionLabel={ ( count ) =>
						data?.database.engine === 'sqlite'
							? __(
									'Rebuild the SQLite database (VACUUM)',
									'dm-jobs'
								)
							: sprintf(
									/* translators: %s: e.g. "6 tables". */
									__( 'Optimize %s', 'dm-jobs' ),
									formatRows( count, 'tables' )
								)
					}
					onFinished={ countAgain }
				/>
			</AdminTool>
		</div>
	);
}
