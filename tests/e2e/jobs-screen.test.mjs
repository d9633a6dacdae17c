/**
 * The Jobs screen from empty site to seeded list: empty state, rows, status colours, paging,
 * narrow screens and the REST nonce. The tests run in order and share one logged-in page.
 * Selectors are the screen's own classes and data attributes (table.dm-jobs-table, data-job-id, …)
 * and labelled controls.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import {
	JOBS_PAGE,
	collectPageErrors,
	colorFamiliesOf,
	launchBrowser,
	newLoggedInPage,
	screenshot,
	seed,
} from './helpers.mjs';

const ROWS = 'tbody tr[data-job-id]';

/**
 * @param {import('playwright-core').Page} page
 * @return {import('playwright-core').Locator} The jobs table.
 */
function jobsTable( page ) {
	return page.getByRole( 'table', { name: 'Jobs', exact: true } );
}

/**
 * @param {import('playwright-core').Page} page
 * @return {Promise<string[]>} The job IDs of the rows on screen.
 */
async function visibleJobIds( page ) {
	const table = jobsTable( page );
	await table.locator( ROWS ).first().waitFor();
	return table
		.locator( ROWS )
		.evaluateAll( ( rows ) =>
			rows.map( ( row ) => row.getAttribute( 'data-job-id' ) )
		);
}

/**
 * Finds a status badge with the given class, paging forward until one is shown.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         modifier e.g. 'is-completed'.
 * @return {Promise<import('playwright-core').Locator|null>} The first such badge, or null.
 */
async function findBadge( page, modifier ) {
	for ( let pageNumber = 1; pageNumber <= 20; pageNumber++ ) {
		const shown = await visibleJobIds( page ); // Also waits for the rows.
		const badges = jobsTable( page ).locator(
			`.dm-jobs-status-badge.${ modifier }`
		);
		if ( ( await badges.count() ) > 0 ) {
			return badges.first();
		}
		const next = page.getByRole( 'button', {
			name: 'Next page',
			exact: true,
		} );
		if ( ! ( await next.isVisible() ) || ! ( await next.isEnabled() ) ) {
			return null;
		}
		await next.click();
		await page.waitForFunction(
			( [ selector, firstId ] ) =>
				document
					.querySelector( selector )
					?.getAttribute( 'data-job-id' ) !== firstId,
			[ `table.dm-jobs-table ${ ROWS }`, shown[ 0 ] ]
		);
	}
	return null;
}

describe( 'Jobs screen', () => {
	let browser;
	let page;
	let pageErrors;

	before( async () => {
		seed( [ '--jobs=0', '--reset' ] );
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
		pageErrors = collectPageErrors( page );
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'shows the empty state on a site without jobs', async () => {
		await page.goto( JOBS_PAGE );
		await page
			.getByRole( 'heading', { name: 'Jobs', exact: true, level: 1 } )
			.waitFor();
		await page
			.getByRole( 'heading', { name: 'No jobs yet', exact: true } )
			.waitFor();
		await screenshot( page, 'empty-state' );
	} );

	it( 'lists seeded jobs with coloured status badges', async () => {
		const output = seed( [ '--jobs=120' ] );
		assert.match( output, /120 jobs/ );

		await page.reload();
		const table = jobsTable( page );
		await table.locator( ROWS ).first().waitFor();
		assert.ok( ( await table.locator( ROWS ).count() ) > 0, 'rows shown' );
		for ( const header of [
			'Job ID',
			'Pipeline → Flow',
			'Status',
			'Created',
			'Completed',
		] ) {
			await table
				.getByRole( 'columnheader', { name: header } )
				.first()
				.waitFor();
		}

		const completed = await findBadge( page, 'is-completed' );
		assert.ok( completed, 'a badge with class is-completed is shown' );
		const green = await colorFamiliesOf( completed );
		assert.ok(
			green.families.includes( 'green' ),
			`completed badge is green-ish: ${ JSON.stringify( green.colors ) }`
		);

		await page.reload();
		const failed = await findBadge( page, 'is-failed' );
		assert.ok( failed, 'a badge with class is-failed is shown' );
		assert.equal( await failed.getAttribute( 'data-status' ), 'failed' );
		const red = await colorFamiliesOf( failed );
		assert.ok(
			red.families.includes( 'red' ),
			`failed badge is red-ish: ${ JSON.stringify( red.colors ) }`
		);
	} );

	it( 'goes to the next page', async () => {
		await page.goto( JOBS_PAGE );
		const firstPage = await visibleJobIds( page );
		await page
			.getByRole( 'button', { name: 'Next page', exact: true } )
			.click();
		await page
			.getByText( /Page 2 of \d+/ )
			.first()
			.waitFor();
		await page.waitForFunction(
			( [ selector, firstId ] ) =>
				document
					.querySelector( selector )
					?.getAttribute( 'data-job-id' ) !== firstId,
			[ `table.dm-jobs-table ${ ROWS }`, firstPage[ 0 ] ]
		);
		const secondPage = await visibleJobIds( page );
		assert.ok( secondPage.length > 0, 'page 2 has rows' );
		const shared = secondPage.filter( ( id ) => firstPage.includes( id ) );
		assert.deepEqual( shared, [], 'page 2 shows other jobs than page 1' );
		await page
			.getByRole( 'button', { name: 'Previous page', exact: true } )
			.waitFor();
	} );

	it( 'fits 1280 px and 360 px wide screens', async () => {
		await page.setViewportSize( { width: 1280, height: 900 } );
		await page.goto( JOBS_PAGE );
		await jobsTable( page ).locator( ROWS ).first().waitFor();
		assert.ok( existsSync( await screenshot( page, 'jobs-1280' ) ) );

		await page.setViewportSize( { width: 360, height: 800 } );
		await page.goto( JOBS_PAGE );
		await jobsTable( page ).locator( ROWS ).first().waitFor();
		assert.ok( existsSync( await screenshot( page, 'jobs-360' ) ) );
		const { scrollWidth, clientWidth } = await page.evaluate( () => ( {
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		} ) );
		assert.ok(
			scrollWidth <= clientWidth + 1,
			`no horizontal overflow at 360 px (scrollWidth ${ scrollWidth }, clientWidth ${ clientWidth })`
		);
		await page.setViewportSize( { width: 1280, height: 900 } );
	} );

	it( 'needs the REST nonce for cookie-authenticated requests', async () => {
		await page.goto( JOBS_PAGE );
		const result = await page.evaluate( async () => {
			const url = '/wp-json/dm-jobs/v1/jobs';
			const without = await fetch( url, { credentials: 'include' } );
			const nonce =
				window.wp?.apiFetch?.nonceMiddleware?.nonce ||
				( await (
					await fetch( '/wp-admin/admin-ajax.php?action=rest-nonce', {
						credentials: 'include',
					} )
				).text() );
			const withNonce = await fetch( url, {
				credentials: 'include',
				headers: { 'X-WP-Nonce': nonce },
			} );
			return {
				without: without.status,
				withNonce: withNonce.status,
				total: withNonce.headers.get( 'X-WP-Total' ),
			};
		} );
		assert.ok(
			[ 401, 403 ].includes( result.without ),
			`without nonce: ${ result.without }`
		);
		assert.equal( result.withNonce, 200 );
		assert.equal( result.total, '120' );
	} );

	it( 'raised no JavaScript errors', () => {
		assert.deepEqual( pageErrors, [] );
	} );
} );
