/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import * as actions from '../../../../../src/features/admin-tools/store/actions';
import {
	initialState,
	reducer,
} from '../../../../../src/features/admin-tools/store/reducer';
import type { AdminToolsState } from '../../../../../src/features/admin-tools/store/types';

function run( ...steps: Parameters< typeof reducer >[ 1 ][] ): AdminToolsState {
	return steps.reduce( reducer, initialState );
}

describe( 'admin tools store', () => {
	const page = [ 10, 9, 8, 7 ];

	it( 'clicks rows and Shift-click ranges from the last clicked row', () => {
		const state = run(
			actions.clickRow( page, null, 9, true, false ),
			actions.clickRow( page, 9, 7, true, true )
		);
		expect( state.selected ).toEqual( [ 7, 8, 9 ] );
		expect( state.anchorId ).toBe( 7 );

		const unselected = reducer(
			state,
			actions.clickRow( page, 7, 8, false, true )
		);
		expect( unselected.selected ).toEqual( [ 9 ] );
	} );

	it( 'selects the page, then all matching; unticking a row leaves an explicit selection', () => {
		let state = run(
			actions.setRows( page, true ),
			actions.selectAllMatching()
		);
		expect( state.allMatching ).toBe( true );
		state = reducer(
			state,
			actions.clickRow( page, null, 8, false, false )
		);
		expect( state.allMatching ).toBe( false );
		expect( state.selected ).toEqual( [ 7, 9, 10 ] );
	} );

	it( 'clears the selection when the filter changes, not when it stays', () => {
		let state = run(
			actions.syncFilter( '{}' ),
			actions.setRows( page, true ),
			actions.selectAllMatching()
		);
		state = reducer( state, actions.syncFilter( '{}' ) );
		expect( state.allMatching ).toBe( true );
		state = reducer( state, actions.syncFilter( '{"status":"failed"}' ) );
		expect( state.allMatching ).toBe( false );
		expect( state.selected ).toEqual( [] );
		expect( state.filterKey ).toBe( '{"status":"failed"}' );
	} );

	it( 'opens the modal on a section and closes it', () => {
		const open = run( actions.openModal( 'audit' ) );
		expect( open.modalOpen ).toBe( true );
		expect( open.section ).toBe( 'audit' );
		expect( reducer( open, actions.openModal() ).section ).toBe( 'audit' );
		expect( reducer( open, actions.closeModal() ).modalOpen ).toBe( false );
	} );
} );
