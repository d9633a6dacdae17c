/**
 * Internal dependencies
 */
import type { AdminSection } from '../types';
import type { AdminToolsState } from './types';

export function getSelectedIds( state: AdminToolsState ): number[] {
	return state.selected;
}

export function isAllMatching( state: AdminToolsState ): boolean {
	return state.allMatching;
}

export function getAnchorId( state: AdminToolsState ): number | null {
	return state.anchorId;
}

export function hasSelection( state: AdminToolsState ): boolean {
	return state.allMatching || state.selected.length > 0;
}

export function isModalOpen( state: AdminToolsState ): boolean {
	return state.modalOpen;
}

export function getSection( state: AdminToolsState ): AdminSection {
	return state.section;
}
