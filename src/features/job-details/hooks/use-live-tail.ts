/**
 * WordPress dependencies
 */
import { useDispatch } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { DETAIL_REFRESH_EVERY, TAIL_INTERVAL_MS } from '../constants';
import { store } from '../store';

/**
 * While a job runs, polls its log every 1.5 s (a `setTimeout` chain that waits
 * for each answer) and reloads the job every few polls, so its status and
 * progress stay current. When it stops running, reads the last lines once.
 *
 * @param jobId The open job.
 * @param live  Whether the job is still pending or processing.
 */
export function useLiveTail( jobId: number | null, live: boolean ): void {
	const { pollLogs, loadJob } = useDispatch( store );
	const wasLive = useRef( false );

	useEffect( () => {
		if ( jobId === null ) {
			wasLive.current = false;
			return;
		}
		if ( ! live ) {
			if ( wasLive.current ) {
				// The job just finished: catch the lines written at the end.
				pollLogs();
			}
			wasLive.current = false;
			return;
		}
		wasLive.current = true;
		let cancelled = false;
		let timer: number | undefined;
		let ticks = 0;
		const tick = async () => {
			if ( cancelled ) {
				return;
			}
			if ( ! document.hidden ) {
				await pollLogs();
				ticks++;
				if ( ! cancelled && ticks % DETAIL_REFRESH_EVERY === 0 ) {
					await loadJob( { reload: true } );
				}
			}
			if ( ! cancelled ) {
				timer = window.setTimeout( tick, TAIL_INTERVAL_MS );
			}
		};
		timer = window.setTimeout( tick, TAIL_INTERVAL_MS );
		return () => {
			cancelled = true;
			window.clearTimeout( timer );
		};
	}, [ jobId, live, pollLogs, loadJob ] );
}
