/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { JsonTree } from '../../../../../src/features/job-details/components/json-tree';
import { PayloadInspector } from '../../../../../src/features/job-details/components/payload-inspector';

const HOSTILE = '<img src=x onerror=window.__xss=1>';

describe( 'JsonTree', { timeout: 30_000 }, () => {
	it( 'renders children only when a node is opened', async () => {
		const user = userEvent.setup();
		render(
			<JsonTree
				label="Payload"
				value={ { outer: { inner: { deepest: 'found me' } } } }
			/>
		);
		expect( screen.getByText( 'outer' ) ).toBeInTheDocument();
		expect( screen.queryByText( 'inner' ) ).not.toBeInTheDocument();

		const outer = screen.getByRole( 'button', { name: /outer/ } );
		expect( outer ).toHaveAttribute( 'aria-expanded', 'false' );
		await user.click( outer );
		expect( outer ).toHaveAttribute( 'aria-expanded', 'true' );
		await user.click( screen.getByRole( 'button', { name: /inner/ } ) );
		expect( screen.getByText( 'found me' ) ).toBeInTheDocument();
	} );

	it( 'shows large lists 100 at a time, with "Show all"', async () => {
		const user = userEvent.setup();
		const items = Array.from(
			{ length: 250 },
			( _, index ) => `item-${ index }`
		);
		const { container } = render(
			<JsonTree label="Payload" value={ { items } } expandDepth={ 2 } />
		);
		const leaves = () =>
			container.querySelectorAll( '.dm-jobs-json-node.is-leaf' ).length;
		expect( leaves() ).toBe( 100 );
		await user.click(
			screen.getByRole( 'button', { name: 'Show 100 more' } )
		);
		expect( leaves() ).toBe( 200 );
		await user.click(
			screen.getByRole( 'button', { name: 'Show all 250' } )
		);
		await screen.findByText( 'item-249' );
		expect( leaves() ).toBe( 250 );
	} );

	it( 'cuts long strings with "Show all"', async () => {
		const user = userEvent.setup();
		render(
			<JsonTree label="Payload" value={ { long: 'a'.repeat( 5000 ) } } />
		);
		expect(
			screen.queryByText( 'a'.repeat( 5000 ) )
		).not.toBeInTheDocument();
		await user.click(
			screen.getByRole( 'button', {
				name: /Show all \(5,000 characters\)/,
			} )
		);
		expect( screen.getByText( 'a'.repeat( 5000 ) ) ).toBeInTheDocument();
	} );

	it( 'marks decoded PHP objects and hides the marker key', () => {
		render(
			<JsonTree
				label="Payload"
				expandDepth={ 3 }
				value={ {
					payload: { __php_class: 'Evil\\Gadget', path: '/tmp' },
				} }
			/>
		);
		expect(
			screen.getByText( 'PHP object Evil\\Gadget (not instantiated)' )
		).toBeInTheDocument();
		expect( screen.queryByText( '__php_class' ) ).not.toBeInTheDocument();
		expect( screen.getByText( 'path' ) ).toBeInTheDocument();
	} );

	it( 'escapes quotes and backslashes inside string values', () => {
		const { container } = render(
			<JsonTree
				label="Payload"
				value={ { title: 'He said "hi" \\ bye' } }
			/>
		);
		expect( container.textContent ).toContain(
			'"He said \\"hi\\" \\\\ bye"'
		);
	} );

	it( 'renders keys and values with markup as text', () => {
		const { container } = render(
			<JsonTree label="Payload" value={ { [ HOSTILE ]: HOSTILE } } />
		);
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( screen.getAllByText( HOSTILE ) ).toHaveLength( 2 );
		expect( container.textContent ).toContain( `"${ HOSTILE }"` );
	} );
} );

describe( 'PayloadInspector', () => {
	it( 'searches keys and values and lists the matching paths', async () => {
		const user = userEvent.setup();
		render(
			<PayloadInspector
				label="Engine data"
				value={ {
					error_message: 'Timeout talking to feed',
					steps: [ { name: 'fetch', timeout: 30 } ],
				} }
			/>
		);
		expect( screen.getByText( /^\d+ B$/ ) ).toBeInTheDocument();
		await user.type(
			screen.getByRole( 'searchbox', { name: 'Search Engine data' } ),
			'timeout'
		);
		const status = await screen.findByText( '2 matches' );
		const results = status.closest(
			'.dm-jobs-payload-results'
		) as HTMLElement;
		expect(
			within( results )
				.getAllByRole( 'listitem' )
				.map( ( item ) => item.querySelector( 'code' )?.textContent )
		).toEqual( [ 'error_message', 'steps[0].timeout' ] );
	} );
} );
