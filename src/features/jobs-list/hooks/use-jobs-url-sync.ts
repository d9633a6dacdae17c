/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { store } from '../store';
import type { JobsView } from '../../../shared/types';
import { viewFromSearch, viewToSearch } from '../url/view-url';

/**
 * Writes a view into the address bar, keeping every parameter it does not
 * own (`page=dm-jobs`, `job`, …) and the hash.
 *
 * @param view How.
 * @param mode `push` adds a history entry (Back returns to the previous view),
 *             `replace` rewrites the current one.
 * @return Whether the URL changed.
 */
export function writeViewToUrl(
	view: JobsView,
	mode: 'push' | 'replace'
): boolean {
	const { location, history } = window;
	const search = viewToSearch( view, location.search );
	if ( search === location.search ) {
		return false;
	}
	const url = `${ location.pathname }${ search }${ location.hash }`;
	if ( mode === 'push' ) {
		history.pushState( null, '', url );
	} else {
		history.replaceState( history.state, '', url );
	}
	return true;
}

/**
 * Keeps the jobs view and the page URL in step:
 * - on mount, loads the view the URL describes (a reload or a shared link),
 *   unless it is already shown;
 * - every view the user chooses gets its own history entry;
 * - Back/Forward (`popstate`) loads the view of that entry.
 *
 * Invalid URL values are dropped and the URL rewritten without them.
 *
 * @param view The current view from the store.
 */
export function useJobsUrlSync( view: JobsView ): void {
	const { applyView } = useDispatch( store );
	const { getQuery, getLoadedQuery } = useSelect( store );
	const started = useRef( false );
	const nextWrite = useRef< 'push' | 'replace' >( 'replace' );

	useEffect( () => {
		started.current = true;
		nextWrite.current = 'replace';
		const fromUrl = viewFromSearch( window.location.search );
		const loaded = getLoadedQuery();
		// Already shown (the app took over the server-printed first page): no second request.
		if (
			loaded === null ||
			loaded !== getQuery() ||
			viewToSearch( loaded ) !== viewToSearch( fromUrl )
		) {
			void applyView( fromUrl );
		}

		const onPopState = () => {
			const next = viewFromSearch( window.location.search );
			// Another part of the screen (the open job, the insights tab)
			// moved in history: the list stays as it is.
			if ( viewToSearch( next ) === viewToSearch( getQuery() ) ) {
				return;
			}
			nextWrite.current = 'replace';
			void applyView( next );
		};
		window.addEventListener( 'popstate', onPopState );
		return () => window.removeEventListener( 'popstate', onPopState );
		// Once: the URL is read on mount and on popstate only.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	useEffect( () => {
		// Skip renders that still show a view older than the store's (the
		// first render, before the URL's view was applied).
		if ( ! started.current || view !== getQuery() ) {
			return;
		}
		writeViewToUrl( view, nextWrite.current );
		nextWrite.current = 'push';
	}, [ view, getQuery ] );
}
