/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Operation } from '../types';
import { formatNumber } from '../../../shared/format/format-number';
import { formatRows } from '../utils/row-counts';
import { operationLabel, rowNoun } from '../utils/labels';

export interface OperationProgressProps {
	operation: Operation;
	cancelling: boolean;
	onCancel: () => void;
}

/**
 * A running operation: progress bar, counts so far, and Cancel.
 *
 * @param props            Component props.
 * @param props.operation
 * @param props.cancelling
 * @param props.onCancel
 */
export function OperationProgress( {
	operation,
	cancelling,
	onCancel,
}: OperationProgressProps ) {
	const percent = Math.round( operation.progress * 100 );
	const label = operationLabel( operation.type );
	return (
		<div className="dm-jobs-admin-progress">
			<p id={ `dm-jobs-op-${ operation.id }-label` }>
				{ sprintf(
					/* translators: 1: operation name, 2: percentage done. */
					__( '%1$s: %2$d%% done', 'dm-jobs' ),
					label,
					percent
				) }
			</p>
			<progress
				max={ 100 }
				value={ percent }
				aria-labelledby={ `dm-jobs-op-${ operation.id }-label` }
			/>
			<p role="status" aria-live="polite">
				{ sprintf(
					/* translators: 1: rows examined so far, 2: rows in total, 3: rows changed, e.g. "1,200 jobs". */
					__( '%1$s of %2$s examined; %3$s so far.', 'dm-jobs' ),
					formatNumber( operation.processed ),
					formatNumber( operation.total ),
					formatRows( operation.affected, rowNoun( operation.type ) )
				) }
			</p>
			<Button
				variant="secondary"
				onClick={ onCancel }
				disabled={ cancelling || operation.cancel_requested }
				isBusy={ cancelling }
			>
				{ cancelling || operation.cancel_requested
					? __( 'Stopping after this batch…', 'dm-jobs' )
					: __( 'Cancel', 'dm-jobs' ) }
			</Button>
		</div>
	);
}
