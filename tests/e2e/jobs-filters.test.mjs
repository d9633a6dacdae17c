/**
 * Finding jobs: filters, sort and page in the URL survive a reload and Back; live
 * updates show a job created through the REST write API and a status change without a reload;
 * screenshots of the filters at 1280 and 360 px. The tests run in order and share one page.
 * Selectors are the screen's own classes and data attributes plus labelled controls.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import {
	JOBS_PAGE,
	collectPageErrors,
	launchBrowser,
	newLoggedInPage,
	screenshot,
	seed,
} from './helpers.mjs';

const ROWS = 'table.dm-jobs-table tbody tr[data-job-id]';
/** A change must show within this many ms (the live list polls every 3 s). */
const LIVE_TIMEOUT = 5000;

/**
 * @param {import('playwright-core').Page} page
 * @return {Promise<string[]>} Job IDs of the rows shown.
 */
async function rowIds( page ) {
	await page.locator( ROWS ).first().waitFor();
	return page
		.locator( ROWS )
		.evaluateAll( ( rows ) =>
			rows.map( ( row ) => row.getAttribute( 'data-job-id' ) )
		);
}

/**
 * Waits until the rows differ from `previous` (a filter or sort was applied).
 *
 * @param {import('playwright-core').Page} page
 * @param {string[]}                       previous Row IDs before the change.
 */
async function rowsChangedFrom( page, previous ) {
	await page.waitForFunction(
		( [ selector, ids ] ) => {
			const now = Array.from( document.querySelectorAll( selector ) ).map(
				( row ) => row.getAttribute( 'data-job-id' )
			);
			return now.length > 0 && now.join() !== ids.join();
		},
		[ ROWS, previous ]
	);
}

/**
 * A REST request from the page, with the nonce WordPress gave the page.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         method
 * @param {string}                         path   e.g. /dm-jobs/v1/jobs
 * @param {Object}                         [data]
 * @return {Promise<{status:number, body:any}>} The answer.
 */
function rest( page, method, path, data ) {
	return page.evaluate(
		async ( [ verb, route, body ] ) => {
			const response = await fetch( `/wp-json${ route }`, {
				method: verb,
				credentials: 'include',
				headers: {
					'Content-Type': 'application/json',
					'X-WP-Nonce': window.wp.apiFetch.nonceMiddleware.nonce,
				},
				body: body === undefined ? undefined : JSON.stringify( body ),
			} );
			return { status: response.status, body: await response.json() };
		},
		[ method, path, data ]
	);
}

/**
 * Creates a job through POST /dm-jobs/v1/jobs for the first flow.
 *
 * @param {import('playwright-core').Page} page
 * @return {Promise<number>} The new job's ID.
 */
async function createJob( page ) {
	const flows = await rest( page, 'GET', '/dm-jobs/v1/flows' );
	assert.equal( flows.status, 200 );
	const [ flow ] = flows.body;
	const created = await rest( page, 'POST', '/dm-jobs/v1/jobs', {
		pipeline_id: flow.pipeline_id,
		flow_id: flow.id,
	} );
	assert.equal( created.status, 201, JSON.stringify( created.body ) );
	return created.body.id;
}

describe( 'Jobs list: filters, URL and live updates', () => {
	let browser;
	let page;
	let pageErrors;

	before( async () => {
		seed( [ '--jobs=300', '--reset' ] );
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
		pageErrors = collectPageErrors( page );
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'keeps filters and sort in the URL: reload and Back restore the same rows', async () => {
		await page.goto( JOBS_PAGE );
		let shown = await rowIds( page );

		// Status: Failed.
		await page
			.getByRole( 'button', { name: 'Status All statuses' } )
			.click();
		await page
			.getByRole( 'checkbox', { name: /^Failed \(\d+\)$/ } )
			.check();
		await page.keyboard.press( 'Escape' );
		await page.waitForURL( /[?&]status=failed(&|$)/ );
		await rowsChangedFrom( page, shown );
		shown = await rowIds( page );

		// Pipeline: the one of the newest failed job.
		const newestFailed = await rest(
			page,
			'GET',
			'/dm-jobs/v1/jobs?status=failed&per_page=1'
		);
		const pipelineId = String( newestFailed.body[ 0 ].pipeline_id );
		const pipelineName = newestFailed.body[ 0 ].pipeline_name;
		const pipeline = page.getByRole( 'combobox', { name: 'Pipeline' } );
		await pipeline.selectOption( pipelineId );
		await page.waitForURL(
			new RegExp( `[?&]pipeline=${ pipelineId }(&|$)` )
		);
		await rowsChangedFrom( page, shown ).catch( () => null );

		// Sort: Created, oldest first (two clicks).
		const created = page.getByRole( 'columnheader', { name: 'Created' } );
		await created.getByRole( 'button', { name: 'Created' } ).click();
		await page.waitForURL( /orderby=created_at/ );
		await created.getByRole( 'button', { name: 'Created' } ).click();
		await page.waitForURL( /orderby=created_at&order=asc/ );
		assert.equal( await created.getAttribute( 'aria-sort' ), 'ascending' );
		await page.waitForFunction(
			( selector ) =>
				document
					.querySelector( selector )
					?.getAttribute( 'aria-busy' ) === 'false',
			'table.dm-jobs-table'
		);

		const url = page.url();
		assert.match( url, /[?&]page=dm-jobs/ );
		const filtered = await rowIds( page );
		assert.ok( filtered.length > 0, 'some failed jobs of that pipeline' );
		const badges = await page
			.locator( `${ ROWS } .dm-jobs-status-badge` )
			.evaluateAll( ( nodes ) =>
				nodes.map( ( node ) => node.getAttribute( 'data-status' ) )
			);
		assert.ok(
			badges.every( ( status ) => status === 'failed' ),
			`only failed jobs: ${ badges }`
		);
		const pipelines = await page
			.locator( `${ ROWS } td.dm-jobs-column-pipeline-flow` )
			.allTextContents();
		assert.ok(
			pipelines.every( ( text ) => text.startsWith( pipelineName ) ),
			`only ${ pipelineName }: ${ pipelines }`
		);
		await screenshot( page, 'filters-1280' );

		// Reload: the same view and the same rows.
		await page.reload();
		assert.equal( page.url(), url );
		assert.deepEqual( await rowIds( page ), filtered );
		assert.equal(
			await page
				.getByRole( 'columnheader', { name: 'Created' } )
				.getAttribute( 'aria-sort' ),
			'ascending'
		);
		await page.getByRole( 'button', { name: 'Status Failed' } ).waitFor();
		assert.equal(
			await page
				.getByRole( 'combobox', { name: 'Pipeline' } )
				.inputValue(),
			pipelineId
		);

		// A shared link opens the same view in a fresh page.
		const other = await newLoggedInPage( browser );
		await other.goto( url );
		assert.deepEqual( await rowIds( other ), filtered );
		await other.close();

		// Back: the previous sort (newest first).
		await page.goBack();
		await page.waitForURL( ( next ) => ! /order=asc/.test( next.href ) );
		await page.waitForFunction(
			() =>
				document
					.querySelector(
						'table.dm-jobs-table th.dm-jobs-column-created'
					)
					?.getAttribute( 'aria-sort' ) === 'descending'
		);
		await page.goForward();
		await page.waitForURL( /order=asc/ );
		await page.waitForFunction(
			() =>
				document
					.querySelector(
						'table.dm-jobs-table th.dm-jobs-column-created'
					)
					?.getAttribute( 'aria-sort' ) === 'ascending'
		);
	} );

	it( 'goes Back to the previous filter from the store: its rows, no new /jobs request', async () => {
		await page.goto( JOBS_PAGE );
		const all = await rowIds( page );
		const listRequests = [];
		const onRequest = ( request ) => {
			const url = decodeURIComponent( request.url() );
			// The list itself (not /jobs/counts, /jobs/changes or /jobs/{id}).
			if ( /\/dm-jobs\/v1\/jobs(\?|&|$)/.test( url ) ) {
				listRequests.push( url );
			}
		};
		page.on( 'request', onRequest );

		await page
			.getByRole( 'button', { name: 'Status All statuses' } )
			.click();
		await page
			.getByRole( 'checkbox', { name: /^Failed \(\d+\)$/ } )
			.check();
		await page.keyboard.press( 'Escape' );
		await page.waitForURL( /[?&]status=failed(&|$)/ );
		await rowsChangedFrom( page, all );
		const failed = await rowIds( page );
		assert.equal( listRequests.length, 1, listRequests.join( '\n' ) );

		const sameRows = ( ids ) =>
			page.waitForFunction(
				( [ selector, expected ] ) =>
					Array.from( document.querySelectorAll( selector ) )
						.map( ( row ) => row.getAttribute( 'data-job-id' ) )
						.join() === expected.join(),
				[ ROWS, ids ]
			);
		await page.goBack();
		await page.waitForURL(
			( next ) => ! /status=failed/.test( next.href )
		);
		await sameRows( all );
		await page.goForward();
		await page.waitForURL( /[?&]status=failed(&|$)/ );
		await sameRows( failed );
		// Anything late would show up now.
		await page.waitForTimeout( 500 );
		page.off( 'request', onRequest );
		assert.equal(
			listRequests.length,
			1,
			`Back and Forward asked again:\n${ listRequests.join( '\n' ) }`
		);
	} );

	it( 'shows a job created through the REST API within 5 s, without a reload', async () => {
		await page.goto( JOBS_PAGE );
		await rowIds( page );
		await page.mouse.move( 5, 5 ); // Away from the table.
		await page.evaluate( () => {
			window.__dmJobsNoReload = true;
		} );

		const jobId = await createJob( page );
		const started = Date.now();
		await page
			.locator( `${ ROWS }[data-job-id="${ jobId }"]` )
			.waitFor( { timeout: LIVE_TIMEOUT } );
		console.log(
			`[measure] new job row after ${ Date.now() - started } ms`
		);
		assert.equal( ( await rowIds( page ) )[ 0 ], String( jobId ) );
		assert.equal(
			await page.evaluate( () => window.__dmJobsNoReload ),
			true,
			'no page reload'
		);
	} );

	it( 'holds new jobs behind a bar while the pointer is on the table', async () => {
		const shown = await rowIds( page );
		await page.locator( ROWS ).nth( 2 ).hover();

		const jobId = await createJob( page );
		await page
			.getByText( '1 new job', { exact: true } )
			.waitFor( { timeout: LIVE_TIMEOUT } );
		assert.deepEqual( await rowIds( page ), shown, 'rows did not move' );

		await page.getByRole( 'button', { name: 'Show', exact: true } ).click();
		await page
			.locator( `${ ROWS }[data-job-id="${ jobId }"]` )
			.waitFor( { timeout: LIVE_TIMEOUT } );
		assert.equal( ( await rowIds( page ) )[ 0 ], String( jobId ) );
	} );

	it( 'updates a row in place within 5 s when its status changes', async () => {
		const [ first ] = await rowIds( page );
		const row = page.locator( `${ ROWS }[data-job-id="${ first }"]` );
		await row.evaluate( ( element ) => {
			element.dataset.e2eMark = 'same-element';
		} );
		assert.notEqual(
			await row
				.locator( '.dm-jobs-status-badge' )
				.getAttribute( 'data-status' ),
			'failed'
		);

		const changed = await rest(
			page,
			'POST',
			`/dm-jobs/v1/jobs/${ first }/status`,
			{ status: 'failed', reason: 'x' }
		);
		assert.equal( changed.status, 200, JSON.stringify( changed.body ) );
		const started = Date.now();
		await page.waitForFunction(
			( id ) =>
				document
					.querySelector(
						`table.dm-jobs-table tr[data-job-id="${ id }"] .dm-jobs-status-badge`
					)
					?.getAttribute( 'data-status' ) === 'failed',
			first,
			{ timeout: LIVE_TIMEOUT }
		);
		console.log(
			`[measure] status change shown after ${ Date.now() - started } ms`
		);
		assert.equal(
			await row.getAttribute( 'data-e2e-mark' ),
			'same-element'
		);
		assert.equal(
			await row
				.locator( '.dm-jobs-status-badge' )
				.getAttribute( 'class' ),
			'dm-jobs-status-badge is-failed'
		);
		assert.equal(
			(
				await row.locator( '.dm-jobs-status-reason' ).textContent()
			).trim(),
			'x'
		);
		assert.equal(
			( await rowIds( page ) )[ 0 ],
			first,
			'row stayed in place'
		);
	} );

	it( 'folds the filters into a panel at 360 px without overflowing', async () => {
		await page.setViewportSize( { width: 360, height: 800 } );
		await page.goto( `${ JOBS_PAGE }&status=failed&range=30d` );
		await rowIds( page );
		const toggle = page.getByRole( 'button', { name: 'Filters (2)' } );
		assert.equal( await toggle.getAttribute( 'aria-expanded' ), 'false' );
		assert.equal(
			await page
				.getByRole( 'combobox', { name: 'Pipeline' } )
				.isVisible(),
			false
		);
		await toggle.click();
		await page.getByRole( 'combobox', { name: 'Pipeline' } ).waitFor();
		await page.getByRole( 'combobox', { name: 'Sort by' } ).waitFor();
		assert.ok( existsSync( await screenshot( page, 'filters-360' ) ) );
		const { scrollWidth, clientWidth } = await page.evaluate( () => ( {
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		} ) );
		assert.ok(
			scrollWidth <= clientWidth + 1,
			`no horizontal overflow at 360 px (scrollWidth ${ scrollWidth }, clientWidth ${ clientWidth })`
		);

		await page.getByRole( 'button', { name: 'Status Failed' } ).click();
		assert.ok(
			existsSync( await screenshot( page, 'filters-360-status' ) )
		);
		await page.keyboard.press( 'Escape' );
		await page.setViewportSize( { width: 1280, height: 900 } );
	} );

	it( 'offers Clear filters when nothing matches', async () => {
		await page.goto( `${ JOBS_PAGE }&s=no-such-pipeline-or-reason` );
		await page
			.getByRole( 'heading', { name: 'No jobs match these filters' } )
			.waitFor();
		await page
			.getByRole( 'region', { name: 'No jobs match these filters' } )
			.getByRole( 'button', { name: 'Clear filters' } )
			.click();
		await page.waitForURL( ( url ) => ! url.search.includes( 's=' ) );
		assert.ok( ( await rowIds( page ) ).length > 0 );
	} );

	it( 'raised no JavaScript errors', () => {
		assert.deepEqual( pageErrors, [] );
	} );
} );
