/**
 * First rows in headless Chromium: the time from navigation until the first table rows are visible,
 * for the Jobs screen and for core's Posts screen (edit.php) on the same site (and Action Scheduler's
 * screen when it is installed), loaded in turn (interleaved) so load from elsewhere falls on all alike.
 * Also: when the app has taken the rows over, how many REST requests the Jobs screen made on boot, and
 * our first-load JavaScript (gzip).
 *
 * Usage: node bin/bench/browser.mjs --url=http://127.0.0.1:8897 [--loads=7] [--out=file.json] [--jobs=N]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

const ROOT = join( dirname( fileURLToPath( import.meta.url ) ), '../..' );
const args = Object.fromEntries(
	process.argv.slice( 2 ).map( ( arg ) => {
		const [ key, ...value ] = arg.replace( /^--/, '' ).split( '=' );
		return [ key, value.join( '=' ) ];
	} )
);
const baseUrl = ( args.url ?? 'http://127.0.0.1:8897' ).replace( /\/+$/, '' );
const loads = Number( args.loads ?? 7 );

/**
 * Runs in the page before any of its scripts: notes the first animation frame in which a row matching
 * the selector is in the document and has a size (what the user sees), measured from navigation start.
 *
 * @param {string} selector Rows to wait for.
 */
function watchFirstRows( selector ) {
	const check = () => {
		if ( window.__firstRowsAt !== undefined ) {
			return;
		}
		const row = document.querySelector( selector );
		// Laid out and not hidden (a table shown only once complete is not seen before).
		if (
			row &&
			row.getBoundingClientRect().height > 0 &&
			row.checkVisibility( {
				visibilityProperty: true,
				checkVisibilityCSS: true,
				opacityProperty: true,
			} )
		) {
			window.__firstRowsAt = performance.now();
		}
	};
	const observer = new MutationObserver( () =>
		requestAnimationFrame( check )
	);
	observer.observe( document, { childList: true, subtree: true } );
	const poll = () => {
		check();
		if ( window.__firstRowsAt === undefined ) {
			requestAnimationFrame( poll );
		}
	};
	requestAnimationFrame( poll );
}

const screens = [
	{
		name: 'DM Jobs (admin.php?page=dm-jobs)',
		path: '/wp-admin/admin.php?page=dm-jobs',
		rows: '.dm-jobs-table tbody tr',
		jobs: true,
	},
	{
		name: 'core Posts (edit.php)',
		path: '/wp-admin/edit.php',
		rows: '#the-list tr',
	},
];

const FLOOR = {
	name: 'floor: bare list screen (tools.php?page=dm-jobs-bench-floor)',
	path: '/wp-admin/tools.php?page=dm-jobs-bench-floor',
	rows: '#the-list tr',
};
const ACTION_SCHEDULER = {
	name: 'Action Scheduler (tools.php?page=action-scheduler)',
	path: '/wp-admin/tools.php?page=action-scheduler',
	rows: '#the-list tr',
};

/**
 * Whether a screen is installed on this site (it answers with rows).
 *
 * @param {import('playwright-core').Page} page
 * @param {Object}                         screen
 */
async function available( page, screen ) {
	const response = await page.goto( `${ baseUrl }${ screen.path }` );
	return (
		response?.status() === 200 &&
		( await page.locator( screen.rows ).count() ) > 0
	);
}

function median( values ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[ Math.floor( ( sorted.length - 1 ) / 2 ) ];
}

/**
 * Our JavaScript the Jobs screen loads before the app can take over: the entry and the chunks it
 * imports statically (the lazy chunks load later, where they are used).
 */
function firstLoadJs() {
	const entry = join( ROOT, 'build', 'index.js' );
	const source = readFileSync( entry );
	return {
		raw: source.length,
		gzip: gzipSync( source, { level: 9 } ).length,
	};
}

const browser = await chromium.launch( {
	executablePath:
		process.env.DM_JOBS_CHROMIUM || '/usr/lib/chromium/chromium',
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-dev-shm-usage',
	],
} );
const context = await browser.newContext( {
	viewport: { width: 1280, height: 900 },
} );
const page = await context.newPage();
page.setDefaultTimeout( 60_000 );
await page.goto( `${ baseUrl }/wp-login.php` );
await page.fill( '#user_login', 'admin' );
await page.fill( '#user_pass', 'password' );
await Promise.all( [
	page.waitForURL( /wp-admin/ ),
	page.click( '#wp-submit' ),
] );

// The floor (bin/bench/floor-screen.php, installed by bin/bench.sh in the benchmark site only): what any
// wp-admin list screen pays, the admin chrome and a one-row table, no query.
for ( const screen of [ FLOOR, ACTION_SCHEDULER ] ) {
	if ( await available( page, screen ) ) {
		screens.push( screen );
	}
}

/**
 * One load of a screen in a fresh page (same context: logged in, HTTP cache warm as for a returning
 * admin).
 *
 * @param {Object} screen The screen.
 */
async function load( screen ) {
	const tab = await context.newPage();
	const rest = [];
	tab.on( 'request', ( request ) => {
		const url = request.url();
		if ( url.includes( '/wp-json/' ) || url.includes( 'rest_route=' ) ) {
			rest.push( url );
		}
	} );
	await tab.addInitScript( watchFirstRows, screen.rows );
	await tab.goto( `${ baseUrl }${ screen.path }`, {
		waitUntil: 'domcontentloaded',
	} );
	await tab.waitForFunction( () => window.__firstRowsAt !== undefined, null, {
		polling: 50,
	} );
	const result = {
		firstRows: await tab.evaluate( () => window.__firstRowsAt ),
		// What the first rows wait for: the HTML (server time, then its transfer) and the resources
		// that block rendering (stylesheets and scripts in <head>).
		...( await tab.evaluate( () => {
			const [ nav ] = performance.getEntriesByType( 'navigation' );
			const blocking = performance
				.getEntriesByType( 'resource' )
				.filter(
					( entry ) => entry.renderBlockingStatus === 'blocking'
				);
			return {
				htmlFirstByte: nav.responseStart,
				htmlDone: nav.responseEnd,
				blockingResources: blocking.length,
				blockingDone: Math.max(
					0,
					...blocking.map( ( entry ) => entry.responseEnd )
				),
			};
		} ) ),
	};
	if ( screen.jobs ) {
		await tab.waitForSelector( '#dm-jobs-root[data-app-ready]' );
		result.appReady = await tab.evaluate( () =>
			Number( document.getElementById( 'dm-jobs-root' ).dataset.appReady )
		);
		// The toolbar (wp-components, loaded after the takeover) too.
		await tab.waitForSelector( '.dm-jobs-filters', { timeout: 30_000 } );
		result.bootRequests = rest.filter( ( url ) =>
			/\/dm-jobs\/v1\/jobs(\?|%3F|$)/.test( url )
		).length;
		result.restRequests = rest.length;
	}
	// Every screen is left only when its page has stopped loading, so the next screen never starts on a
	// server still busy with this one's scripts (Posts and Action Scheduler used to be closed at their
	// first rows, their ~55 script requests still queued at the PHP server when the next screen loaded).
	await tab.waitForLoadState( 'networkidle' );
	await tab.close();
	return result;
}

const samples = screens.map( () => [] );
for ( const [ index, screen ] of screens.entries() ) {
	await load( screen ); // warm-up: PHP opcache, HTTP cache
	samples[ index ] = [];
}
for ( let round = 0; round < loads; round++ ) {
	for ( const [ index, screen ] of screens.entries() ) {
		samples[ index ].push( await load( screen ) );
	}
}
await browser.close();

const medianFirstRows = ( screen ) =>
	screens.includes( screen )
		? median(
				samples[ screens.indexOf( screen ) ].map(
					( sample ) => sample.firstRows
				)
			)
		: null;
const posts = median( samples[ 1 ].map( ( sample ) => sample.firstRows ) );
const floor = medianFirstRows( FLOOR );
const actionScheduler = medianFirstRows( ACTION_SCHEDULER );
const pad = ( value, width ) => String( value ).padEnd( width );
const lpad = ( value, width ) => String( value ).padStart( width );
const ratio = ( value, to ) =>
	to === null ? '' : ( value / to ).toFixed( 2 ) + '×';
const js = firstLoadJs();
console.log(
	`\nFirst rows in headless Chromium${
		args.jobs
			? ` — ${ Number( args.jobs ).toLocaleString( 'en' ) } jobs`
			: ''
	}, median of ${ loads } interleaved loads (ms from navigation start until the first table rows are visible; load average ${ readFileSync(
		'/proc/loadavg',
		'utf8'
	)
		.split( ' ' )
		.slice( 0, 3 )
		.join( ' ' ) })\n`
);
console.log(
	`${ pad( 'screen', 64 ) }${ lpad( 'first rows', 11 ) }${ lpad(
		'vs floor',
		10
	) }${ lpad( 'vs Posts', 10 ) }${ lpad( 'vs AS', 8 ) }${ lpad(
		'app ready',
		11
	) }  requests to /jobs on boot`
);
const rows = screens.map( ( screen, index ) => {
	const first = median(
		samples[ index ].map( ( sample ) => sample.firstRows )
	);
	const ready = screen.jobs
		? median( samples[ index ].map( ( sample ) => sample.appReady ) )
		: null;
	const requests = screen.jobs
		? Math.max(
				...samples[ index ].map( ( sample ) => sample.bootRequests )
			)
		: null;
	console.log(
		`${ pad( screen.name, 64 ) }${ lpad( first.toFixed( 0 ), 11 ) }${ lpad(
			ratio( first, floor ),
			10
		) }${ lpad( ratio( first, posts ), 10 ) }${ lpad(
			ratio( first, actionScheduler ),
			8
		) }${ lpad( ready === null ? '' : ready.toFixed( 0 ), 11 ) }  ${
			requests ?? ''
		}`
	);
	return {
		screen: screen.name,
		first_rows_ms: first,
		ratio_to_floor: floor === null ? null : first / floor,
		ratio_to_posts: first / posts,
		ratio_to_action_scheduler:
			actionScheduler === null ? null : first / actionScheduler,
		app_ready_ms: ready,
		boot_requests_to_jobs: requests,
		samples: samples[ index ],
	};
} );
console.log(
	`\nWhat the first rows wait for (medians, ms from navigation start)\n${ pad(
		'screen',
		64
	) }${ lpad( 'HTML 1st byte', 14 ) }${ lpad( 'HTML done', 11 ) }${ lpad(
		'blocking done',
		14
	) }${ lpad( 'first rows', 11 ) }  blocking resources`
);
for ( const [ index, screen ] of screens.entries() ) {
	const at = ( key ) =>
		median( samples[ index ].map( ( sample ) => sample[ key ] ) ).toFixed(
			0
		);
	console.log(
		`${ pad( screen.name, 64 ) }${ lpad( at( 'htmlFirstByte' ), 14 ) }${ lpad(
			at( 'htmlDone' ),
			11
		) }${ lpad( at( 'blockingDone' ), 14 ) }${ lpad(
			at( 'firstRows' ),
			11
		) }  ${ at( 'blockingResources' ) }`
	);
}
if ( actionScheduler === null ) {
	console.log(
		'Action Scheduler: not installed on this site (npm run bench -- --action-scheduler=DIR installs it), not measured.'
	);
}
if ( floor === null ) {
	console.log(
		'Floor screen: not installed on this site (bin/bench.sh installs bin/bench/floor-screen.php), not measured.'
	);
}
console.log(
	`\nOur first-load JavaScript (build/index.js): ${ (
		js.gzip / 1024
	).toFixed(
		1
	) } KB gzip (${ ( js.raw / 1024 ).toFixed( 0 ) } KB raw); target ≤ 45 KB gzip`
);
if ( args.out ) {
	mkdirSync( dirname( args.out ), { recursive: true } );
	writeFileSync(
		args.out,
		JSON.stringify(
			{
				loads,
				first_load_js: js,
				screens: rows,
				measured_at: new Date().toISOString(),
			},
			null,
			2
		)
	);
	console.log( `JSON: ${ args.out }` );
}
