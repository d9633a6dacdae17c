/**
 * The installable zip: `npm run plugin-zip` packs only what runs, and an admin of a fresh site (no
 * plugin linked in) installs it through Plugins → Add New Plugin → Upload Plugin, activates it and
 * gets the Jobs screen.
 *
 * bin/test-e2e.sh builds the zip and serves the fresh site:
 *   DM_JOBS_E2E_ZIP_URL, DM_JOBS_E2E_ZIP_WP_DIR, DM_JOBS_E2E_ZIP
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	collectPageErrors,
	launchBrowser,
	login,
	screenshot,
} from './helpers.mjs';

const ZIP_URL = ( process.env.DM_JOBS_E2E_ZIP_URL || '' ).replace( /\/+$/, '' );
const ZIP_WP_DIR = process.env.DM_JOBS_E2E_ZIP_WP_DIR || '';
const ZIP = process.env.DM_JOBS_E2E_ZIP || '';

describe( 'installable zip', () => {
	let browser;
	let page;
	let errors;

	before( async () => {
		assert.ok(
			ZIP_URL && ZIP_WP_DIR && ZIP,
			'run through bin/test-e2e.sh (it builds the zip and serves a fresh site)'
		);
		browser = await launchBrowser();
		const context = await browser.newContext( {
			baseURL: ZIP_URL,
			viewport: { width: 1280, height: 900 },
		} );
		page = await context.newPage();
		page.setDefaultTimeout( 30_000 );
		errors = collectPageErrors( page );
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'holds only what runs, in a dm-jobs/ folder', () => {
		const entries = execFileSync( 'unzip', [ '-Z1', ZIP ], {
			encoding: 'utf8',
		} )
			.split( '\n' )
			.filter( Boolean );
		for ( const required of [
			'dm-jobs/plugin.php',
			'dm-jobs/uninstall.php',
			'dm-jobs/readme.txt',
			'dm-jobs/includes/Plugin.php',
			'dm-jobs/includes/autoload.php',
			'dm-jobs/build/index.js',
			'dm-jobs/build/index.asset.php',
		] ) {
			assert.ok(
				entries.includes( required ),
				`${ required } is packed`
			);
		}
		const outside = entries.filter(
			( entry ) => ! entry.startsWith( 'dm-jobs/' )
		);
		assert.deepEqual( outside, [], 'everything sits in dm-jobs/' );
		const unwanted = entries.filter( ( entry ) =>
			/^dm-jobs\/(tests|bin|src|node_modules|vendor|artifacts|\.[^/]+)(\/|$)|\.(tsx?|mjs|scss|sh|log|zip)$|(^|\/)\.[^/]+$/.test(
				entry
			)
		);
		assert.deepEqual(
			unwanted,
			[],
			'no sources, tests, tools or dotfiles'
		);
	} );

	it( 'installs through Plugins → Add New Plugin → Upload Plugin and activates', async () => {
		assert.ok(
			! existsSync(
				path.join( ZIP_WP_DIR, 'wp-content/plugins/dm-jobs' )
			),
			'the site starts without the plugin'
		);
		await login( page );
		await page.goto( '/wp-admin/plugins.php' );
		await page.locator( 'a.page-title-action' ).first().click();
		await page.waitForURL( /plugin-install\.php/ );
		await page.locator( '.upload-view-toggle' ).click();
		await page.locator( '#pluginzip' ).setInputFiles( ZIP );
		await Promise.all( [
			page.waitForURL( /update\.php\?action=upload-plugin/ ),
			page.locator( '#install-plugin-submit' ).click(),
		] );
		await page.getByText( 'Plugin installed successfully.' ).waitFor();
		await screenshot( page, 'plugin-zip-installed' );
		await Promise.all( [
			page.waitForURL( /plugins\.php/ ),
			page.getByRole( 'link', { name: 'Activate Plugin' } ).click(),
		] );
		const row = page.locator( 'tr[data-slug="dm-jobs"]' );
		await row.waitFor();
		assert.match(
			( await row.getAttribute( 'class' ) ) ?? '',
			/\bactive\b/
		);

		const installed = path.join( ZIP_WP_DIR, 'wp-content/plugins/dm-jobs' );
		assert.ok(
			! lstatSync( installed ).isSymbolicLink(),
			'the plugin is the unpacked zip'
		);
		assert.ok( ! existsSync( path.join( installed, 'tests' ) ) );
	} );

	it( 'shows the Jobs screen with its empty state', async () => {
		await page
			.locator( '#adminmenu a[href*="page=dm-jobs"]' )
			.first()
			.click();
		await page
			.getByRole( 'heading', { name: 'Jobs', exact: true, level: 1 } )
			.waitFor();
		await page
			.getByRole( 'heading', { name: 'No jobs yet', exact: true } )
			.waitFor();
		await screenshot( page, 'plugin-zip-jobs-screen' );
		assert.deepEqual( errors, [], 'no JavaScript errors' );
	} );
} );
