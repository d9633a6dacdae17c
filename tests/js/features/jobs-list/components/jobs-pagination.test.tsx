/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { JobsPagination } from '../../../../../src/features/jobs-list/components/jobs-pagination';
import { store } from '../../../../../src/features/jobs-list/store';
import { DEFAULT_QUERY } from '../../../../../src/features/jobs-list/store/constants';
import { normalizeJobsQuery } from '../../../../../src/shared/api/jobs-api';
import { makeJobs } from '../../../helpers/make-job';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

beforeEach( () => {
	// The next page is asked for and never answered: what is asked is the test.
	vi.mocked( apiFetch ).mockReturnValue( new Promise( () => undefined ) );
} );

/**
 * Renders the pagination over a jobs store showing `page` (5 per page) of a
 * list of `totalPages` pages, its shown page holding `rows` jobs.
 *
 * @param shown            The shown page.
 * @param shown.rows       Jobs on the shown page.
 * @param shown.page       1-based page number.
 * @param shown.totalPages Pages of the list.
 * @param shown.totalExact `false` when the total is an estimate.
 */
function renderPage( shown: {
	rows: number;
	page: number;
	totalPages: number;
	totalExact: boolean;
} ) {
	const registry = createRegistry();
	registry.register( store );
	const view = { ...DEFAULT_QUERY, page: shown.page, perPage: 5 };
	registry.dispatch( store ).setQuery( view );
	registry.dispatch( store ).receiveJobsPage( normalizeJobsQuery( view ), {
		items: makeJobs( shown.rows ),
		total: shown.totalPages * 5,
		totalPages: shown.totalPages,
		totalExact: shown.totalExact,
	} );
	render(
		<RegistryProvider value={ registry }>
			<JobsPagination />
		</RegistryProvider>
	);
	return {
		askedPage: () => registry.select( store ).getQuery().page,
		button: ( name: 'Previous page' | 'Next page' ) =>
			screen.getByRole( 'button', { name } ),
	};
}

function isEnabled( button: HTMLElement ): boolean {
	return button.getAttribute( 'aria-disabled' ) !== 'true';
}

describe( 'the jobs pagination', () => {
	it( 'shows the total and the page from the store', () => {
		renderPage( { rows: 5, page: 2, totalPages: 4, totalExact: true } );
		expect( screen.getByText( '20 jobs' ) ).toBeVisible();
		expect( screen.getByText( 'Page 2 of 4' ) ).toBeVisible();
	} );

	it( 'says "about" when the total is an estimate', () => {
		renderPage( { rows: 5, page: 2, totalPages: 4, totalExact: false } );
		expect( screen.getByText( 'about 20 jobs' ) ).toBeVisible();
		expect( screen.getByText( 'Page 2 of about 4' ) ).toBeVisible();
	} );

	it( 'asks the store for the next and the previous page', async () => {
		const user = userEvent.setup();
		const { askedPage, button } = renderPage( {
			rows: 5,
			page: 2,
			totalPages: 4,
			totalExact: true,
		} );
		await user.click( button( 'Next page' ) );
		expect( askedPage() ).toBe( 3 );
		expect( screen.getByText( 'Page 3 of 4' ) ).toBeVisible();
		await user.click( button( 'Previous page' ) );
		await user.click( button( 'Previous page' ) );
		expect( askedPage() ).toBe( 1 );
	} );

	it( 'keeps a disabled button focusable, and clicking it changes nothing', async () => {
		const user = userEvent.setup();
		const { askedPage, button } = renderPage( {
			rows: 5,
			page: 1,
			totalPages: 4,
			totalExact: true,
		} );
		expect( isEnabled( button( 'Previous page' ) ) ).toBe( false );
		await user.click( button( 'Previous page' ) );
		expect( button( 'Previous page' ) ).toHaveFocus();
		expect( askedPage() ).toBe( 1 );
	} );
} );

describe( 'the next-page button when the total is an estimate', () => {
	it( 'stays enabled on the estimated last page when that page is full (the estimate may be low), and goes past it', async () => {
		const user = userEvent.setup();
		const { askedPage, button } = renderPage( {
			rows: 5,
			page: 4,
			totalPages: 4,
			totalExact: false,
		} );
		expect( isEnabled( button( 'Next page' ) ) ).toBe( true );
		await user.click( button( 'Next page' ) );
		expect( askedPage() ).toBe( 5 );
	} );

	it( 'is disabled on a short page even when the estimate promises more pages', () => {
		const { button } = renderPage( {
			rows: 3,
			page: 2,
			totalPages: 4,
			totalExact: false,
		} );
		expect( isEnabled( button( 'Next page' ) ) ).toBe( false );
	} );

	it( 'follows the page count when the total is exact', () => {
		expect(
			isEnabled(
				renderPage( {
					rows: 5,
					page: 4,
					totalPages: 4,
					totalExact: true,
				} ).button( 'Next page' )
			)
		).toBe( false );
	} );

	it( 'is enabled before the last page when the total is exact', () => {
		expect(
			isEnabled(
				renderPage( {
					rows: 5,
					page: 3,
					totalPages: 4,
					totalExact: true,
				} ).button( 'Next page' )
			)
		).toBe( true );
	} );
} );
