/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	PageActions,
	PageActionsProvider,
	PageActionsSlot,
} from '../../../../src/shared/components/page-actions';

describe( 'PageActions', () => {
	it( 'shows actions rendered deep in the page beside the title', () => {
		render(
			<PageActionsProvider>
				<header>
					<h1>Jobs</h1>
					<PageActionsSlot />
				</header>
				<main>
					<div>
						<PageActions>
							<button type="button">Admin</button>
						</PageActions>
					</div>
				</main>
			</PageActionsProvider>
		);
		const button = screen.getByRole( 'button', { name: 'Admin' } );
		expect( button.parentElement ).toHaveClass( 'dm-jobs-page-actions' );
		expect( button.closest( 'header' ) ).not.toBeNull();
		expect( button.closest( 'main' ) ).toBeNull();
		// Right after the title, as WordPress places "Add New Post" after "Posts".
		expect(
			screen.getByRole( 'heading', { name: 'Jobs' } ).nextElementSibling
		).toBe( button.parentElement );
	} );

	it( 'shows nothing where the page has no slot for actions', () => {
		render(
			<PageActionsProvider>
				<PageActions>
					<button type="button">Admin</button>
				</PageActions>
			</PageActionsProvider>
		);
		expect( screen.queryByRole( 'button', { name: 'Admin' } ) ).toBeNull();
	} );
} );
