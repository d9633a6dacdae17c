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
import * as selectors from './selectors';

/**
 * Jobs the screen watches (started from it, or marked "watch") and the
 * announcements of those that finished.
 */
export const store = createReduxStore( STORE_NAME, {
	initialState,
	reducer,
	actions,
	selectors,
} );

register( store );
