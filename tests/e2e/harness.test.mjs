/**
 * The end-to-end harness itself: the site is served, admin can log in, DM Jobs is active.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	JOBS_PAGE,
	ROOT,
	WP_DIR,
	collectPageErrors,
	launchBrowser,
	newLoggedInPage,
	runPhp,
	screenshot,
} from './helpers.mjs';

/**
 * The React version a WordPress tree ships as its `react` script.
 *
 * @param {string} wpDir WordPress directory.
 * @return {string} e.g. "18.3.1".
 */
function shippedReactVersion( wpDir ) {
	const source = readFileSync(
		path.join( wpDir, 'wp-includes/js/dist/vendor/react.js' ),
		'utf8'
	);
	const match = /ReactVersion = '([^']+)'/.exec( source );
	assert.ok( match, 'react.js names its version' );
	return match[ 1 ];
}

describe( 'e2e harness', () => {
	let browser;
	let page;

	before( async () => {
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'logs into wp-admin and shows the dashboard', async () => {
		await page.goto( '/wp-admin/' );
		await page.locator( '#wpbody-content h1' ).first().waitFor();
		assert.equal(
			(
				await page.locator( '#wpbody-content h1' ).first().innerText()
			).trim(),
			'Dashboard'
		);
		const file = await screenshot( page, 'wp-admin-dashboard' );
		assert.ok( existsSync( file ), `${ file } was written` );
	} );

	it( 'has DM Jobs active', async () => {
		await page.goto( '/wp-admin/plugins.php' );
		const row = page.locator( 'tr[data-slug="dm-jobs"]' );
		await row.waitFor();
		assert.match(
			( await row.getAttribute( 'class' ) ) ?? '',
			/\bactive\b/
		);
	} );

	it( 'mounts the app on the React this WordPress ships, of the major it was built against', async () => {
		const errors = collectPageErrors( page );
		await page.goto( JOBS_PAGE );
		// createRoot()/hydrateRoot() mark their container: the app has mounted.
		await page.waitForFunction( () => {
			const root = document.getElementById( 'dm-jobs-root' );
			return (
				!! root &&
				Object.keys( root ).some( ( key ) =>
					key.startsWith( '__reactContainer' )
				)
			);
		} );
		const runtime = await page.evaluate( () => window.React?.version );
		const shipped = shippedReactVersion( WP_DIR );
		assert.equal(
			runtime,
			shipped,
			'the page runs the React of wp-includes'
		);
		const built = JSON.parse(
			readFileSync(
				path.join( ROOT, 'node_modules/react/package.json' ),
				'utf8'
			)
		).version;
		assert.equal(
			runtime.split( '.' )[ 0 ],
			built.split( '.' )[ 0 ],
			`the app is built against React ${ built }`
		);
		assert.deepEqual( errors, [] );
	} );

	it( 'can run PHP inside the site', () => {
		assert.equal(
			runPhp(
				"echo is_plugin_active( 'dm-jobs/plugin.php' ) ? 'yes' : 'no';"
			),
			'yes'
		);
	} );
} );
