/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import {
	cancelOperation,
	previewOperation,
	runOperation,
	startOperation,
} from '../api/admin-tools-api';
import { RUN_BUDGET_SECONDS } from '../constants';
import {
	useAdminDataActions,
	CHANGED_BY_JOB_WRITES,
} from '../data/admin-data-store';
import type {
	Operation,
	OperationParams,
	OperationPreview,
	OperationType,
} from '../types';

export type OperationPhase =
	| 'idle'
	| 'previewing'
	| 'previewed'
	| 'starting'
	| 'running'
	| 'finished'
	| 'error';

export interface OperationRunner {
	phase: OperationPhase;
	preview: OperationPreview | null;
	operation: Operation | null;
	error: ApiRequestError | null;
	/** Why the admin must look again (the count changed since the dry run). */
	notice: string | null;
	/** Cancel was asked for and the batch in flight is finishing. */
	cancelling: boolean;
	runPreview: () => Promise< void >;
	confirm: () => Promise< void >;
	cancel: () => Promise< void >;
	/** Continues an operation that is still running (after an interruption). */
	resume: ( operation: Operation ) => void;
	reset: () => void;
}

const sleep = ( ms: number ) =>
	new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) );

/**
 * Dry run → confirm → run in server-side batches until done (each request
 * works a couple of seconds and answers with progress) → summary.
 *
 * @param type       The operation.
 * @param params     Its parameters (those of the dry run are the ones started).
 * @param onFinished Called once when an operation ends (to reload the list).
 */
export function useOperation(
	type: OperationType,
	params: OperationParams,
	onFinished?: ( operation: Operation ) => void
): OperationRunner {
	const [ phase, setPhase ] = useState< OperationPhase >( 'idle' );
	const [ preview, setPreview ] = useState< OperationPreview | null >( null );
	const [ operation, setOperation ] = useState< Operation | null >( null );
	const [ error, setError ] = useState< ApiRequestError | null >( null );
	const [ notice, setNotice ] = useState< string | null >( null );
	const [ cancelling, setCancelling ] = useState( false );
	const mounted = useRef( true );
	const previewedParams = useRef< OperationParams >( params );
	const { invalidate } = useAdminDataActions();
	const finish = ( ended: Operation ) => {
		// The operation changed jobs: what the modal read of them is out of date.
		CHANGED_BY_JOB_WRITES.forEach( ( resource ) => invalidate( resource ) );
		onFinished?.( ended );
	};
	const finishedRef = useRef( finish );
	finishedRef.current = finish;

	useEffect( () => {
		mounted.current = true;
		return () => {
			// The operation keeps its place on the server; it can be resumed.
			mounted.current = false;
		};
	}, [] );

	const loop = useCallback( async ( start: Operation ) => {
		let current = start;
		setOperation( current );
		setPhase( 'running' );
		while ( mounted.current && current.state === 'running' ) {
			try {
				current = await runOperation( current.id, RUN_BUDGET_SECONDS );
			} catch ( caught ) {
				if ( ! mounted.current ) {
					return;
				}
				setError( ApiRequestError.from( caught ) );
				setPhase( 'error' );
				return;
			}
			if ( ! mounted.current ) {
				return;
			}
			setOperation( current );
			if ( current.busy ) {
				// Another tab or request is running it: watch instead.
				await sleep( 1000 );
			}
		}
		if ( mounted.current ) {
			setCancelling( false );
			setPhase( 'finished' );
			finishedRef.current( current );
		}
	}, [] );

	const runPreview = useCallback( async () => {
		setPhase( 'previewing' );
		setError( null );
		previewedParams.current = params;
		try {
			const answer = await previewOperation( type, params );
			if ( mounted.current ) {
				setPreview( answer );
				setPhase( 'previewed' );
			}
		} catch ( caught ) {
			if ( mounted.current ) {
				setError( ApiRequestError.from( caught ) );
				setPhase( 'error' );
			}
		}
	}, [ type, params ] );

	const confirm = useCallback( async () => {
		if ( ! preview ) {
			return;
		}
		setPhase( 'starting' );
		setNotice( null );
		let started: Operation;
		try {
			started = await startOperation(
				type,
				previewedParams.current,
				preview
			);
		} catch ( caught ) {
			const apiError = ApiRequestError.from( caught );
			if ( apiError.code === 'dm_jobs_count_changed' ) {
				// Nothing was changed: show the new count and ask again.
				setNotice( apiError.message );
				await runPreview();
				return;
			}
			setError( apiError );
			setPhase( 'error' );
			return;
		}
		await loop( started );
	}, [ type, preview, loop, runPreview ] );

	const cancel = useCallback( async () => {
		if ( ! operation ) {
			return;
		}
		setCancelling( true );
		try {
			const answer = await cancelOperation( operation.id );
			if ( mounted.current && answer.state !== 'running' ) {
				setOperation( answer );
			}
		} catch ( caught ) {
			setCancelling( false );
			setError( ApiRequestError.from( caught ) );
		}
	}, [ operation ] );

	const resume = useCallback(
		( existing: Operation ) => {
			setError( null );
			void loop( existing );
		},
		[ loop ]
	);

	const reset = useCallback( () => {
		setPhase( 'idle' );
		setPreview( null );
		setOperation( null );
		setError( null );
		setNotice( null );
		setCancelling( false );
	}, [] );

	return {
		phase,
		preview,
		operation,
		error,
		notice,
		cancelling,
		runPreview,
		confirm,
		cancel,
		resume,
		reset,
	};
}
