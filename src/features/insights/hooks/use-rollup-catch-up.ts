/**
 * While the server is still building job history (first backfill, or after a
 * time zone change), keeps asking it to run bounded passes and reports the
 * progress; when it is done, tells the view to reload.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';
import { runRollupPass } from '../api/metrics-api';
import type { RollupProgress } from '../types';

export interface RollupCatchUp {
	progress: RollupProgress | null;
	error: ApiError | null;
	retry: () => void;
}

/**
 * @param initial The progress the last overview reported (`null` before one loaded).
 * @param onReady Called once when history becomes complete.
 */
export function useRollupCatchUp(
	initial: RollupProgress | null,
	onReady: () => void
): RollupCatchUp {
	const [ progress, setProgress ] = useState< RollupProgress | null >(
		initial
	);
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ attempt, setAttempt ] = useState( 0 );
	const onReadyRef = useRef( onReady );
	onReadyRef.current = onReady;

	useEffect( () => {
		setProgress( initial );
	}, [ initial ] );

	const needsWork = progress !== null && progress.state !== 'ready';

	useEffect( () => {
		if ( ! needsWork ) {
			return;
		}
		let cancelled = false;
		const step = async () => {
			while ( ! cancelled ) {
				let next: RollupProgress;
				try {
					next = await runRollupPass();
				} catch ( caught ) {
					if ( ! cancelled ) {
						setError( caught as ApiError );
					}
					return;
				}
				if ( cancelled ) {
					return;
				}
				setError( null );
				setProgress( next );
				if ( next.state === 'ready' ) {
					onReadyRef.current();
					return;
				}
			}
		};
		void step();
		return () => {
			cancelled = true;
		};
	}, [ needsWork, attempt ] );

	return {
		progress,
		error,
		retry: () => setAttempt( ( value ) => value + 1 ),
	};
}
