/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { STORE_NAME } from './constants';
import { countsActions, countsResolvers } from './counts';
import { liveActions } from './live';
import { initialState, reducer } from './reducer';
import * as selectors from './selectors';
import { viewActions, viewResolvers } from './view';

/**
 * The jobs list store: the asked view and its pages, cached by query
 * (`view.ts`: resolved once per query), kept current by the live feed and
 * after writes (`live.ts`), and the counts per status (`counts.ts`).
 */
export const store = createReduxStore( STORE_NAME, {
	initialState,
	reducer,
	actions: { ...viewActions, ...liveActions, ...countsActions },
	selectors,
	resolvers: { ...viewResolvers, ...countsResolvers },
} );

register( store );

export { STORE_NAME };
export type { JobsState, RequestStatus } from './types';
