/**
 * WordPress dependencies
 */
import { Button, Notice, SelectControl, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Timestamp } from '../../../../shared/components/timestamp';
import { useJobsContext } from '../../hooks/use-jobs-context';
import { useAdminData } from '../../data/admin-data-store';
import type { AuditCategory, AuditEntry, AuditFilters } from '../../types';
import { formatNumber } from '../../../../shared/format/format-number';

const CATEGORIES: Array< { value: AuditCategory | ''; label: string } > = [
	{ value: '', label: __( 'All actions', 'dm-jobs' ) },
	{ value: 'jobs', label: __( 'Bulk actions', 'dm-jobs' ) },
	{ value: 'cleanup', label: __( 'Cleanup', 'dm-jobs' ) },
	{ value: 'retention', label: __( 'Retention', 'dm-jobs' ) },
	{ value: 'maintenance', label: __( 'Maintenance', 'dm-jobs' ) },
	{ value: 'export', label: __( 'Exports', 'dm-jobs' ) },
	{
		value: 'job',
		label: __( 'Single jobs (created, status, deleted)', 'dm-jobs' ),
	},
	{ value: 'alerts', label: __( 'Alerts', 'dm-jobs' ) },
	{ value: 'flow', label: __( 'Flow runs', 'dm-jobs' ) },
	{ value: 'audit', label: __( 'Audit pruning', 'dm-jobs' ) },
];

/**
 * Who did it: the login, "System" for scheduled runs and code without a user.
 *
 * @param entry An audit entry.
 */
export function actorLabel( entry: AuditEntry ): string {
	if ( entry.actor.type === 'system' ) {
		return __( 'System', 'dm-jobs' );
	}
	return (
		entry.actor.login ??
		sprintf(
			/* translators: %d: user ID. */
			__( 'User #%d', 'dm-jobs' ),
			entry.actor.user_id ?? 0
		)
	);
}

/**
 * One line saying what an entry did.
 *
 * @param entry An audit entry.
 */
export function describeEntry( entry: AuditEntry ): string {
	const params = entry.params ?? {};
	const state = typeof params.state === 'string' ? params.state : null;
	switch ( entry.action ) {
		case 'job.created':
			return sprintf(
				/* translators: %d: job ID. */
				__( 'Created job %d', 'dm-jobs' ),
				entry.job_id ?? 0
			);
		case 'job.status_changed':
			return sprintf(
				/* translators: 1: job ID, 2: old status, 3: new status. */
				__( 'Job %1$d: %2$s → %3$s', 'dm-jobs' ),
				entry.job_id ?? 0,
				String( params.from ?? '' ),
				String( params.to ?? '' )
			);
		case 'job.deleted':
			return sprintf(
				/* translators: %d: job ID. */
				__( 'Deleted job %d', 'dm-jobs' ),
				entry.job_id ?? 0
			);
		case 'retention.settings_saved':
			return __( 'Changed the retention settings', 'dm-jobs' );
		case 'retention.run':
			return __( 'Retention run', 'dm-jobs' );
		case 'export.jobs':
			return sprintf(
				/* translators: %s: csv or json. */
				__( 'Exported jobs (%s)', 'dm-jobs' ),
				String( params.format ?? '' ).toUpperCase()
			);
		default:
			return state && state !== 'completed'
				? `${ entry.action } (${ state })`
				: entry.action;
	}
}

/**
 * The audit trail, newest first, filterable by kind of action and actor.
 */
export function AuditSection() {
	const { timeZone, timeZoneLabel } = useJobsContext();
	const [ filters, setFilters ] = useState< AuditFilters >( {
		category: '',
		actor: '',
		page: 1,
	} );
	const page = useAdminData( 'audit', filters );

	return (
		<div className="dm-jobs-admin-section">
			<div className="dm-jobs-admin-fields">
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Action', 'dm-jobs' ) }
					value={ filters.category }
					options={ CATEGORIES }
					onChange={ ( value ) =>
						setFilters( {
							...filters,
							category: value as AuditCategory | '',
							page: 1,
						} )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'By', 'dm-jobs' ) }
					value={ filters.actor }
					options={ [
						{ value: '', label: __( 'Anyone', 'dm-jobs' ) },
						{ value: 'user', label: __( 'Users', 'dm-jobs' ) },
						{ value: 'system', label: __( 'System', 'dm-jobs' ) },
					] }
					onChange={ ( value ) =>
						setFilters( {
							...filters,
							actor: value as AuditFilters[ 'actor' ],
							page: 1,
						} )
					}
				/>
				<Button
					variant="secondary"
					onClick={ page.reload }
					__next40pxDefaultSize
				>
					{ __( 'Refresh', 'dm-jobs' ) }
				</Button>
			</div>
			{ page.error && (
				<Notice status="error" isDismissible={ false }>
					{ page.error.message }
				</Notice>
			) }
			{ page.loading && ! page.data && <Spinner /> }
			{ page.data && (
				<>
					<div className="dm-jobs-admin-sample">
						<table
							className="widefat striped dm-jobs-audit-table"
							aria-label={ __( 'Audit trail', 'dm-jobs' ) }
						>
							<thead>
								<tr>
									<th scope="col">
										{ __( 'When', 'dm-jobs' ) }
									</th>
									<th scope="col">
										{ __( 'Who', 'dm-jobs' ) }
									</th>
									<th scope="col">
										{ __( 'What', 'dm-jobs' ) }
									</th>
									<th scope="col">
										{ __( 'Rows', 'dm-jobs' ) }
									</th>
									<th scope="col">
										{ __( 'Details', 'dm-jobs' ) }
									</th>
								</tr>
							</thead>
							<tbody>
								{ page.data.entries.length === 0 && (
									<tr>
										<td colSpan={ 5 }>
											{ __(
												'Nothing recorded yet.',
												'dm-jobs'
											) }
										</td>
									</tr>
								) }
								{ page.data.entries.map( ( entry ) => (
									<tr
										key={ entry.id }
										data-audit-action={ entry.action }
									>
										<td
											data-label={ __(
												'When',
												'dm-jobs'
											) }
										>
											<Timestamp
												value={ entry.created_at }
												timeZone={ timeZone }
												timeZoneLabel={ timeZoneLabel }
											/>
										</td>
										<td
											data-label={ __(
												'Who',
												'dm-jobs'
											) }
											className="dm-jobs-audit-actor"
										>
											{ actorLabel( entry ) }
										</td>
										<td
											data-label={ __(
												'What',
												'dm-jobs'
											) }
										>
											{ describeEntry( entry ) }
										</td>
										<td
											data-label={ __(
												'Rows',
												'dm-jobs'
											) }
											className="dm-jobs-audit-affected"
										>
											{ formatNumber( entry.affected ) }
										</td>
										<td
											data-label={ __(
												'Details',
												'dm-jobs'
											) }
										>
											{ entry.params && (
												<details>
													<summary>
														{ __(
															'Parameters',
															'dm-jobs'
														) }
													</summary>
													<pre>
														{ JSON.stringify(
															entry.params,
															null,
															2
														) }
													</pre>
												</details>
											) }
										</td>
									</tr>
								) ) }
							</tbody>
						</table>
					</div>
					<div className="dm-jobs-admin-actions">
						<Button
							variant="secondary"
							disabled={ filters.page <= 1 }
							onClick={ () =>
								setFilters( {
									...filters,
									page: filters.page - 1,
								} )
							}
						>
							{ __( 'Newer', 'dm-jobs' ) }
						</Button>
						<span>
							{ sprintf(
								/* translators: 1: page, 2: pages, 3: entries. */
								__(
									'Page %1$d of %2$d (%3$s entries)',
									'dm-jobs'
								),
								filters.page,
								Math.max( 1, page.data.totalPages ),
								formatNumber( page.data.total )
							) }
						</span>
						<Button
							variant="secondary"
							disabled={ filters.page >= page.data.totalPages }
							onClick={ () =>
								setFilters( {
									...filters,
									page: filters.page + 1,
								} )
							}
						>
							{ __( 'Older', 'dm-jobs' ) }
						</Button>
					</div>
				</>
			) }
		</div>
	);
}
