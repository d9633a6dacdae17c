/**
 * The insights view: loaded on demand (the Jobs screen's first load does not fetch the
 * charts bundle), every chart rendered with seeded data, the range selector changing the data,
 * status colours, table alternatives and a 360 px layout. The tests run in order on one page.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import {
	BASE_URL,
	JOBS_PAGE,
	SCREENSHOT_DIR,
	collectPageErrors,
	colorFamily,
	launchBrowser,
	newLoggedInPage,
	runPhp,
	screenshot,
	seed,
} from './helpers.mjs';

const INSIGHTS_PAGE = `${ JOBS_PAGE }&view=insights`;
const CHARTS = [
	'volume',
	'success-rate',
	'durations',
	'duration-trend',
	'heatmap',
	'failure-trend',
	'concurrency',
	'table-size',
];

/**
 * JavaScript files of the plugin's build requested so far.
 *
 * @param {string[]} urls Requested URLs.
 * @return {string[]} File names such as "index.js".
 */
function buildScripts( urls ) {
	return urls
		.filter( ( url ) =>
			/\/wp-content\/plugins\/dm-jobs\/build\/[^?]+\.js/.test( url )
		)
		.map( ( url ) => new URL( url ).pathname.split( '/' ).pop() );
}

/**
 * @param {string} hex A colour such as "#00a32a".
 * @return {string} The same colour as "rgb(…)".
 */
function hexToRgb( hex ) {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec( hex );
	return match
		? `rgb(${ match
				.slice( 1 )
				.map( ( part ) => parseInt( part, 16 ) )
				.join( ', ' ) })`
		: hex;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string}                         id   data-chart value.
 */
async function waitForChart( page, id ) {
	await page.waitForSelector(
		`[data-chart="${ id }"][data-state="ready"][aria-busy="false"]`,
		{ timeout: 20_000 }
	);
}

/**
 * @param {import('playwright-core').Page} page
 * @return {Promise<number>} Jobs in the range, from the range line.
 */
async function finishedJobs( page ) {
	const text = await page.locator( '.dm-jobs-insights-range' ).innerText();
	const match = /([\d,]+) finished jobs/.exec( text );
	assert.ok( match, `range line: ${ text }` );
	return Number( match[ 1 ].replace( /,/g, '' ) );
}

describe( 'Insights', () => {
	let browser;
	let page;
	let pageErrors;
	const requests = [];

	before( async () => {
		seed( [ '--jobs=3000', '--reset' ] );
		// Start the history from these jobs only (earlier test files seeded others), count them
		// all, measure the table, and add a day of concurrency samples.
		runPhp( `
			$service = new \\DMJobs\\Metrics\\RollupService();
			$service->reset();
			$service->catch_up( 120 );
			$snapshots = new \\DMJobs\\Metrics\\Repository\\RollupSnapshotRepository();
			$sizes     = new \\DMJobs\\Metrics\\Repository\\RollupSourceRepository();
			$size      = $sizes->measure();
			for ( $i = 48; $i >= 1; $i-- ) {
				$snapshots->add_snapshot( array(
					'taken_at'        => gmdate( 'Y-m-d H:i:s', time() - $i * 1800 ),
					'processing'      => ( $i * 7 ) % 5,
					'pending'         => ( $i * 3 ) % 4,
					'table_rows'      => 0 === $i % 4 ? $size['rows'] - $i * 2 : null,
					'table_bytes'     => 0 === $i % 4 ? (int) ( $size['bytes'] * ( 1 - $i / 1000 ) ) : null,
					'free_bytes'      => null,
					'bytes_estimated' => $size['estimated'],
					'is_hourly'       => true,
				) );
			}
			echo 'ok';
		` );
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
		pageErrors = collectPageErrors( page );
		page.on( 'request', ( request ) => requests.push( request.url() ) );
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'does not fetch the charts bundle when the Jobs screen loads', async () => {
		await page.goto( JOBS_PAGE );
		await page
			.getByRole( 'table', { name: 'Jobs', exact: true } )
			.locator( 'tbody tr[data-job-id]' )
			.first()
			.waitFor();
		await page.waitForLoadState( 'networkidle' );
		const firstLoad = buildScripts( requests );
		assert.ok( firstLoad.includes( 'index.js' ), firstLoad.join( ', ' ) );
		assert.ok(
			! firstLoad.some( ( name ) => name.startsWith( 'insights' ) ),
			`no insights chunk on first load: ${ firstLoad.join( ', ' ) }`
		);
		assert.ok(
			! requests.some( ( url ) => url.includes( '/dm-jobs/v1/metrics' ) ),
			'no metrics request from the jobs list'
		);
		// recharts is not part of the first bundle.
		const index = await page.evaluate( async ( url ) => {
			const response = await fetch( url );
			return response.text();
		}, `${ BASE_URL }/wp-content/plugins/dm-jobs/build/index.js` );
		assert.ok(
			! index.includes( 'recharts-' ),
			'index.js has no recharts code'
		);

		// Opening the tab loads the chunk(s) from the plugin's build folder.
		const firstCount = requests.length;
		await page
			.getByRole( 'tab', { name: 'Insights', exact: true } )
			.click();
		await waitForChart( page, 'volume' );
		const loaded = buildScripts( requests.slice( firstCount ) );
		assert.ok(
			loaded.some( ( name ) => name.startsWith( 'insights' ) ),
			`insights chunk loaded on demand: ${ loaded.join( ', ' ) }`
		);
		assert.match( page.url(), /view=insights/ );
	} );

	it( 'renders every chart with the seeded data', async () => {
		await page.setViewportSize( { width: 1280, height: 900 } );
		await page.goto( INSIGHTS_PAGE );
		for ( const id of CHARTS ) {
			await waitForChart( page, id );
		}
		for ( const id of CHARTS.filter( ( chart ) => chart !== 'heatmap' ) ) {
			assert.ok(
				( await page
					.locator( `[data-chart="${ id }"] svg.recharts-surface` )
					.count() ) > 0,
				`${ id } draws an SVG chart`
			);
		}
		const busyCells = await page
			.locator(
				'[data-chart="heatmap"] .dm-jobs-heatmap__cell:not([data-count="0"])'
			)
			.count();
		assert.ok( busyCells > 20, `heatmap has busy hours (${ busyCells })` );
		await page.locator( '[data-panel="degradation"] h3' ).waitFor();
		await page
			.locator( '[data-panel="capacity"]' )
			.getByText( /rows, .* \(measured/ )
			.waitFor();
		assert.ok(
			( await finishedJobs( page ) ) > 100,
			'the last 7 days hold jobs'
		);

		// Volume bars use the badge colours: green for completed, red for failed.
		const fills = await page
			.locator( '[data-chart="volume"] .recharts-bar-rectangle path' )
			.evaluateAll( ( paths ) =>
				paths.map( ( path ) => path.getAttribute( 'fill' ) )
			);
		const families = new Set(
			fills.map( ( fill ) => colorFamily( hexToRgb( fill ?? '' ) ) )
		);
		assert.ok(
			families.has( 'green' ),
			`a green bar: ${ [ ...new Set( fills ) ] }`
		);
		assert.ok(
			families.has( 'red' ),
			`a red bar: ${ [ ...new Set( fills ) ] }`
		);

		// A tooltip on hover.
		const bar = page
			.locator( '[data-chart="volume"] .recharts-bar-rectangle' )
			.last();
		await bar.hover();
		await page.locator( '.dm-jobs-insights-tooltip' ).first().waitFor();

		assert.ok( existsSync( await screenshot( page, 'insights-1280' ) ) );
	} );

	it( 'changes the data with the range selector', async () => {
		const week = await finishedJobs( page );
		const weekRows = await page
			.locator( '[data-chart="volume"] table tbody tr' )
			.count();
		assert.equal( weekRows, 7 );

		await page.getByLabel( 'Range', { exact: true } ).selectOption( '24h' );
		await page.waitForFunction( () =>
			/^Last 24 hours:/.test(
				document.querySelector( '.dm-jobs-insights-range' )
					?.textContent ?? ''
			)
		);
		await waitForChart( page, 'volume' );
		const day = await finishedJobs( page );
		assert.ok(
			day < week,
			`24 hours (${ day }) hold fewer jobs than 7 days (${ week })`
		);
		assert.equal(
			await page
				.locator( '[data-chart="volume"] table tbody tr' )
				.count(),
			24,
			'hourly buckets'
		);

		await page.getByLabel( 'Range', { exact: true } ).selectOption( '90d' );
		await page.waitForFunction( () =>
			/^Last 90 days:/.test(
				document.querySelector( '.dm-jobs-insights-range' )
					?.textContent ?? ''
			)
		);
		assert.ok( ( await finishedJobs( page ) ) > week );
	} );

	it( 'answers "is my pipeline getting slower?" on a labelled, dated time axis', async () => {
		// The range test above left the last 90 days shown.
		const card = page.locator( '[data-chart="duration-trend"]' );
		await waitForChart( page, 'duration-trend' );
		const ticks = await card
			.locator(
				'.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'
			)
			.evaluateAll( ( nodes ) =>
				nodes.map( ( node ) => node.textContent ?? '' )
			);
		assert.ok( ticks.length >= 3, `time axis ticks: ${ ticks }` );
		for ( const tick of ticks ) {
			assert.match( tick, /\d/, `a dated tick: ${ tick }` );
		}
		assert.match(
			( await card
				.locator( '.recharts-label', { hasText: 'Date created' } )
				.textContent() ) ?? '',
			/^Date created \(.+\)$/
		);

		// The demo's "AI Content Enrichment" gets slower over the 90 days.
		const select = card.getByRole( 'combobox', { name: 'Pipeline shown' } );
		const option = await select
			.locator( 'option', { hasText: 'AI Content Enrichment' } )
			.getAttribute( 'value' );
		await select.selectOption( option ?? '' );
		await card
			.getByRole( 'img', {
				name: 'Line chart of the median and p95 duration of AI Content Enrichment over time.',
			} )
			.waitFor();
		assert.match(
			await card.locator( '.dm-jobs-insights-trend-answer' ).innerText(),
			/^Slower: average .+ in the second half of the range \([\d,]+ jobs\) vs .+ in the first half \([\d,]+ jobs\), ×[\d.]+\.$/
		);
		assert.ok(
			( await card.locator( '.recharts-line-curve' ).count() ) === 2,
			'median and p95 lines'
		);
		await card.screenshot( {
			path: `${ SCREENSHOT_DIR }/insights-duration-trend-1280.png`,
		} );
	} );

	it( 'shows a chart as a table on request', async () => {
		const card = page.locator( '[data-chart="success-rate"]' );
		const toggle = card.getByRole( 'button', { name: 'Show table' } );
		await toggle.click();
		const table = card.getByRole( 'table', { name: 'Success rate' } );
		await table.waitFor( { state: 'visible' } );
		assert.ok( ( await table.locator( 'tbody tr' ).count() ) > 0 );
		await card.getByRole( 'button', { name: 'Hide table' } ).click();
	} );

	it( 'works 360 px wide', async () => {
		await page.setViewportSize( { width: 360, height: 800 } );
		await page.goto( INSIGHTS_PAGE );
		for ( const id of CHARTS ) {
			await waitForChart( page, id );
		}
		const { scrollWidth, clientWidth } = await page.evaluate( () => ( {
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		} ) );
		assert.ok(
			scrollWidth <= clientWidth + 1,
			`no horizontal overflow at 360 px (scrollWidth ${ scrollWidth }, clientWidth ${ clientWidth })`
		);
		assert.ok( existsSync( await screenshot( page, 'insights-360' ) ) );
		await page.locator( '[data-chart="duration-trend"]' ).screenshot( {
			path: `${ SCREENSHOT_DIR }/insights-duration-trend-360.png`,
		} );
		await page.setViewportSize( { width: 1280, height: 900 } );
	} );

	it( 'threw no JavaScript errors', () => {
		assert.deepEqual( pageErrors, [] );
	} );
} );
