/**
 * Job details: the panel opened from a row, a failed seeded job's failure details and
 * suggestion, the live tail of a running job, hostile payloads rendered as text, and the render
 * time of a 1 MB payload and a 10,000-line log (printed as "[measure] …" lines).
 * The tests run in order and share one logged-in page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import {
	JOBS_PAGE,
	collectPageErrors,
	launchBrowser,
	newLoggedInPage,
	runPhp,
	screenshot,
	seed,
} from './helpers.mjs';

const ROWS = 'table.dm-jobs-table tbody tr[data-job-id]';
const HOSTILE = '<img src=x onerror=window.__xss=1>';

/**
 * Creates the jobs these tests need through DM Jobs' PHP API and prints their IDs as JSON.
 *
 * @return {Object} IDs: failed, running, hostile, big, logs; and the big payload's size.
 */
function createJobs() {
	const output = runPhp( `
		global $wpdb;
		// The tables of the generation in use: dm_* or today's datamachine_* (DM_JOBS_TABLES).
		$flows = \\DMJobs\\Schema\\Repository\\TableNames::flows();
		$jobs  = \\DMJobs\\Schema\\Repository\\TableNames::jobs();
		$flow = $wpdb->get_row( "SELECT pipeline_id, flow_id FROM {$flows} ORDER BY flow_id LIMIT 1", ARRAY_A );
		$base = array( 'pipeline_id' => (int) $flow['pipeline_id'], 'flow_id' => (int) $flow['flow_id'] );
		$failed = (int) $wpdb->get_var( "SELECT job_id FROM {$jobs} WHERE status LIKE 'failed%' AND engine_data LIKE '%error_trace%' ORDER BY job_id DESC LIMIT 1" );

		$running = dm_jobs_create_job( $base + array( 'status' => 'processing' ) );
		dm_jobs_log( $running['id'], 'info', 'Fetching the feed', array(), 'fetch' );

		$hostile = '${ HOSTILE }';
		$bad = dm_jobs_create_job( $base + array( 'status' => 'processing', 'engine_data' => array( $hostile => $hostile, 'script' => '<script>window.__xss=2</script>' ) ) );
		dm_jobs_update_job_status( $bad['id'], 'failed', null, array( 'error_message' => $hostile, 'error_trace' => "#0 " . $hostile, 'error_step_id' => $hostile ) );
		dm_jobs_log( $bad['id'], 'error', $hostile, array( 'html' => $hostile ), $hostile );

		$payload = array( 'items' => array() );
		for ( $i = 0; $i < 4000; $i++ ) {
			$payload['items'][] = array( 'id' => $i, 'title' => "Item $i " . str_repeat( 'lorem ipsum ', 10 ), 'url' => "https://example.com/items/$i", 'tags' => array( 'a', 'b', 'c' ) );
		}
		$payload['long_text'] = str_repeat( 'x', 200000 );
		$big = dm_jobs_create_job( $base + array( 'status' => 'completed', 'engine_data' => $payload ) );

		$logs = dm_jobs_create_job( $base + array( 'status' => 'completed' ) );
		$levels = array( 'debug', 'info', 'info', 'notice', 'warning', 'error' );
		$wpdb->query( 'START TRANSACTION' );
		for ( $i = 1; $i <= 10000; $i++ ) {
			dm_jobs_log( $logs['id'], $levels[ $i % 6 ], "Line $i: processed https://example.com/items/$i", array( 'i' => $i ), array( 'fetch', 'ai', 'publish' )[ $i % 3 ] );
		}
		$wpdb->query( 'COMMIT' );

		echo wp_json_encode( array(
			'failed'  => $failed,
			'running' => $running['id'],
			'hostile' => $bad['id'],
			'big'     => $big['id'],
			'logs'    => $logs['id'],
			'bytes'   => strlen( wp_json_encode( $payload ) ),
		) );
	` );
	return JSON.parse( output.trim().split( '\n' ).pop() );
}

/**
 * @param {import('playwright-core').Page} page
 * @param {number}                         jobId
 * @return {import('playwright-core').Locator} The open panel.
 */
function panelOf( page, jobId ) {
	return page.getByRole( 'dialog', { name: `Job #${ jobId }`, exact: true } );
}

/**
 * Opens a job's panel through the deep link and waits for its summary.
 *
 * @param {import('playwright-core').Page} page
 * @param {number}                         jobId
 * @return {Promise<import('playwright-core').Locator>} The panel.
 */
async function openByLink( page, jobId ) {
	await page.goto( `${ JOBS_PAGE }&job=${ jobId }` );
	const panel = panelOf( page, jobId );
	await panel.locator( '.dm-jobs-facts' ).first().waitFor();
	return panel;
}

describe( 'Job details', () => {
	let browser;
	let page;
	let pageErrors;
	let dialogs;
	let ids;

	before( async () => {
		seed( [ '--jobs=80', '--reset' ] );
		ids = createJobs();
		assert.ok(
			ids.failed > 0,
			'the seeder made a failed job with a trace'
		);
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
		pageErrors = collectPageErrors( page );
		dialogs = [];
		page.on( 'dialog', async ( dialog ) => {
			dialogs.push( dialog.message() );
			await dialog.dismiss();
		} );
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'opens a row by click and by Enter, and Escape returns to the row', async () => {
		await page.goto( JOBS_PAGE );
		const first = page.locator( ROWS ).first();
		await first.waitFor();
		const id = Number( await first.getAttribute( 'data-job-id' ) );

		await first.locator( 'td.dm-jobs-column-id' ).click();
		const panel = panelOf( page, id );
		await panel.waitFor();
		assert.match( page.url(), new RegExp( `[?&]job=${ id }(&|$)` ) );
		await page.keyboard.press( 'Escape' );
		await panel.waitFor( { state: 'detached' } );
		assert.doesNotMatch( page.url(), /[?&]job=/ );
		assert.equal(
			await page.evaluate( () =>
				window.document.activeElement
					?.closest( 'tr' )
					?.getAttribute( 'data-job-id' )
			),
			String( id ),
			"focus is back on the row's job link"
		);

		await page.keyboard.press( 'Enter' );
		await panel.waitFor();
		await page.reload();
		await panelOf( page, id ).waitFor(); // The deep link survives a reload.
		await page
			.getByRole( 'button', { name: 'Close job details', exact: true } )
			.click();
		await panel.waitFor( { state: 'detached' } );
	} );

	it( 'shows a failed seeded job: message, failed step, trace and a suggestion', async () => {
		const panel = await openByLink( page, ids.failed );
		const failure = panel.locator( '.dm-jobs-failure' );
		await failure.waitFor();

		const message = (
			await failure.locator( '.dm-jobs-failure-message pre' ).innerText()
		).trim();
		assert.ok( message.length > 0, 'an error message is shown' );
		assert.match(
			await failure.locator( '.dm-jobs-failed-step' ).innerText(),
			/^Step \d+: /,
			'the failed step is named'
		);
		assert.equal(
			await panel.locator( '.dm-jobs-step.is-failed' ).count(),
			1,
			'Progress marks one step as failed'
		);

		const traceToggle = failure.getByRole( 'button', {
			name: 'Show stack trace',
		} );
		assert.equal(
			await traceToggle.getAttribute( 'aria-expanded' ),
			'false'
		);
		await traceToggle.click();
		assert.match(
			await failure.locator( '.dm-jobs-trace-text' ).innerText(),
			/#0 .*data-machine/
		);

		const resolution = failure.locator( '.dm-jobs-resolution' );
		await resolution
			.getByRole( 'heading', { name: /Suggested fix|General advice/ } )
			.waitFor();
		assert.ok(
			( await resolution
				.locator( '.dm-jobs-resolution-steps li' )
				.count() ) > 0,
			'resolution steps are listed'
		);
		assert.ok(
			( await resolution.locator( 'a[href^="https://"]' ).count() ) > 0,
			'a documentation link is shown'
		);
		await screenshot( page, 'job-details-failed' );
	} );

	it( 'tails a running job: lines appended through REST appear within 3 s', async () => {
		const panel = await openByLink( page, ids.running );
		await panel.getByText( 'Fetching the feed' ).waitFor();
		await panel.getByText( 'Live: new lines appear here.' ).waitFor();

		for ( const index of [ 1, 2 ] ) {
			const appended = await page.evaluate(
				async ( [ jobId, text ] ) => {
					const line = await window.wp.apiFetch( {
						path: `/dm-jobs/v1/jobs/${ jobId }/logs`,
						method: 'POST',
						data: { level: 'warning', message: text, step: 'ai' },
					} );
					return { id: line.id, at: performance.now() };
				},
				[ ids.running, `Tail line ${ index } from REST` ]
			);
			assert.ok( appended.id > 0 );
			await panel
				.getByText( `Tail line ${ index } from REST` )
				.waitFor( { timeout: 3000 } );
			const shownAfter = await page.evaluate(
				( at ) => performance.now() - at,
				appended.at
			);
			console.log(
				`[measure] live tail: line ${ index } shown ${ Math.round(
					shownAfter
				) } ms after the POST returned`
			);
		}
		assert.match( page.url(), new RegExp( `job=${ ids.running }` ) );

		// The export is streamed by the server and downloaded as a file.
		const [ download ] = await Promise.all( [
			page.waitForEvent( 'download' ),
			panel.getByRole( 'button', { name: 'Export as text' } ).click(),
		] );
		assert.equal(
			download.suggestedFilename(),
			`dm-job-${ ids.running }-log.txt`
		);
		const text = await readFile( await download.path(), 'utf8' );
		assert.match( text, /WARNING +\[ai\] Tail line 2 from REST/ );
		assert.match( text, /# 3 lines\n$/ );
		const headers = await page.evaluate( async ( jobId ) => {
			const response = await window.wp.apiFetch( {
				path: `/dm-jobs/v1/jobs/${ jobId }/logs/export?format=json`,
				parse: false,
			} );
			const body = await response.json();
			return {
				type: response.headers.get( 'Content-Type' ),
				disposition: response.headers.get( 'Content-Disposition' ),
				lines: body.lines.length,
			};
		}, ids.running );
		assert.equal( headers.type, 'application/json; charset=utf-8' );
		assert.match(
			headers.disposition,
			/^attachment; filename="dm-job-\d+-log\.json"$/
		);
		assert.equal( headers.lines, 3 );
	} );

	it( 'follows a job that finishes while its panel is open: status, completion time and failure within 5 s', async () => {
		const jobId = JSON.parse(
			runPhp( `
				global $wpdb;
				$flows = \\DMJobs\\Schema\\Repository\\TableNames::flows();
				$flow  = $wpdb->get_row( "SELECT pipeline_id, flow_id FROM {$flows} ORDER BY flow_id LIMIT 1", ARRAY_A );
				$job  = dm_jobs_create_job( array( 'pipeline_id' => (int) $flow['pipeline_id'], 'flow_id' => (int) $flow['flow_id'], 'status' => 'processing' ) );
				echo wp_json_encode( $job['id'] );
			` )
				.trim()
				.split( '\n' )
				.pop()
		);
		const isDetailRequest = ( response ) =>
			response.request().method() === 'GET' &&
			new RegExp( `dm-jobs/v1/jobs/${ jobId }(?![\\d/])` ).test(
				decodeURIComponent( response.url() )
			);
		const panel = await openByLink( page, jobId );
		const completed = panel.locator(
			'.dm-jobs-facts dt:text-is("Completed") + dd'
		);
		await panel
			.getByText( 'Processing', { exact: true } )
			.first()
			.waitFor();
		assert.equal( ( await completed.textContent() )?.trim(), 'Not yet' );

		// Finish it right after the panel's own periodic reload, so only the
		// list's change feed can bring the news within 5 s.
		await page.waitForResponse( isDetailRequest, { timeout: 15000 } );
		const finishedAt = await page.evaluate( async ( id ) => {
			await window.wp.apiFetch( {
				path: `/dm-jobs/v1/jobs/${ id }/status`,
				method: 'POST',
				data: {
					status: 'failed',
					reason: 'timeout',
					engine_data: {
						error_message: 'The feed did not answer within 30 s.',
						error_step_id: 'fetch',
					},
				},
			} );
			return performance.now();
		}, jobId );

		await panel
			.getByText( 'The feed did not answer within 30 s.' )
			.first()
			.waitFor( { timeout: 5000 } );
		const shownAfter = await page.evaluate(
			( at ) => performance.now() - at,
			finishedAt
		);
		assert.ok( shownAfter <= 5000, `shown after ${ shownAfter } ms` );
		await panel.getByText( 'Failed', { exact: true } ).first().waitFor();
		assert.notEqual( ( await completed.textContent() )?.trim(), 'Not yet' );
		assert.match(
			( await completed.textContent() ) ?? '',
			/ago|\d/,
			'the completion time is shown'
		);
		assert.equal(
			await panel
				.getByRole( 'button', { name: 'Failure details' } )
				.count(),
			1
		);
		// The list row says the same.
		await page
			.locator( `tr[data-job-id="${ jobId }"]` )
			.getByText( 'Failed', { exact: true } )
			.first()
			.waitFor( { timeout: 5000 } );
		console.log(
			`[measure] details panel: final status shown ${ Math.round(
				shownAfter
			) } ms after the job finished through REST`
		);
		await screenshot( page, 'job-details-followed-to-failure' );
	} );

	it( 'renders hostile payloads, errors and log lines as text', async () => {
		const panel = await openByLink( page, ids.hostile );
		await panel
			.locator( '.dm-jobs-failure-message pre', { hasText: HOSTILE } )
			.waitFor();
		await panel
			.locator( '.dm-jobs-log-message', { hasText: HOSTILE } )
			.waitFor();
		await panel
			.getByRole( 'button', { name: 'Debug information', exact: true } )
			.click();
		await panel
			.locator( '.dm-jobs-json-key', { hasText: HOSTILE } )
			.waitFor();
		await panel
			.locator( '.dm-jobs-json-value', {
				hasText: '<script>window.__xss=2</script>',
			} )
			.waitFor();
		await panel.getByRole( 'button', { name: 'Show stack trace' } ).click();
		await panel
			.locator( '.dm-jobs-trace-text', { hasText: HOSTILE } )
			.waitFor();
		// Give any handler a chance to run.
		await page.waitForTimeout( 300 );

		assert.equal(
			await page.locator( '#wpbody img[src="x"]' ).count(),
			0,
			'no <img> element was created'
		);
		assert.equal( await page.evaluate( () => window.__xss ), undefined );
		assert.deepEqual( dialogs, [], 'no dialog opened' );
		await screenshot( page, 'job-details-hostile' );
	} );

	it( 'measures a 1 MB payload in Chromium', async () => {
		await page.goto( JOBS_PAGE );
		await page.locator( ROWS ).first().waitFor();
		const timings = await page.evaluate( async ( jobId ) => {
			const frame = () =>
				new Promise( ( resolve ) =>
					window.requestAnimationFrame( () =>
						setTimeout( resolve, 0 )
					)
				);
			const until = async ( test ) => {
				while ( ! test() ) {
					await new Promise( ( resolve ) =>
						setTimeout( resolve, 5 )
					);
				}
				await frame();
			};
			const longTasks = [];
			new PerformanceObserver( ( list ) =>
				list
					.getEntries()
					.forEach( ( entry ) => longTasks.push( entry.duration ) )
			).observe( { type: 'longtask' } );

			// Open the panel the way Back/Forward does (no page load), request included.
			let start = performance.now();
			const url = new URL( window.location.href );
			url.searchParams.set( 'job', jobId );
			window.history.replaceState( null, '', url );
			window.dispatchEvent( new window.PopStateEvent( 'popstate' ) );
			await until( () =>
				document.querySelector( '.dm-jobs-details .dm-jobs-facts' )
			);
			const openPanel = performance.now() - start;

			const debug = [
				...document.querySelectorAll(
					'.dm-jobs-details .components-panel__body-toggle'
				),
			].find( ( button ) =>
				button.textContent.includes( 'Debug information' )
			);
			start = performance.now();
			debug.click();
			await until( () => document.querySelector( '.dm-jobs-json-tree' ) );
			const renderTree = performance.now() - start;

			const items = [
				...document.querySelectorAll( '.dm-jobs-json-toggle' ),
			].find( ( button ) => button.textContent.includes( 'items' ) );
			start = performance.now();
			items.click();
			await frame();
			const expandItems = performance.now() - start;

			const showAll = [
				...document.querySelectorAll( '.dm-jobs-json-more button' ),
			].find( ( button ) => button.textContent.startsWith( 'Show all' ) );
			start = performance.now();
			showAll.click();
			await until(
				() =>
					document.querySelectorAll( '.dm-jobs-json-tree li' )
						.length >= 4003
			);
			const showAll4000 = performance.now() - start;

			return {
				openPanel,
				renderTree,
				expandItems,
				showAll4000,
				size: document.querySelector( '.dm-jobs-payload-size' )
					?.textContent,
				longestTask: Math.max( 0, ...longTasks ),
			};
		}, ids.big );

		const searchStart = Date.now();
		await page
			.getByRole( 'searchbox', { name: 'Search Engine data' } )
			.fill( 'Item 3999' );
		await page
			.locator( '.dm-jobs-payload-results [role="status"]', {
				hasText: 'match',
			} )
			.waitFor();
		const search = Date.now() - searchStart;

		console.log(
			`[measure] 1 MB payload (${ ids.bytes } bytes, shown as ${ timings.size }): ` +
				`panel open incl. request ${ Math.round( timings.openPanel ) } ms, ` +
				`debug tree ${ Math.round( timings.renderTree ) } ms, ` +
				`expand 4,000-item array ${ Math.round( timings.expandItems ) } ms, ` +
				`"Show all" 4,000 items ${ Math.round( timings.showAll4000 ) } ms, ` +
				`search ${ search } ms, longest task ${ Math.round( timings.longestTask ) } ms`
		);
		assert.ok( timings.openPanel < 5000, 'the panel opens within 5 s' );
		assert.ok(
			timings.longestTask < 1000,
			`no task blocks the page for a second (longest ${ timings.longestTask } ms)`
		);
		assert.deepEqual( pageErrors, [] );
	} );

	it( 'measures a 10,000-line log in Chromium', async () => {
		const panel = await openByLink( page, ids.logs );
		await panel.locator( '.dm-jobs-log-lines' ).waitFor();
		const timings = await page.evaluate( async () => {
			const longTasks = [];
			new PerformanceObserver( ( list ) =>
				list
					.getEntries()
					.forEach( ( entry ) => longTasks.push( entry.duration ) )
			).observe( { type: 'longtask' } );
			const list = () => document.querySelector( '.dm-jobs-log-lines' );
			const showAll = [
				...document.querySelectorAll( '.dm-jobs-log-older button' ),
			].find( ( button ) => button.textContent === 'Show all' );
			const start = performance.now();
			showAll.click();
			while (
				! /10,000 lines/.test(
					list()?.getAttribute( 'aria-label' ) ?? ''
				)
			) {
				await new Promise( ( resolve ) => setTimeout( resolve, 5 ) );
			}
			await new Promise( ( resolve ) =>
				window.requestAnimationFrame( () => setTimeout( resolve, 0 ) )
			);
			const loadAndRender = performance.now() - start;

			const scrollStart = performance.now();
			list().scrollTop = list().scrollHeight / 2;
			list().dispatchEvent( new Event( 'scroll' ) );
			await new Promise( ( resolve ) =>
				window.requestAnimationFrame( () => setTimeout( resolve, 0 ) )
			);
			return {
				loadAndRender,
				scroll: performance.now() - scrollStart,
				rowsInDom:
					document.querySelectorAll( '.dm-jobs-log-line' ).length,
				longestTask: Math.max( 0, ...longTasks ),
			};
		} );
		console.log(
			`[measure] 10,000-line log: "Show all" loaded (pages of 1,000 lines) and rendered in ` +
				`${ Math.round( timings.loadAndRender ) } ms, scroll to the middle ${ Math.round(
					timings.scroll
				) } ms, ${ timings.rowsInDom } rows in the DOM, longest task ${ Math.round(
					timings.longestTask
				) } ms`
		);
		assert.ok( timings.rowsInDom < 100, 'the list is windowed' );
		assert.ok(
			timings.longestTask < 1000,
			`no task blocks the page for a second (longest ${ timings.longestTask } ms)`
		);

		await panel.getByRole( 'button', { name: /^Error \(/ } ).click();
		await page.waitForFunction( () =>
			[ ...document.querySelectorAll( '.dm-jobs-log-line' ) ].every(
				( line ) => line.classList.contains( 'is-level-error' )
			)
		);
		await screenshot( page, 'job-details-log' );
		assert.deepEqual( pageErrors, [] );
	} );
} );
