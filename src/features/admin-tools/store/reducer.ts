/**
 * Internal dependencies
 */
import { setIds } from '../utils/selection';
import type { AdminToolsAction, AdminToolsState } from './types';

export const initialState: AdminToolsState = {
	selected: [],
	allMatching: false,
	anchorId: null,
	filterKey: '',
	modalOpen: false,
	section: 'bulk',
};

const cleared = {
	selected: [],
	allMatching: false,
	anchorId: null,
};

export function reducer(
	state: AdminToolsState = initialState,
	action: AdminToolsAction
): AdminToolsState {
	switch ( action.type ) {
		case 'CLICK_ROW':
			return {
				...state,
				selected: setIds( state.selected, action.ids, action.checked ),
				// Unselecting one row of "all matching" leaves an explicit selection.
				allMatching: false,
				anchorId: action.anchorId,
			};
		case 'SET_ROWS':
			return {
				...state,
				selected: setIds( state.selected, action.ids, action.checked ),
				allMatching: action.checked ? state.allMatching : false,
			};
		case 'SELECT_ALL_MATCHING':
			return { ...state, allMatching: true };
		case 'CLEAR_SELECTION':
			return { ...state, ...cleared };
		case 'SYNC_FILTER':
			return state.filterKey === action.filterKey
				? state
				: { ...state, ...cleared, filterKey: action.filterKey };
		case 'OPEN_MODAL':
			return {
				...state,
				modalOpen: true,
				section: action.section ?? state.section,
			};
		case 'CLOSE_MODAL':
			return { ...state, modalOpen: false };
		default:
			return state;
	}
}
