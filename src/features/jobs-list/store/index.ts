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
import * as resolvers from './resolvers';
import * as selectors from './selectors';

/**
 * The jobs list store: the asked view, pages of jobs cached by query (resolved
 * once per query, invalidated by writes and the live feed), counts, live state.
 */
export const store = createReduxStore( STORE_NAME, {
	initialState,
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );

export { STORE_NAME };
export type { JobsState, RequestStatus } from './types';
