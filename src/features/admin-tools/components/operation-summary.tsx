/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Operation } from '../types';
import { formatBytes } from '../../../shared/format/format-bytes';
import { formatNumber } from '../../../shared/format/format-number';
import { formatDuration } from '../../../shared/format/format-duration';
import { formatRows } from '../utils/row-counts';
import { operationLabel, rowNoun, stateLabel } from '../utils/labels';

/**
 * Sentences describing what an ended operation did.
 *
 * @param operation The ended operation.
 */
export function summaryLines( operation: Operation ): string[] {
	const noun = rowNoun( operation.type );
	const done = formatRows( operation.affected, noun );
	const lines: string[] = [];
	if ( operation.state === 'completed' ) {
		lines.push(
			sprintf(
				/* translators: 1: operation name, 2: what changed, e.g. "1,234 jobs", 3: duration. */
				__( '%1$s finished: %2$s in %3$s.', 'dm-jobs' ),
				operationLabel( operation.type ),
				done,
				formatDuration( operation.duration )
			)
		);
	} else {
		lines.push(
			sprintf(
				/* translators: 1: operation name, 2: state (Cancelled/Failed), 3: what changed before it stopped. */
				__( '%1$s %2$s after %3$s.', 'dm-jobs' ),
				operationLabel( operation.type ),
				stateLabel( operation.state ).toLowerCase(),
				done
			)
		);
	}
	const { result } = operation;
	if ( result.logs_removed ) {
		lines.push(
			sprintf(
				/* translators: %s: e.g. "12 log lines". */
				__( 'Also removed %s.', 'dm-jobs' ),
				formatRows( result.logs_removed, 'lines' )
			)
		);
	}
	if ( result.folders_removed ) {
		lines.push(
			sprintf(
				/* translators: 1: e.g. "3 folders", 2: size, e.g. "1.2 MB". */
				__( 'Also removed %1$s of files (%2$s).', 'dm-jobs' ),
				formatRows( result.folders_removed, 'folders' ),
				formatBytes( result.bytes_removed ?? 0 )
			)
		);
	} else if ( result.bytes_removed ) {
		lines.push(
			sprintf(
				/* translators: %s: size, e.g. "1.2 MB". */
				__( 'Freed %s of files.', 'dm-jobs' ),
				formatBytes( result.bytes_removed )
			)
		);
	}
	if ( result.bytes_shed ) {
		lines.push(
			sprintf(
				/* translators: %s: size, e.g. "1.2 MB". */
				__( 'Engine data shed: %s.', 'dm-jobs' ),
				formatBytes( result.bytes_shed )
			)
		);
	}
	if ( result.bytes_reclaimed ) {
		lines.push(
			sprintf(
				/* translators: %s: size, e.g. "1.2 GB". */
				__( 'Space given back to the file system: %s.', 'dm-jobs' ),
				formatBytes( result.bytes_reclaimed )
			)
		);
	}
	if ( result.skipped ) {
		lines.push(
			sprintf(
				/* translators: %s: number of rows. */
				__(
					'%s were left alone: they changed meanwhile or another run had already removed them.',
					'dm-jobs'
				),
				formatNumber( result.skipped )
			)
		);
	}
	if ( operation.message ) {
		lines.push( operation.message );
	}
	return lines;
}

/**
 * The summary shown when an operation ends.
 *
 * @param props           Component props.
 * @param props.operation The ended operation.
 */
export function OperationSummary( { operation }: { operation: Operation } ) {
	const statuses = {
		completed: 'success',
		failed: 'error',
		cancelled: 'warning',
		running: 'info',
	} as const;
	const status = statuses[ operation.state ];
	return (
		<Notice
			status={ status }
			isDismissible={ false }
			className="dm-jobs-admin-summary"
		>
			{ summaryLines( operation ).map( ( line ) => (
				<p key={ line }>{ line }</p>
			) ) }
		</Notice>
	);
}
