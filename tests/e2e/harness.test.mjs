/**
 * The end-to-end harness itself: the site is served, admin can log in, DM Jobs is active.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import {
	launchBrowser,
	newLoggedInPage,
	runPhp,
	screenshot,
} from './helpers.mjs';

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

	it( 'can run PHP inside the site', () => {
		assert.equal(
			runPhp(
				"echo is_plugin_active( 'dm-jobs/plugin.php' ) ? 'yes' : 'no';"
			),
			'yes'
		);
	} );
} );
