/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as selectors from './selectors';

/**
 * The jobs list store: query, current page of jobs, totals, loading and error.
 */
export const store = createReduxStore( STORE_NAME, {
	initialState,
	reducer,
	actions,
	selectors,
} );

register( store );

export { STORE_NAME };
export type { JobsState, RequestStatus } from './types';
