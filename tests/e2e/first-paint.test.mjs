/**
 * First paint: PHP prints the first page of the URL's view (filters, sort, page size) as a table that
 * works without JavaScript (links page, sort and open jobs), and the app takes it over without asking
 * the server for it again and without moving anything.
 */
import assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	BASE_URL,
	JOBS_PAGE,
	ROOT,
	WP_DIR,
	collectPageErrors,
	launchBrowser,
	login,
	newLoggedInPage,
	runPhp,
	seed,
} from './helpers.mjs';

const ROWS = '.dm-jobs-table tbody tr[data-job-id]';
const JQUERY = /<script[^>]+(jquery-core|jquery\.min\.js)/;
const VIEW =
	'&status=failed,completed&orderby=created_at&order=asc&per_page=50';

/**
 * Job IDs of GET /dm-jobs/v1/jobs with these parameters, answered inside WordPress as an admin.
 *
 * @param {Record<string, string|number>} params
 * @return {number[]} The IDs, in order.
 */
function apiIds( params ) {
	const json = JSON.stringify( params ).replace( /'/g, "\\'" );
	const out = runPhp( `
		wp_set_current_user( 1 );
		$request = new WP_REST_Request( 'GET', '/dm-jobs/v1/jobs' );
		$request->set_query_params( json_decode( '${ json }', true ) );
		echo wp_json_encode( array_column( rest_do_request( $request )->get_data(), 'id' ) );
	` );
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

/**
 * @param {import('playwright-core').Page} page
 * @return {Promise<number[]>} The job IDs of the table's rows.
 */
function rowIds( page ) {
	return page
		.locator( ROWS )
		.evaluateAll( ( rows ) =>
			rows.map( ( row ) => Number( row.getAttribute( 'data-job-id' ) ) )
		);
}

/**
 * Jobs the first page can hold at its worst, written into the tables as Data Machine writes them: failed
 * with a long reason and a long error line, waiting, unknown and legacy statuses,
 * stuck, long pipeline and flow names (with and without spaces), a deleted pipeline, a completion before
 * the creation, last year's job. Their times sit far from date-fns' thresholds ("3 days ago" stays true
 * for hours), so the printed and the app's texts are the same whenever each is written.
 *
 * @return {number[]} The new job IDs, newest first.
 */
function insertWorstCaseJobs() {
	const out = runPhp( `
		global $wpdb;
		$tables = array( 'jobs' => \\DMJobs\\Schema\\Repository\\TableNames::jobs(), 'pipelines' => \\DMJobs\\Schema\\Repository\\TableNames::pipelines(), 'flows' => \\DMJobs\\Schema\\Repository\\TableNames::flows() );
		$now = time();
		$at = static fn( int $ago ) => gmdate( 'Y-m-d H:i:s', $now - $ago );
		$wpdb->insert( $tables['pipelines'], array( 'pipeline_name' => 'Quarterly newsletter digest for every regional editorial team and their partner publications worldwide', 'pipeline_config' => '{}', 'created_at' => $at( 0 ), 'updated_at' => $at( 0 ) ) );
		$long_pipeline = (int) $wpdb->insert_id;
		$wpdb->insert( $tables['flows'], array( 'pipeline_id' => $long_pipeline, 'flow_name' => 'Fetch_RSS_then_summarise_then_publish_to_WordPress_and_Bluesky_and_Mastodon_v2', 'flow_config' => '{}', 'scheduling_config' => '{"interval":"manual"}' ) );
		$long_flow = (int) $wpdb->insert_id;
		$day = 86400;
		$rows = array(
			array( 'failed', 3 * $day + 7200, 65, 'step_execution_failure: the publish step could not reach the remote endpoint after five retries', 'Publish step failed: cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received from https://example.test/wp-json/wp/v2/posts' ),
			array( 'failed', 3 * $day + 7300, 3725, null, 'AI_step_returned_no_content_Model_response_was_empty_after_the_maximum_number_of_tool_calls_was_reached' ),
			array( 'failed', 3 * $day + 7400, 12, null, null ),
			array( 'waiting', 2 * $day + 7200, null, 'webhook_gate', null ),
			array( 'quarantined', 2 * $day + 7300, null, 'manual review requested by the operator before publishing', null ),
			array( 'pending', 5 * $day + 7200, null, null, null ),
			array( 'processing', 4 * $day + 7200, null, null, null ),
			array( 'completed_no_items', 3 * $day + 7500, 4, null, null ),
			array( 'agent_skipped', 3 * $day + 7600, 90061, null, null ),
			array( 'completed_with_error', 3 * $day + 7700, 7260, null, null ),
			array( 'running', 3 * $day + 7800, null, null, null ),
			array( 'cancelled', 3 * $day + 7900, 30, 'cancelled by an administrator from the Jobs screen', null ),
			array( 'completed', 3 * $day + 8000, -600, null, null ),
			array( 'completed', 400 * $day, 45, null, null ),
			array( 'completed', 6 * $day + 7200, 3600, null, null ),
			array( 'failed - timeout', 6 * $day + 7300, 300, null, 'Timeout' ),
			array( 'completed', 7 * $day + 7200, 59, null, null ),
			array( 'pending', 2 * $day + 7400, null, null, null ),
			array( 'completed', 8 * $day + 7200, 86399, null, null ),
			array( 'failed', 9 * $day + 7200, 1, str_repeat( 'no_content_', 12 ), str_repeat( 'A very long error line that keeps going ', 12 ) ),
		);
		$ids = array();
		foreach ( array_reverse( $rows ) as $index => $row ) {
			list( $status, $ago, $took, $reason, $error ) = $row;
			$deleted = 0 === $index % 7;
			// Reasons as each generation keeps them: our status_reason column (dm_*), or engine_data.
			$today = \\DMJobs\\DataMachine\\Adapters::current()->ids_are_text();
			$row = array(
				'pipeline_id'  => $deleted ? 987654 : $long_pipeline,
				'flow_id'      => $deleted ? 987655 : $long_flow,
				'status'       => $status,
				'engine_data'  => $today && null !== $reason ? wp_json_encode( array( 'job_status_reason' => $reason ) ) : '{}',
				'created_at'   => $at( $ago ),
				'completed_at' => null === $took ? null : $at( $ago - $took ),
			);
			if ( ! $today && null !== $reason ) {
				$row['status_reason'] = $reason;
			}
			if ( false === $wpdb->insert( $tables['jobs'], $row ) ) {
				throw new RuntimeException( 'Could not insert a job: ' . $wpdb->last_error );
			}
			$id = (int) $wpdb->insert_id;
			if ( null !== $error ) {
				( new \\DMJobs\\Logs\\Repository\\LogRepository() )->insert( array( 'job_id' => $id, 'level' => 'error', 'step' => null, 'message' => $error, 'context' => null, 'http_status' => null, 'truncated' => false, 'created_at' => $at( $ago - 1 ) ) );
			}
			$ids[] = $id;
		}
		echo wp_json_encode( array_reverse( $ids ) );
	` );
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

/**
 * The table's geometry and text, to compare the printed table with the app's.
 *
 * @param {import('playwright-core').Page} page
 */
function tableSnapshot( page ) {
	return page.evaluate( () => {
		const table = document.querySelector( '.dm-jobs-table' );
		const box = ( element ) => element.getBoundingClientRect();
		const top = box( table ).top;
		const round = ( value ) => Math.round( value * 10 ) / 10;
		return {
			width: round( box( table ).width ),
			columns: [ ...table.querySelectorAll( 'thead th' ) ].map(
				( th ) =>
					`${ th.className.match( /dm-jobs-column-[\w-]+/ )[ 0 ] } x=${ round(
						box( th ).left
					) } w=${ round( box( th ).width ) }`
			),
			rows: [ ...table.querySelectorAll( 'tbody tr[data-job-id]' ) ].map(
				( tr ) => ( {
					id: Number( tr.dataset.jobId ),
					box: `y=${ round( box( tr ).top - top ) } h=${ round(
						box( tr ).height
					) }`,
					cells: [ ...tr.cells ].map( ( cell ) =>
						cell.innerText.replace( /\s+/g, ' ' ).trim()
					),
				} )
			),
		};
	} );
}

/**
 * Loads the Jobs screen holding the app back until the printed table is captured, then lets it take
 * over and captures the app's table.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         url
 */
async function printedAndTakenOver( page, url ) {
	let release;
	const held = new Promise( ( resolve ) => ( release = resolve ) );
	await page.route( /\/build\/index\.js/, async ( route ) => {
		await held;
		await route.continue();
	} );
	await page.addInitScript( () => {
		window.__shifts = [];
		new window.PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() ) {
				window.__shifts.push( {
					value: entry.value,
					sources: entry.sources.map(
						( source ) =>
							`${ source.node?.className ?? source.node?.nodeName } ${ JSON.stringify(
								source.previousRect
							) } → ${ JSON.stringify( source.currentRect ) }`
					),
				} );
			}
		} ).observe( { type: 'layout-shift', buffered: true } );
	} );
	const loaded = page.goto( url, { waitUntil: 'commit' } );
	await page.locator( '.dm-jobs-pagination' ).waitFor();
	const printed = await tableSnapshot( page );
	release();
	await loaded;
	await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
	await page.getByRole( 'searchbox' ).waitFor();
	await page.getByRole( 'button', { name: 'Admin' } ).waitFor();
	await page.waitForTimeout( 500 );
	const app = await tableSnapshot( page );
	const shifts = await page.evaluate( () => window.__shifts );
	return { printed, app, shifts };
}

describe( 'First paint', () => {
	let browser;

	before( async () => {
		seed( [ '--jobs=160', '--reset' ] );
		browser = await launchBrowser();
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'prints the first page of a filtered, sorted view without JavaScript, with working links', async () => {
		const context = await browser.newContext( {
			baseURL: BASE_URL,
			javaScriptEnabled: false,
			viewport: { width: 1280, height: 900 },
		} );
		const page = await context.newPage();
		await login( page );
		await page.goto( JOBS_PAGE + VIEW );

		const table = page.getByRole( 'table', { name: 'Jobs', exact: true } );
		await table.waitFor();
		const expected = apiIds( {
			status: 'failed,completed',
			orderby: 'created_at',
			order: 'asc',
			per_page: 50,
			page: 1,
		} );
		assert.ok(
			expected.length > 0,
			'the seeded site has failed or completed jobs'
		);
		assert.deepEqual( await rowIds( page ), expected );
		const statuses = await page
			.locator( `${ ROWS } .dm-jobs-status-badge` )
			.evaluateAll( ( badges ) =>
				badges.map( ( badge ) => badge.dataset.status )
			);
		assert.ok(
			statuses.every( ( status ) =>
				[ 'failed', 'completed' ].includes( status )
			)
		);
		assert.equal(
			await page
				.locator( 'th.dm-jobs-column-created' )
				.getAttribute( 'aria-sort' ),
			'ascending'
		);
		assert.equal( await page.locator( 'th[scope="col"]' ).count(), 7 );

		// The job ID opens the job (a real link).
		const first = expected[ 0 ];
		const jobLink = page.getByRole( 'link', {
			name: `Job ${ first }: open details`,
			exact: true,
		} );
		assert.match(
			await jobLink.getAttribute( 'href' ),
			new RegExp( `[?&]job=${ first }(&|$)` )
		);

		// Sorting by a header is a link that keeps the filters.
		await Promise.all( [
			page.waitForURL( /orderby=status/ ),
			page.getByRole( 'link', { name: 'Status', exact: true } ).click(),
		] );
		// The filters stay (statuses in their canonical order).
		assert.match( page.url(), /status=completed(%2C|,)failed/ );
		assert.equal(
			await page
				.locator( 'th.dm-jobs-column-status' )
				.getAttribute( 'aria-sort' ),
			'ascending'
		);
		assert.deepEqual(
			await rowIds( page ),
			apiIds( {
				status: 'failed,completed',
				orderby: 'status',
				order: 'asc',
				per_page: 50,
				page: 1,
			} )
		);

		// Paging is a link too.
		await page.goto( JOBS_PAGE );
		await Promise.all( [
			page.waitForURL( /paged=2/ ),
			page
				.getByRole( 'link', { name: 'Next page', exact: true } )
				.click(),
		] );
		assert.deepEqual(
			await rowIds( page ),
			apiIds( { page: 2, per_page: 20 } )
		);
		assert.match(
			await page.locator( '.dm-jobs-pagination__current' ).innerText(),
			/Page 2 of 8/
		);
		await context.close();
	} );

	it( 'is taken over by the app without a second request and without layout shift', async () => {
		const page = await newLoggedInPage( browser );
		const errors = collectPageErrors( page );
		const requests = [];
		page.on( 'request', ( request ) => {
			const url = decodeURIComponent( request.url() );
			if (
				url.includes( '/wp-json/' ) ||
				url.includes( 'rest_route=' )
			) {
				requests.push( url );
			}
		} );
		await page.addInitScript( () => {
			window.__shift = 0;
			new window.PerformanceObserver( ( list ) => {
				for ( const entry of list.getEntries() ) {
					window.__shift += entry.value;
				}
			} ).observe( { type: 'layout-shift', buffered: true } );
			window.__tableTops = [];
			new window.MutationObserver( () => {
				const table = document.querySelector( '.dm-jobs-table' );
				if ( table ) {
					const top = Math.round( table.getBoundingClientRect().top );
					if ( window.__tableTops.at( -1 ) !== top ) {
						window.__tableTops.push( top );
					}
				}
			} ).observe( document, { childList: true, subtree: true } );
		} );
		const response = await page.goto( JOBS_PAGE + VIEW );
		const printed = ( await response.text() )
			.match( /data-job-id="(\d+)"/g )
			.map( ( match ) => Number( match.match( /\d+/ )[ 0 ] ) );

		await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
		// The toolbar (with wp-components, loaded after the first rows) is in place too.
		await page.getByRole( 'searchbox' ).waitFor();
		await page.getByRole( 'button', { name: 'Admin' } ).waitFor();
		await page.waitForTimeout( 500 );

		assert.deepEqual(
			await rowIds( page ),
			printed,
			'the app shows the rows PHP printed'
		);
		assert.equal(
			await page.locator( 'a.dm-jobs-sort-button' ).count(),
			0,
			'the server-printed header links are still there'
		);
		assert.ok(
			( await page.locator( 'button.dm-jobs-sort-button' ).count() ) > 0,
			'the headers are the app’s now'
		);
		assert.deepEqual(
			requests.filter( ( url ) => /\/dm-jobs\/v1\//.test( url ) ),
			[],
			'the app asked the server for what the page already had'
		);
		const { shift, tops } = await page.evaluate( () => ( {
			shift: window.__shift,
			tops: window.__tableTops,
		} ) );
		assert.equal(
			tops.length,
			1,
			`the table moved: ${ tops.join( ' → ' ) }`
		);
		assert.ok( shift < 0.001, `layout shift ${ shift }` );
		assert.deepEqual( errors, [] );
		await page.close();
	} );

	it( 'prints the worst rows with the geometry and text the app gives them (no layout shift on takeover)', async ( t ) => {
		const ids = insertWorstCaseJobs();
		const page = await newLoggedInPage( browser );
		const errors = collectPageErrors( page );
		const { printed, app, shifts } = await printedAndTakenOver(
			page,
			JOBS_PAGE
		);
		assert.deepEqual(
			printed.rows.map( ( row ) => row.id ),
			ids,
			'the first page is the worst-case rows'
		);
		// Cell by cell, the same text (dates, statuses, reasons, error lines, names, durations).
		assert.deepEqual(
			app.rows.map( ( row ) => row.cells ),
			printed.rows.map( ( row ) => row.cells )
		);
		assert.deepEqual( app.columns, printed.columns, 'columns moved' );
		assert.deepEqual(
			app.rows.map( ( row ) => row.box ),
			printed.rows.map( ( row ) => row.box ),
			'rows moved or changed height'
		);
		const shift = shifts.reduce( ( sum, entry ) => sum + entry.value, 0 );
		t.diagnostic(
			`layout shift on takeover: ${ shift } ${ JSON.stringify( shifts ) }`
		);
		assert.ok(
			shift < 0.001,
			`layout shift ${ shift }: ${ JSON.stringify( shifts, null, 1 ) }`
		);
		assert.deepEqual( errors, [] );
		await page.close();
	} );

	it( 'runs core’s command palette (scripts and stylesheets) only once the app has taken over, and it still opens, styled, with Ctrl+K', async () => {
		const page = await newLoggedInPage( browser );
		const errors = collectPageErrors( page );
		const response = await page.goto( JOBS_PAGE );
		const html = await response.text();
		const withheld = html.match(
			/<template id="dm-jobs-after-takeover-scripts">([\s\S]*?)<\/template>/
		);
		assert.ok( withheld, 'the page has the template of withheld scripts' );
		assert.match( withheld[ 1 ], /core-commands(\.min)?\.js/ );
		assert.doesNotMatch(
			html.replace( withheld[ 0 ], '' ),
			/<script[^>]+(core-commands|block-editor)(\.min)?\.js/,
			'the command palette’s scripts are not printed for the first paint'
		);
		const head = html.slice( 0, html.indexOf( '</head>' ) );
		assert.match(
			head,
			/<link[^>]+stylesheet/,
			'the head has its stylesheets'
		);
		assert.doesNotMatch(
			head,
			/wp-commands|wp-components|commands\/style|components\/style/,
			'but not the palette’s nor wp-components’'
		);
		await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
		await page.waitForFunction(
			() => window.wp?.coreCommands !== undefined
		);
		await page
			.locator( '#dm-jobs-root' )
			.click( { position: { x: 1, y: 1 } } );
		await page.keyboard.press( 'Control+k' );
		const menu = page.locator( '.commands-command-menu' );
		await menu.waitFor();
		// commands/style.css places the menu below the top of the window; unstyled it would sit at 0.
		assert.equal(
			await menu.evaluate(
				( element ) => window.getComputedStyle( element ).position
			),
			'relative'
		);
		assert.equal(
			await page.locator( 'link#wp-components-css' ).count(),
			1,
			'wp-components’ stylesheet is loaded once'
		);
		assert.deepEqual( errors, [] );
		await page.close();
	} );

	it( 'prints jQuery after the first rows, and core’s admin scripts still work', async () => {
		const page = await newLoggedInPage( browser );
		const errors = collectPageErrors( page );
		const html = await ( await page.goto( JOBS_PAGE ) ).text();
		assert.doesNotMatch(
			html.slice( 0, html.indexOf( '</head>' ) ),
			JQUERY,
			'the head has no jQuery'
		);
		const jquery = html.search( JQUERY );
		assert.ok(
			jquery > html.indexOf( '<table class="dm-jobs-table' ),
			'jQuery comes after the printed rows'
		);
		assert.ok(
			jquery <
				html.search(
					/<script[^>]+(common(\.min)?\.js|[=,]common[,&])/
				),
			'and before core’s scripts that use it'
		);
		await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
		assert.equal(
			await page.evaluate( () => typeof window.jQuery ),
			'function'
		);
		// common.js (jQuery) folds the admin menu.
		await page.locator( '#collapse-button' ).click();
		await page.waitForFunction( () =>
			document.body.classList.contains( 'folded' )
		);
		await page.locator( '#collapse-button' ).click();
		assert.deepEqual( errors, [] );
		await page.close();
	} );

	it( 'gives jQuery first to a plugin that prints a notice using it, and to its footer script', async () => {
		const muPlugin = path.join(
			WP_DIR,
			'wp-content/mu-plugins/dm-jobs-e2e-inline-jquery.php'
		);
		copyFileSync(
			path.join( ROOT, 'tests/e2e/fixtures/inline-jquery-mu-plugin.php' ),
			muPlugin
		);
		try {
			const page = await newLoggedInPage( browser );
			const errors = collectPageErrors( page );
			const html = await ( await page.goto( JOBS_PAGE ) ).text();
			assert.ok(
				html.search( JQUERY ) <
					html.indexOf( 'id="dm-e2e-old-notice"' ),
				'jQuery comes before the notice’s script'
			);
			assert.equal( html.match( new RegExp( JQUERY, 'g' ) ).length, 1 );
			const notice = page.locator( '#dm-e2e-old-notice' );
			await page.waitForFunction( () =>
				document
					.getElementById( 'dm-e2e-old-notice' )
					?.classList.contains( 'is-ready' )
			);
			assert.equal(
				await notice.getAttribute( 'data-footer-ran' ),
				'yes'
			);
			// Core's common.js moves notices under the page header: they stay there, out of the app's
			// root, once the app has taken over.
			await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
			await page.locator( '.dm-jobs-filters' ).waitFor();
			assert.ok( await notice.isVisible(), 'the notice is still shown' );
			assert.equal(
				await notice.evaluate(
					( element ) => element.closest( '#dm-jobs-root' ) === null
				),
				true
			);
			await page.locator( ROWS ).first().waitFor();
			assert.deepEqual( errors, [] );
			await page.close();
		} finally {
			rmSync( muPlugin, { force: true } );
		}
	} );

	it( 'shows the printed table only once all its rows are in (its columns are sized by all of them)', async () => {
		// A busy browser paints what it parsed so far: a table whose later rows had not arrived had
		// columns sized by its first rows, which moved when the others came (a layout shift). Here the
		// page's HTML ends after its eighth row, as a response still arriving stops there.
		const page = await newLoggedInPage( browser );
		await page.route( /page=dm-jobs/, async ( route ) => {
			const response = await route.fetch();
			const html = await response.text();
			const rows = [ ...html.matchAll( /<tr data-job-id=/g ) ];
			assert.ok(
				rows.length > 8,
				'the page prints more than eight rows'
			);
			await route.fulfill( {
				response,
				body: html.slice( 0, rows[ 8 ].index ),
			} );
		} );
		await page.goto( JOBS_PAGE, { waitUntil: 'commit' } );
		const wrapper = page.locator( '.dm-jobs-table-wrapper' );
		await page.locator( ROWS ).nth( 7 ).waitFor( { state: 'attached' } );
		assert.equal( await page.locator( ROWS ).count(), 8 );
		assert.equal(
			await wrapper.evaluate(
				( element ) => window.getComputedStyle( element ).visibility
			),
			'hidden',
			'a table whose end has not arrived is not shown'
		);
		assert.equal( await page.locator( ROWS ).first().isVisible(), false );
		await page.unroute( /page=dm-jobs/ );

		await page.goto( JOBS_PAGE, { waitUntil: 'commit' } );
		await page.locator( '.dm-jobs-pagination' ).waitFor();
		assert.equal( await page.locator( ROWS ).first().isVisible(), true );
		await page.close();
	} );

	it( 'prints dates in German as the app writes them for an admin who reads German', async () => {
		// The admin's profile language (WordPress core's German files need not be installed: the dates
		// come from date-fns' German).
		runPhp( "update_user_meta( 1, 'locale', 'de_DE' );" );
		try {
			const page = await newLoggedInPage( browser );
			const errors = collectPageErrors( page );
			const { printed, app } = await printedAndTakenOver(
				page,
				JOBS_PAGE
			);
			assert.deepEqual(
				app.rows.map( ( row ) => row.cells ),
				printed.rows.map( ( row ) => row.cells )
			);
			const created = printed.rows.map( ( row ) => row.cells[ 4 ] );
			assert.ok(
				created.some( ( text ) => /vor 3 Tagen/.test( text ) ),
				`relative times in German: ${ created.join( ' | ' ) }`
			);
			assert.ok(
				created.every( ( text ) => ! /\bago\b/.test( text ) ),
				'no English left'
			);
			assert.deepEqual( app.columns, printed.columns );
			assert.deepEqual( errors, [] );
			await page.close();
		} finally {
			runPhp( "delete_user_meta( 1, 'locale' );" );
		}
	} );
} );
