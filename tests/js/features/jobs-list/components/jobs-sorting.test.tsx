/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Internal dependencies
 */
import { FakeJobsServer } from '../../../helpers/fake-server';
import { serveApiFetch } from '../../../helpers/serve-api-fetch';
import { makeJob } from '../../../helpers/make-job';
import { renderApp } from '../../../helpers/render-app';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

let server: FakeJobsServer;

beforeEach( () => {
	window.history.replaceState( null, '', '/wp-admin/admin.php?page=dm-jobs' );
	server = new FakeJobsServer( [
		makeJob( { id: 3, duration: 10, pipeline_name: 'B', flow_name: 'z' } ),
		makeJob( { id: 2, duration: 10, pipeline_name: 'A', flow_name: 'y' } ),
		makeJob( { id: 1, duration: 99, pipeline_name: 'B', flow_name: 'x' } ),
	] );
	serveApiFetch( server );
} );

function header( name: string | RegExp ): HTMLElement {
	return screen.getByRole( 'columnheader', { name } );
}

function rowIds(): string[] {
	const table = screen.getByRole( 'table', { name: 'Jobs' } );
	return Array.from( table.querySelectorAll( 'tbody tr' ) ).map(
		( row ) => row.getAttribute( 'data-job-id' ) ?? ''
	);
}

describe( 'Jobs table: sorting by column header', () => {
	it( 'marks the sorted column with aria-sort and an arrow', async () => {
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );

		expect( header( 'Job ID' ) ).toHaveAttribute(
			'aria-sort',
			'descending'
		);
		expect( header( 'Job ID' ) ).toHaveTextContent( '↓' );
		for ( const name of [
			'Pipeline → Flow',
			'Status',
			'Created',
			'Completed',
			'Duration',
		] ) {
			expect( header( name ) ).toHaveAttribute( 'aria-sort', 'none' );
		}
	} );

	it( 'sorts by a column, then flips the direction on a second click', async () => {
		const user = userEvent.setup();
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );

		await user.click(
			within( header( 'Duration' ) ).getByRole( 'button', {
				name: 'Duration',
			} )
		);
		await waitFor( () =>
			expect( header( 'Duration' ) ).toHaveAttribute(
				'aria-sort',
				'descending'
			)
		);
		expect( server.lastParams().get( 'orderby' ) ).toBe( 'duration' );
		expect( server.lastParams().get( 'order' ) ).toBe( 'desc' );
		// Ties are broken by job ID, in the same direction.
		expect( rowIds() ).toEqual( [ '1', '3', '2' ] );
		expect( header( 'Job ID' ) ).toHaveAttribute( 'aria-sort', 'none' );
		expect(
			new URLSearchParams( window.location.search ).get( 'orderby' )
		).toBe( 'duration' );

		await user.click(
			within( header( 'Duration' ) ).getByRole( 'button', {
				name: 'Duration',
			} )
		);
		await waitFor( () =>
			expect( header( 'Duration' ) ).toHaveAttribute(
				'aria-sort',
				'ascending'
			)
		);
		expect( header( 'Duration' ) ).toHaveTextContent( '↑' );
		expect( rowIds() ).toEqual( [ '2', '3', '1' ] );
	} );

	it( 'offers pipeline and flow sorting in the one header', async () => {
		const user = userEvent.setup();
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );
		const column = header( 'Pipeline → Flow' );

		await user.click(
			within( column ).getByRole( 'button', { name: 'Pipeline' } )
		);
		await waitFor( () =>
			expect( column ).toHaveAttribute( 'aria-sort', 'ascending' )
		);
		expect( server.lastParams().get( 'orderby' ) ).toBe( 'pipeline' );
		expect( rowIds() ).toEqual( [ '2', '1', '3' ] );

		await user.click(
			within( column ).getByRole( 'button', { name: 'Flow' } )
		);
		await waitFor( () =>
			expect( server.lastParams().get( 'orderby' ) ).toBe( 'flow' )
		);
		expect( server.lastParams().get( 'order' ) ).toBe( 'asc' );
		await waitFor( () => expect( rowIds() ).toEqual( [ '1', '2', '3' ] ) );
	} );

	it( 'sorts from the keyboard', async () => {
		const user = userEvent.setup();
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );
		const button = within( header( 'Created' ) ).getByRole( 'button', {
			name: 'Created',
		} );
		button.focus();
		await user.keyboard( '{Enter}' );
		await waitFor( () =>
			expect( header( 'Created' ) ).toHaveAttribute(
				'aria-sort',
				'descending'
			)
		);
		await user.keyboard( ' ' );
		await waitFor( () =>
			expect( header( 'Created' ) ).toHaveAttribute(
				'aria-sort',
				'ascending'
			)
		);
		expect( server.lastParams().get( 'orderby' ) ).toBe( 'created_at' );
	} );

	it( 'restores the sort from the URL', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=dm-jobs&orderby=status&order=asc'
		);
		renderApp();
		await screen.findByRole( 'table', { name: 'Jobs' } );
		expect( header( 'Status' ) ).toHaveAttribute(
			'aria-sort',
			'ascending'
		);
	} );
} );
