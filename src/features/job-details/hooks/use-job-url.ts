/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { JOB_URL_PARAM } from '../constants';

/**
 * The job ID in a query string (`&job=123`), or `null`.
 *
 * @param search `location.search`.
 */
export function readJobFromUrl(
	search: string = window.location.search
): number | null {
	const value = new URLSearchParams( search ).get( JOB_URL_PARAM );
	if ( value === null || ! /^[1-9]\d{0,18}$/.test( value ) ) {
		return null;
	}
	const id = Number( value );
	return Number.isSafeInteger( id ) ? id : null;
}

/**
 * Puts the open job in the URL (or takes it out), keeping every other
 * parameter. Replaces the history entry: opening jobs does not fill Back.
 *
 * @param jobId The open job, or `null`.
 */
export function writeJobToUrl( jobId: number | null ): void {
	const url = new URL( window.location.href );
	if ( jobId === null ) {
		url.searchParams.delete( JOB_URL_PARAM );
	} else {
		url.searchParams.set( JOB_URL_PARAM, String( jobId ) );
	}
	if ( url.href !== window.location.href ) {
		window.history.replaceState( window.history.state, '', url.href );
	}
}

/**
 * Keeps the open job and the URL in step: opens the job named in the URL on
 * load (deep link), writes the open job into the URL, follows Back/Forward.
 *
 * @param openJobId The open job.
 * @param open      Opens a job.
 * @param close     Closes the open job.
 */
export function useJobUrl(
	openJobId: number | null,
	open: ( jobId: number ) => void,
	close: () => void
): void {
	const ready = useRef( false );

	useEffect( () => {
		const fromUrl = readJobFromUrl();
		if ( fromUrl !== null ) {
			open( fromUrl );
		}
		ready.current = true;
		const onPopState = () => {
			const jobId = readJobFromUrl();
			if ( jobId === null ) {
				close();
			} else {
				open( jobId );
			}
		};
		window.addEventListener( 'popstate', onPopState );
		return () => window.removeEventListener( 'popstate', onPopState );
		// Only on mount: the URL is read once, then written.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	useEffect( () => {
		if ( ready.current ) {
			writeJobToUrl( openJobId );
		}
	}, [ openJobId ] );
}
