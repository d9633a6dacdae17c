/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useJobsContext } from '../hooks/use-jobs-context';
import { useOperation } from '../hooks/use-operation';
import { useAdminData } from '../data/admin-data-store';
import type { Operation, OperationState } from '../types';
import { formatRows } from '../utils/row-counts';
import { operationLabel, rowNoun } from '../utils/labels';
import { OperationProgress } from './operation-progress';
import { OperationSummary } from './operation-summary';

function UnfinishedOperation( {
	operation,
	onEnded,
}: {
	operation: Operation;
	onEnded: () => void;
} ) {
	const { reload } = useJobsContext();
	const runner = useOperation( operation.type, {}, () => {
		reload();
	} );
	const [ resumed, setResumed ] = useState( false );
	const { resume } = runner;

	// Re-attach at once: the operation advances in the background anyway,
	// and this window shows its progress (and helps it along) from here on.
	useEffect( () => {
		setResumed( true );
		resume( operation );
		// Only when this operation is first shown.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ operation.id ] );

	if ( resumed && runner.phase === 'running' && runner.operation ) {
		return (
			<li>
				<OperationProgress
					operation={ runner.operation }
					cancelling={ runner.cancelling }
					onCancel={ () => void runner.cancel() }
				/>
			</li>
		);
	}
	if ( resumed && runner.phase === 'finished' && runner.operation ) {
		return (
			<li>
				<OperationSummary operation={ runner.operation } />
				<Button variant="secondary" onClick={ onEnded }>
					{ __( 'Dismiss', 'dm-jobs' ) }
				</Button>
			</li>
		);
	}
	return (
		<li>
			{ sprintf(
				/* translators: 1: operation name, 2: percent done, 3: e.g. "1,200 jobs", 4: who started it. */
				__(
					'%1$s stopped at %2$d%% (%3$s done so far), started by %4$s.',
					'dm-jobs'
				),
				operationLabel( operation.type ),
				Math.round( operation.progress * 100 ),
				formatRows( operation.affected, rowNoun( operation.type ) ),
				operation.actor.login ?? __( 'the system', 'dm-jobs' )
			) }{ ' ' }
			{ operation.active
				? __( 'It is running in another window or request.', 'dm-jobs' )
				: null }{ ' ' }
			<Button
				variant="secondary"
				onClick={ () => {
					setResumed( true );
					runner.resume( operation );
				} }
			>
				{ operation.active
					? __( 'Watch', 'dm-jobs' )
					: __( 'Resume', 'dm-jobs' ) }
			</Button>{ ' ' }
			<Button
				variant="tertiary"
				isDestructive
				onClick={ () => {
					setResumed( true );
					runner.resume( operation );
					void runner.cancel();
				} }
			>
				{ __( 'Cancel it', 'dm-jobs' ) }
			</Button>
			{ runner.error && (
				<span role="alert"> { runner.error.message }</span>
			) }
		</li>
	);
}

const RUNNING: OperationState[] = [ 'running' ];

/**
 * Operations still running when the Admin modal opens (started in another
 * window, or before the tab was closed): they advance in the background, and
 * the modal re-attaches to them, showing their progress with a Cancel button.
 */
export function UnfinishedOperations() {
	const running = useAdminData( 'operations', RUNNING );
	const [ dismissed, setDismissed ] = useState< number[] >( [] );
	const list = ( running.data ?? [] ).filter(
		( operation ) => ! dismissed.includes( operation.id )
	);
	if ( list.length === 0 ) {
		return null;
	}
	return (
		// Not a Notice: it reads its content out loud by rendering it to a
		// string, which live progress (with hooks) cannot be.
		<section
			className="dm-jobs-admin-unfinished"
			aria-label={ __( 'Operations in progress', 'dm-jobs' ) }
		>
			<p>{ __( 'Operations in progress:', 'dm-jobs' ) }</p>
			<ul>
				{ list.map( ( operation ) => (
					<UnfinishedOperation
						key={ operation.id }
						operation={ operation }
						onEnded={ () =>
							setDismissed( [ ...dismissed, operation.id ] )
						}
					/>
				) ) }
			</ul>
		</section>
	);
}
