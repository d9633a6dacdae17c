/**
 * WordPress dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { AdminTool } from '../admin-tool';
import { getStatusLabel } from '../../../../shared/status/status-display';
import type { BaseStatus } from '../../../../shared/types';
import { FINAL_STATUSES } from '../../constants';
import { useJobsContext } from '../../hooks/use-jobs-context';
import { store } from '../../store';
import type { OperationParams } from '../../types';
import { filterParams } from '../../../../shared/api/jobs-api';
import { formatJobsTotal } from '../../../../shared/format/format-count';
import { ExportLinks } from '../export-links';
import { OperationFlow } from '../operation-flow';

/**
 * Bulk actions on the table's selection: delete, change status, export.
 */
export function BulkSection() {
	const { query, total } = useJobsContext();
	const { selected, allMatching } = useSelect(
		( select ) => ( {
			selected: select( store ).getSelectedIds(),
			allMatching: select( store ).isAllMatching(),
		} ),
		[]
	);
	const { selectAllMatching, clearSelection } = useDispatch( store );
	const [ target, setTarget ] = useState< BaseStatus >( 'failed' );
	const [ reason, setReason ] = useState( '' );
	const filter = useMemo( () => filterParams( query ), [ query ] );
	const selection: OperationParams = useMemo(
		() => ( allMatching ? filter : { ids: selected } ),
		[ allMatching, filter, selected ]
	);

	if ( ! allMatching && selected.length === 0 ) {
		return (
			<div className="dm-jobs-admin-section">
				<p>
					{ __(
						'Select jobs in the table first: tick their boxes (Shift-click selects a range), tick the header box for the whole page, then choose "Select all matching" to include every job that matches the current filter.',
						'dm-jobs'
					) }
				</p>
				{ total > 0 && (
					<Button
						variant="secondary"
						onClick={ () => selectAllMatching() }
					>
						{ sprintf(
							/* translators: %s: e.g. "1,234 jobs". */
							__(
								'Select all %s matching the current filter',
								'dm-jobs'
							),
							formatJobsTotal( total )
						) }
					</Button>
				) }
			</div>
		);
	}

	const scope = allMatching
		? sprintf(
				/* translators: %s: e.g. "1,234 jobs". */
				__(
					'All %s matching the current filter (the dry run counts them exactly).',
					'dm-jobs'
				),
				formatJobsTotal( total )
			)
		: sprintf(
				/* translators: %s: e.g. "12 jobs". */
				__( '%s selected in the table.', 'dm-jobs' ),
				formatJobsTotal( selected.length )
			);

	return (
		<div className="dm-jobs-admin-section">
			<p className="dm-jobs-admin-scope">{ scope }</p>

			<AdminTool
				id="dm-jobs-bulk-delete"
				title={ __( 'Delete', 'dm-jobs' ) }
				description={ __(
					'Removes the jobs with their log lines and their files. This cannot be undone.',
					'dm-jobs'
				) }
			>
				<OperationFlow
					type="delete_jobs"
					params={ selection }
					canIncludeActive
					actionLabel={ ( count ) =>
						sprintf(
							/* translators: %s: e.g. "1,234 jobs". */
							__( 'Delete %s', 'dm-jobs' ),
							formatJobsTotal( count )
						)
					}
					// The summary stays until Done; then the (deleted) selection goes.
					onDone={ () => clearSelection() }
				/>
			</AdminTool>

			<AdminTool
				id="dm-jobs-bulk-status"
				title={ __( 'Change status', 'dm-jobs' ) }
				description={ __(
					'For example, mark jobs stuck in processing as failed or cancelled, with a reason. A job whose status changes meanwhile is left alone.',
					'dm-jobs'
				) }
			>
				<div className="dm-jobs-admin-fields">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'New status', 'dm-jobs' ) }
						value={ target }
						options={ FINAL_STATUSES.map( ( status ) => ( {
							value: status,
							label: getStatusLabel( status ),
						} ) ) }
						onChange={ ( value ) =>
							setTarget( value as BaseStatus )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __(
							'Reason (shown next to the status)',
							'dm-jobs'
						) }
						value={ reason }
						maxLength={ 255 }
						onChange={ setReason }
					/>
				</div>
				<OperationFlow
					type="update_status"
					params={ {
						...selection,
						target_status: target,
						reason: reason.trim() || undefined,
					} }
					canIncludeActive
					actionLabel={ ( count ) =>
						sprintf(
							/* translators: 1: e.g. "12 jobs", 2: status label. */
							__( 'Mark %1$s as %2$s', 'dm-jobs' ),
							formatJobsTotal( count ),
							getStatusLabel( target )
						)
					}
				/>
			</AdminTool>

			<AdminTool
				id="dm-jobs-bulk-export"
				title={ __( 'Export', 'dm-jobs' ) }
			>
				<ExportLinks
					selection={ allMatching ? filter : { ids: selected } }
				/>
			</AdminTool>
		</div>
	);
}
