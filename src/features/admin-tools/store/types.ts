/**
 * Internal dependencies
 */
import type { AdminSection } from '../types';

export interface AdminToolsState {
	/** Explicitly selected job IDs (across pages), sorted. */
	selected: number[];
	/** "All N jobs matching the current filter" is selected. */
	allMatching: boolean;
	/** The row a Shift-click range starts from. */
	anchorId: number | null;
	/** The list filter the selection belongs to (selection resets when it changes). */
	filterKey: string;
	modalOpen: boolean;
	section: AdminSection;
}

export type AdminToolsAction =
	| {
			type: 'CLICK_ROW';
			ids: number[];
			anchorId: number;
			checked: boolean;
	  }
	| { type: 'SET_ROWS'; ids: number[]; checked: boolean }
	| { type: 'SELECT_ALL_MATCHING' }
	| { type: 'CLEAR_SELECTION' }
	| { type: 'SYNC_FILTER'; filterKey: string }
	| { type: 'OPEN_MODAL'; section: AdminSection | null }
	| { type: 'CLOSE_MODAL' };
