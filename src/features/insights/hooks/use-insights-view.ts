/**
 * Which view of the Jobs screen is shown — the list or the insights — kept in
 * the `view` URL parameter, so a reload or a shared link opens the same view
 * and Back/Forward switch between them.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

export type JobsScreenView = 'list' | 'insights';

export const VIEW_PARAM = 'view';

/**
 * The view a query string asks for.
 *
 * @param search `window.location.search`.
 */
export function viewFromSearch( search: string ): JobsScreenView {
	return new URLSearchParams( search ).get( VIEW_PARAM ) === 'insights'
		? 'insights'
		: 'list';
}

/**
 * A query string with the view set (other parameters kept, in order).
 *
 * @param search Current query string.
 * @param view   The view to show.
 */
export function searchWithView( search: string, view: JobsScreenView ): string {
	const params = new URLSearchParams( search );
	if ( view === 'insights' ) {
		params.set( VIEW_PARAM, 'insights' );
	} else {
		params.delete( VIEW_PARAM );
	}
	const query = params.toString();
	return query === '' ? '' : `?${ query }`;
}

export function useInsightsView(): [
	JobsScreenView,
	( view: JobsScreenView ) => void,
] {
	const [ view, setViewState ] = useState< JobsScreenView >( () =>
		viewFromSearch( window.location.search )
	);

	useEffect( () => {
		const onPopState = () =>
			setViewState( viewFromSearch( window.location.search ) );
		window.addEventListener( 'popstate', onPopState );
		return () => window.removeEventListener( 'popstate', onPopState );
	}, [] );

	const setView = useCallback( ( next: JobsScreenView ) => {
		const { location, history } = window;
		const search = searchWithView( location.search, next );
		if ( search !== location.search ) {
			history.pushState(
				null,
				'',
				`${ location.pathname }${ search }${ location.hash }`
			);
		}
		setViewState( next );
	}, [] );

	return [ view, setView ];
}
