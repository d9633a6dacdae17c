/**
 * WordPress dependencies
 */
import { useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { QueryState } from '../../../shared/data/create-query-store';
import type { LoadState } from '../types';

/**
 * A chart's load state from its query: while another range loads, the last
 * answer stays drawn (marked busy) instead of a blank card.
 *
 * @param query The query's state.
 */
export function useLoadState< T >( query: QueryState< T > ): LoadState< T > {
	const last = useRef< T | null >( null );
	if ( query.data !== undefined ) {
		last.current = query.data;
	}
	const data = query.data ?? last.current;
	if ( query.error !== null && ! query.loading ) {
		return { status: 'error', data, error: query.error };
	}
	if ( query.loading || query.data === undefined ) {
		return { status: 'loading', data, error: null };
	}
	return { status: 'ready', data: query.data, error: null };
}
