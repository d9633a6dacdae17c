/**
 * Internal dependencies
 */
import type { AdminSection } from '../types';
import { rangeIds } from '../utils/selection';
import type { AdminToolsAction } from './types';

/**
 * A click on a row's checkbox; with Shift, the range from the previous click.
 *
 * @param pageIds  IDs shown, in display order.
 * @param anchorId The previous click's row.
 * @param targetId The clicked row.
 * @param checked  The checkbox's new state.
 * @param shiftKey Whether Shift was held.
 */
export function clickRow(
	pageIds: number[],
	anchorId: number | null,
	targetId: number,
	checked: boolean,
	shiftKey: boolean
): AdminToolsAction {
	return {
		type: 'CLICK_ROW',
		ids: rangeIds( pageIds, anchorId, targetId, shiftKey ),
		anchorId: targetId,
		checked,
	};
}

export function setRows( ids: number[], checked: boolean ): AdminToolsAction {
	return { type: 'SET_ROWS', ids, checked };
}

export function selectAllMatching(): AdminToolsAction {
	return { type: 'SELECT_ALL_MATCHING' };
}

export function clearSelection(): AdminToolsAction {
	return { type: 'CLEAR_SELECTION' };
}

export function syncFilter( filterKey: string ): AdminToolsAction {
	return { type: 'SYNC_FILTER', filterKey };
}

export function openModal(
	section: AdminSection | null = null
): AdminToolsAction {
	return { type: 'OPEN_MODAL', section };
}

export function closeModal(): AdminToolsAction {
	return { type: 'CLOSE_MODAL' };
}
