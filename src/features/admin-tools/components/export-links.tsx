/**
 * WordPress dependencies
 */
import { CheckboxControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { exportUrl } from '../api/admin-tools-api';
import type { JobFilterParams } from '../types';

export interface ExportLinksProps {
	selection: JobFilterParams | { ids: number[] };
}

/**
 * Download links (CSV, JSON) of the jobs of a filter or a selection. They are
 * plain links, so the browser streams the file to disk however large it is.
 *
 * @param props           Component props.
 * @param props.selection
 */
export function ExportLinks( { selection }: ExportLinksProps ) {
	const [ withEngineData, setWithEngineData ] = useState( false );
	return (
		<div className="dm-jobs-admin-export">
			<CheckboxControl
				__nextHasNoMarginBottom
				label={ __(
					'Include engine data (much larger files)',
					'dm-jobs'
				) }
				checked={ withEngineData }
				onChange={ setWithEngineData }
			/>
			<p className="dm-jobs-admin-actions">
				<a
					className="components-button is-secondary"
					href={ exportUrl( 'csv', selection, withEngineData ) }
					download
				>
					{ __( 'Download CSV', 'dm-jobs' ) }
				</a>
				<a
					className="components-button is-secondary"
					href={ exportUrl( 'json', selection, withEngineData ) }
					download
				>
					{ __( 'Download JSON', 'dm-jobs' ) }
				</a>
			</p>
		</div>
	);
}
