/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { STORE_NAME } from '../constants';
import * as actions from './actions';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

/**
 * The job detail store: the open job, its diagnostics and its log lines.
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
export type { JobDetailsState, LoadStatus } from './types';
