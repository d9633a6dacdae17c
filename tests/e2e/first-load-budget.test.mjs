/**
 * First-load JavaScript budget: the scripts of ours the Jobs screen's HTML loads (the app that takes
 * over the printed rows) weigh at most 45 KB gzip (level 9, as the benchmark reports it), and the site's
 * date-fns locale is one small script that only sites not in US English load.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

import {
	JOBS_PAGE,
	ROOT,
	launchBrowser,
	newLoggedInPage,
	runPhp,
	seed,
} from './helpers.mjs';

const BUDGET = 45 * 1024;

/**
 * Loads the Jobs screen and returns the scripts of our build its HTML loads: everything else of ours is
 * imported later by the app (the toolbar, admin tools and the rest come after the takeover, with
 * wp-components).
 *
 * @param {import('playwright-core').Browser} browser
 * @return {Promise<string[]>} Paths inside build/, in page order.
 */
async function pageScripts( browser ) {
	const page = await newLoggedInPage( browser );
	const response = await page.goto( JOBS_PAGE );
	const html = await response.text();
	await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
	await page.close();
	return [
		...html.matchAll(
			/<script[^>]+src=['"][^'"]*\/plugins\/dm-jobs\/build\/([^'"?]+\.js)/g
		),
	].map( ( match ) => match[ 1 ] );
}

function gzipBytes( file ) {
	return gzipSync( readFileSync( path.join( ROOT, 'build', file ) ), {
		level: 9,
	} ).length;
}

describe( 'First-load JavaScript', () => {
	let browser;

	before( async () => {
		seed( [ '--jobs=60', '--reset' ] );
		browser = await launchBrowser();
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'stays within 45 KB gzip', async () => {
		const scripts = await pageScripts( browser );
		assert.ok( scripts.includes( 'index.js' ), scripts.join( ', ' ) );
		assert.deepEqual(
			scripts.filter( ( file ) => file.startsWith( 'date-locales/' ) ),
			[],
			'a US English site loads no date-fns locale'
		);
		const bytes = scripts.reduce(
			( sum, file ) => sum + gzipBytes( file ),
			0
		);
		assert.ok(
			bytes <= BUDGET,
			`${ scripts.join( ' + ' ) }: ${ ( bytes / 1024 ).toFixed(
				1
			) } KB gzip, over 45 KB`
		);
	} );

	it( 'adds only the German date-fns locale for an admin who reads German', async () => {
		runPhp( "update_user_meta( 1, 'locale', 'de_DE' );" );
		try {
			const scripts = await pageScripts( browser );
			assert.deepEqual(
				scripts.filter( ( file ) =>
					file.startsWith( 'date-locales/' )
				),
				[ 'date-locales/de.js' ]
			);
			assert.ok(
				scripts.indexOf( 'date-locales/de.js' ) <
					scripts.indexOf( 'index.js' ),
				'the locale comes before the app'
			);
			assert.ok( gzipBytes( 'date-locales/de.js' ) < 4 * 1024 );
		} finally {
			runPhp( "delete_user_meta( 1, 'locale' );" );
		}
	} );
} );
