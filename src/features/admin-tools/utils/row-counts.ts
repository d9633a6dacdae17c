/**
 * WordPress dependencies
 */
import { _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatJobsTotal } from '../../../shared/format/format-count';
import { formatNumber } from '../../../shared/format/format-number';

/**
 * "12 jobs", "1 log line", "3 folders"… for the rows an operation touches.
 *
 * @param count How many.
 * @param noun  What they are.
 */
export function formatRows(
	count: number,
	noun: 'jobs' | 'items' | 'lines' | 'folders' | 'tables' | 'entries'
): string {
	const n = formatNumber( count );
	switch ( noun ) {
		case 'items':
			return sprintf(
				/* translators: %s: number of processed items. */
				_n(
					'%s processed item',
					'%s processed items',
					count,
					'dm-jobs'
				),
				n
			);
		case 'lines':
			return sprintf(
				/* translators: %s: number of log lines. */
				_n( '%s log line', '%s log lines', count, 'dm-jobs' ),
				n
			);
		case 'folders':
			return sprintf(
				/* translators: %s: number of folders. */
				_n( '%s folder', '%s folders', count, 'dm-jobs' ),
				n
			);
		case 'tables':
			return sprintf(
				/* translators: %s: number of database tables. */
				_n( '%s table', '%s tables', count, 'dm-jobs' ),
				n
			);
		case 'entries':
			return sprintf(
				/* translators: %s: number of audit entries. */
				_n( '%s audit entry', '%s audit entries', count, 'dm-jobs' ),
				n
			);
		default:
			return formatJobsTotal( count );
	}
}
