/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useJobsContext } from '../hooks/use-jobs-context';
import { useOperation } from '../hooks/use-operation';
import type { Operation, OperationParams, OperationType } from '../types';
import { formatNumber } from '../../../shared/format/format-number';
import { formatRows } from '../utils/row-counts';
import { rowNoun } from '../utils/labels';
import { getStatusLabel } from '../../../shared/status/status-display';
import { ConfirmCount, matchesCount, needsTypedCount } from './confirm-count';
import { OperationProgress } from './operation-progress';
import { OperationSummary } from './operation-summary';
import { SampleTable } from './sample-table';

export interface OperationFlowProps {
	type: OperationType;
	params: OperationParams;
	/**
	 * The confirm button's text for a count, e.g. "Delete 1,234 jobs".
	 */
	actionLabel: ( count: number ) => string;
	/** Removes or overwrites rows (red button, typed count above 1,000). */
	destructive?: boolean;
	/** Offer "include pending and processing jobs" (bulk actions). */
	canIncludeActive?: boolean;
	/** The dry run button's text. */
	previewLabel?: string;
	disabled?: boolean;
	/** Shown under the dry run's count. */
	note?: ReactNode;
	/** Ask to type the count whatever its size (e.g. a delete of any age). */
	requireTypedCount?: boolean;
	onFinished?: ( operation: Operation ) => void;
	/** The admin closed the summary ("Done"). */
	onDone?: () => void;
}

/**
 * One admin operation from dry run to summary: exact count and sample, a
 * confirmation naming that count (typed above 1,000), a progress bar with
 * Cancel while it runs in server-side batches, and what it did.
 *
 * @param props Component props.
 */
export function OperationFlow( props: OperationFlowProps ) {
	const {
		type,
		actionLabel,
		destructive = true,
		canIncludeActive = false,
		previewLabel = __( 'Dry run: count and show a sample', 'dm-jobs' ),
		disabled = false,
		note,
		requireTypedCount = false,
		onFinished,
		onDone,
	} = props;
	const flowRoot = useRef< HTMLDivElement >( null );
	const countLine = useRef< HTMLParagraphElement >( null );
	const [ includeActive, setIncludeActive ] = useState( false );
	const [ typed, setTyped ] = useState( '' );
	const { reload, timeZone, timeZoneLabel } = useJobsContext();
	const params: OperationParams = canIncludeActive
		? { ...props.params, include_active: includeActive }
		: props.params;
	const runner = useOperation( type, params, ( operation ) => {
		reload();
		onFinished?.( operation );
	} );
	const { phase, preview, operation, error, notice } = runner;

	// A dry run is only valid for the parameters it was made with.
	const paramsKey = JSON.stringify( params );
	const previousKey = useRef( paramsKey );
	useEffect( () => {
		if ( previousKey.current === paramsKey ) {
			return;
		}
		previousKey.current = paramsKey;
		if ( phase === 'previewed' || phase === 'error' ) {
			setTyped( '' );
			runner.reset();
		}
	}, [ paramsKey, phase, runner ] );

	const restart = () => {
		setTyped( '' );
		runner.reset();
	};

	// The control that had focus (Dry run, Back, the confirm button, Done)
	// disappears on each step: move focus to what the step shows instead of
	// leaving it on <body>, where Escape no longer reaches the modal.
	const shownPhase = useRef( phase );
	useEffect( () => {
		if ( shownPhase.current === phase ) {
			return;
		}
		shownPhase.current = phase;
		const container = flowRoot.current;
		const active = container?.ownerDocument.activeElement;
		if (
			! container ||
			( active && active !== container.ownerDocument.body )
		) {
			return;
		}
		const target =
			phase === 'previewed'
				? countLine.current
				: container.querySelector< HTMLElement >(
						'button:not([disabled])'
					);
		target?.focus();
	}, [ phase ] );

	if ( phase === 'running' && operation ) {
		return (
			<div className="dm-jobs-admin-flow" ref={ flowRoot }>
				<OperationProgress
					operation={ operation }
					cancelling={ runner.cancelling }
					onCancel={ () => void runner.cancel() }
				/>
			</div>
		);
	}
	if ( phase === 'finished' && operation ) {
		return (
			<div className="dm-jobs-admin-flow" ref={ flowRoot }>
				<OperationSummary operation={ operation } />
				<Button
					variant="secondary"
					onClick={ () => {
						restart();
						onDone?.();
					} }
				>
					{ __( 'Done', 'dm-jobs' ) }
				</Button>
			</div>
		);
	}

	const busy = phase === 'previewing' || phase === 'starting';
	const count = preview?.count ?? 0;
	const noun = rowNoun( type );
	const mustType = requireTypedCount || needsTypedCount( count );
	const canConfirm =
		preview !== null &&
		count > 0 &&
		! busy &&
		( ! mustType || matchesCount( typed, count ) );
	const activeLeftOut = preview?.details.active_left_out ?? 0;
	const byStatus = preview?.details.by_status ?? {};

	return (
		<div className="dm-jobs-admin-flow" ref={ flowRoot }>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			{ notice && (
				<Notice status="warning" isDismissible={ false }>
					{ notice }
				</Notice>
			) }
			{ canIncludeActive && (
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Also include pending and processing jobs',
						'dm-jobs'
					) }
					help={ __(
						'Off by default: jobs that are queued or running are left alone unless you ask.',
						'dm-jobs'
					) }
					checked={ includeActive }
					onChange={ setIncludeActive }
				/>
			) }
			{ phase !== 'previewed' && (
				<div className="dm-jobs-admin-actions">
					<Button
						variant="secondary"
						onClick={ () => void runner.runPreview() }
						disabled={ disabled || busy }
						isBusy={ phase === 'previewing' }
						__next40pxDefaultSize
					>
						{ previewLabel }
					</Button>
					{ busy && <Spinner /> }
				</div>
			) }
			{ preview && phase !== 'previewing' && (
				<div className="dm-jobs-admin-preview">
					<p
						className="dm-jobs-admin-count"
						role="status"
						ref={ countLine }
						tabIndex={ -1 }
					>
						{ count === 0
							? __(
									'Nothing matches: there is nothing to do.',
									'dm-jobs'
								)
							: sprintf(
									/* translators: %s: e.g. "1,234 jobs". */
									__(
										'Exactly %s would be affected.',
										'dm-jobs'
									),
									formatRows( count, noun )
								) }
					</p>
					{ Object.keys( byStatus ).length > 0 && (
						<ul className="dm-jobs-admin-breakdown">
							{ Object.entries( byStatus ).map(
								( [ status, n ] ) => (
									<li key={ status }>
										{ sprintf(
											/* translators: 1: status label, 2: count. */
											__( '%1$s: %2$s', 'dm-jobs' ),
											getStatusLabel( status ),
											formatNumber( n )
										) }
									</li>
								)
							) }
						</ul>
					) }
					{ activeLeftOut > 0 && (
						<p className="dm-jobs-admin-note">
							{ sprintf(
								/* translators: %s: e.g. "3 jobs". */
								_n(
									'%s that is pending or processing is left out.',
									'%s that are pending or processing are left out.',
									activeLeftOut,
									'dm-jobs'
								),
								formatRows( activeLeftOut, 'jobs' )
							) }
						</p>
					) }
					{ note }
					<SampleTable
						preview={ preview }
						timeZone={ timeZone }
						timeZoneLabel={ timeZoneLabel }
					/>
					{ count > 0 && (
						<ConfirmCount
							count={ count }
							value={ typed }
							onChange={ setTyped }
							required={ mustType }
						/>
					) }
					<div className="dm-jobs-admin-actions">
						{ count > 0 && (
							<Button
								variant="primary"
								isDestructive={ destructive }
								disabled={ ! canConfirm }
								isBusy={ phase === 'starting' }
								onClick={ () => void runner.confirm() }
								__next40pxDefaultSize
							>
								{ actionLabel( count ) }
							</Button>
						) }
						<Button
							variant="tertiary"
							onClick={ restart }
							__next40pxDefaultSize
						>
							{ __( 'Back', 'dm-jobs' ) }
						</Button>
					</div>
				</div>
			) }
		</div>
	);
}
