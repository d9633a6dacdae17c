/**
 * Internal dependencies
 */
import type { NotificationsAction, NotificationsState } from '../types';

export const initialState: NotificationsState = {
	watched: {},
	announcements: [],
};

/**
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: NotificationsState = initialState,
	action: NotificationsAction
): NotificationsState {
	switch ( action.type ) {
		case 'WATCH_JOB':
			return {
				...state,
				watched: {
					...state.watched,
					[ action.id ]: { id: action.id, reason: action.reason },
				},
			};
		case 'UNWATCH_JOB': {
			if ( ! ( action.id in state.watched ) ) {
				return state;
			}
			const watched = { ...state.watched };
			delete watched[ action.id ];
			return { ...state, watched };
		}
		case 'ANNOUNCE': {
			const watched = { ...state.watched };
			delete watched[ action.announcement.job.id ];
			return {
				...state,
				watched,
				announcements: [
					...state.announcements.filter(
						( item ) => item.id !== action.announcement.id
					),
					action.announcement,
				],
			};
		}
		case 'DISMISS_ANNOUNCEMENT':
			return {
				...state,
				announcements: state.announcements.filter(
					( item ) => item.id !== action.id
				),
			};
	}
	return state;
}
