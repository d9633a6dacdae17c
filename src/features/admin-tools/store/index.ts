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
 * The Admin modal's store: the table's row selection and which section of
 * the modal is open.
 */
export const store = createReduxStore( STORE_NAME, {
	initialState,
	reducer,
	actions,
	selectors,
} );

register( store );

export { STORE_NAME };
export type { AdminToolsState } from './types';
