/**
 * Helpers for the end-to-end tests: headless Chromium through playwright-core, a wp-admin login,
 * screenshots, and running PHP inside the test site.
 *
 * bin/test-e2e.sh creates and serves the site, then sets:
 *   DM_JOBS_E2E_URL     base URL of the site (default http://127.0.0.1:8891)
 *   DM_JOBS_E2E_WP_DIR  the site's WordPress directory (for bin/seed.php and runPhp())
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
export const BASE_URL = (
	process.env.DM_JOBS_E2E_URL || 'http://127.0.0.1:8891'
).replace( /\/+$/, '' );
export const WP_DIR = process.env.DM_JOBS_E2E_WP_DIR || '';
export const SCREENSHOT_DIR = path.join( ROOT, 'artifacts', 'screenshots' );
export const JOBS_PAGE = '/wp-admin/admin.php?page=dm-jobs';

const CHROMIUM = process.env.DM_JOBS_CHROMIUM || '/usr/lib/chromium/chromium';
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * Headless Chromium. playwright-core gives every launch a fresh, temporary user-data-dir.
 *
 * @return {Promise<import('playwright-core').Browser>} The browser.
 */
export function launchBrowser() {
	return chromium.launch( {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
	} );
}

/**
 * A new browser context and page, logged into wp-admin.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {Object}                            [options]
 * @param {number}                            [options.width=1280]
 * @param {number}                            [options.height=900]
 * @param {string}                            [options.user='admin']
 * @param {string}                            [options.password='password']
 * @return {Promise<import('playwright-core').Page>} A logged-in page.
 */
export async function newLoggedInPage(
	browser,
	{ width = 1280, height = 900, user = 'admin', password = 'password' } = {}
) {
	const context = await browser.newContext( {
		baseURL: BASE_URL,
		viewport: { width, height },
	} );
	const page = await context.newPage();
	page.setDefaultTimeout( 15_000 );
	await login( page, user, password );
	return page;
}

/**
 * Logs in with the real wp-login.php form.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         user
 * @param {string}                         password
 */
export async function login( page, user = 'admin', password = 'password' ) {
	await page.goto( '/wp-login.php' );
	await page.fill( '#user_login', user );
	await page.fill( '#user_pass', password );
	await Promise.all( [
		page.waitForURL( /\/wp-admin\/?/ ),
		page.click( '#wp-submit' ),
	] );
	await page.locator( '#wpadminbar' ).waitFor();
}

/**
 * Saves a full-page PNG as artifacts/screenshots/<name>.png (git-ignored) and returns its path.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         name File name without extension.
 * @return {Promise<string>} The PNG's path.
 */
export async function screenshot( page, name ) {
	mkdirSync( SCREENSHOT_DIR, { recursive: true } );
	const file = path.join( SCREENSHOT_DIR, `${ name }.png` );
	await page.screenshot( { path: file, fullPage: true } );
	return file;
}

/**
 * Collects uncaught page errors (JS exceptions) for later assertions.
 *
 * @param {import('playwright-core').Page} page
 * @return {string[]} Live list of error messages.
 */
export function collectPageErrors( page ) {
	const errors = [];
	page.on( 'pageerror', ( error ) => errors.push( error.message ) );
	return errors;
}

function requireWpDir() {
	if ( ! WP_DIR ) {
		throw new Error(
			'DM_JOBS_E2E_WP_DIR is not set: run the tests with bin/test-e2e.sh'
		);
	}
}

/**
 * Runs bin/seed.php against the test site and returns its output.
 *
 * @param {string[]} args e.g. [ '--jobs=120' ] or [ '--jobs=0', '--reset' ].
 * @return {string} The seeder's output.
 */
export function seed( args ) {
	requireWpDir();
	return execFileSync(
		'php',
		[
			path.join( ROOT, 'bin/seed.php' ),
			`--path=${ WP_DIR }`,
			// DM_JOBS_TABLES=datamachine: today's Data Machine tables (bin/test-e2e.sh passes it on).
			...( process.env.DM_JOBS_TABLES
				? [ `--tables=${ process.env.DM_JOBS_TABLES }` ]
				: [] ),
			...args,
		],
		{ cwd: ROOT, encoding: 'utf8' }
	);
}

/**
 * Runs PHP code inside the test site (WordPress loaded, plugins active) and returns its output.
 * Example: runPhp( 'echo count( get_users() );' )
 *
 * @param {string} code PHP code without the opening tag.
 * @return {string} What the code printed.
 */
export function runPhp( code ) {
	requireWpDir();
	const prelude =
		"$_SERVER['HTTP_HOST'] = 'localhost'; require getenv( 'DM_JOBS_E2E_WP_DIR' ) . '/wp-load.php';";
	return execFileSync( 'php', [ '-r', `${ prelude }\n${ code }` ], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, DM_JOBS_E2E_WP_DIR: WP_DIR },
	} );
}

/**
 * Parses a computed CSS colour ("rgb(…)", "rgba(…)", "color(srgb …)") into 0–255 channels.
 *
 * @param {string} css
 * @return {{r:number,g:number,b:number,a:number}|null} Channels, or null when not parseable.
 */
export function parseColor( css ) {
	let match = /^rgba?\(([^)]+)\)$/.exec( css.trim() );
	if ( match ) {
		const [ r, g, b, a = 1 ] = match[ 1 ]
			.split( /[\s,/]+/ )
			.filter( Boolean )
			.map( Number );
		return { r, g, b, a };
	}
	match = /^color\(srgb ([^)]+)\)$/.exec( css.trim() );
	if ( match ) {
		const [ r, g, b, a = 1 ] = match[ 1 ]
			.split( /[\s/]+/ )
			.filter( Boolean )
			.map( Number );
		return { r: r * 255, g: g * 255, b: b * 255, a };
	}
	return null;
}

/**
 * The colour family of a computed CSS colour: 'green', 'red', 'other', or null when it is
 * transparent, greyish or unparseable.
 *
 * @param {string} css
 * @return {'green'|'red'|'other'|null} Family.
 */
export function colorFamily( css ) {
	const color = parseColor( css );
	if ( ! color || color.a < 0.05 ) {
		return null;
	}
	const r = color.r / 255;
	const g = color.g / 255;
	const b = color.b / 255;
	const max = Math.max( r, g, b );
	const min = Math.min( r, g, b );
	const chroma = max - min;
	if ( chroma < 0.04 ) {
		return null; // Grey, white or black: no hue to judge.
	}
	let hue;
	if ( max === r ) {
		hue = ( ( ( g - b ) / chroma ) % 6 ) * 60;
	} else if ( max === g ) {
		hue = ( ( b - r ) / chroma + 2 ) * 60;
	} else {
		hue = ( ( r - g ) / chroma + 4 ) * 60;
	}
	hue = ( hue + 360 ) % 360;
	if ( hue >= 75 && hue <= 170 ) {
		return 'green';
	}
	if ( hue >= 340 || hue <= 20 ) {
		return 'red';
	}
	return 'other';
}

/**
 * The colour families an element shows: its text, background and border colours and the
 * background of its ::before dot, if any.
 *
 * @param {import('playwright-core').Locator} locator
 * @return {Promise<{families:string[], colors:Object}>} Families found and the raw colours.
 */
export async function colorFamiliesOf( locator ) {
	const colors = await locator.evaluate( ( element ) => {
		const style = window.getComputedStyle( element );
		const before = window.getComputedStyle( element, '::before' );
		return {
			color: style.color,
			backgroundColor: style.backgroundColor,
			borderColor: style.borderLeftColor,
			beforeBackground: before.backgroundColor,
		};
	} );
	const families = Object.values( colors )
		.map( colorFamily )
		.filter( Boolean );
	return { families, colors };
}
