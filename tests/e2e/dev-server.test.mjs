/**
 * The development server is locked down: it answers only to its own host and port, serves WordPress
 * and the plugin's built assets, and nothing else of the checkout (sources, tests, tools, git data,
 * caches) or of the site (logs, databases, configuration).
 */
import assert from 'node:assert/strict';
import {
	mkdirSync,
	realpathSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { BASE_URL, ROOT, WP_DIR } from './helpers.mjs';

const SECRET = 'dm-jobs-router-probe-secret';
const PLUGIN = '/wp-content/plugins/dm-jobs';

/**
 * A GET with an explicit Host header (fetch() does not allow setting it).
 *
 * @param {string} requestPath Path and query.
 * @param {string} [host]      Host header; the server's own by default.
 * @return {Promise<{status:number, body:string, type:string}>} The answer.
 */
function get( requestPath, host ) {
	const url = new URL( BASE_URL );
	return new Promise( ( resolve, reject ) => {
		const request = http.request(
			{
				host: url.hostname,
				port: url.port,
				path: requestPath,
				method: 'GET',
				headers: { Host: host ?? url.host },
			},
			( response ) => {
				let body = '';
				response.setEncoding( 'utf8' );
				response.on( 'data', ( chunk ) => ( body += chunk ) );
				response.on( 'end', () =>
					resolve( {
						status: response.statusCode ?? 0,
						body,
						type: String(
							response.headers[ 'content-type' ] ?? ''
						),
					} )
				);
			}
		);
		request.on( 'error', reject );
		request.end();
	} );
}

/**
 * Asserts that a path is refused (403 or 404) and that the answer does not leak the probe.
 *
 * @param {string} requestPath
 */
async function assertRefused( requestPath ) {
	const { status, body } = await get( requestPath );
	assert.ok(
		status === 403 || status === 404,
		`${ requestPath } answered ${ status }, expected 403 or 404`
	);
	assert.ok(
		! body.includes( SECRET ),
		`${ requestPath } leaked the probe's content`
	);
}

describe( 'development server', () => {
	const probes = [];

	/**
	 * Writes a probe file (removed after the tests).
	 *
	 * @param {string} file Absolute path.
	 */
	function probe( file ) {
		mkdirSync( path.dirname( file ), { recursive: true } );
		writeFileSync( file, `${ SECRET }\n` );
		probes.push( file );
	}

	before( () => {
		assert.ok( WP_DIR, 'DM_JOBS_E2E_WP_DIR is set (run bin/test-e2e.sh)' );
		probe( path.join( ROOT, '.cache', 'router-probe.txt' ) );
		probe( path.join( ROOT, 'router-probe.log' ) );
		probe( path.join( WP_DIR, 'wp-content', 'debug.log' ) );
		probe( path.join( WP_DIR, 'wp-content', 'router-probe.sqlite' ) );
		const link = path.join(
			WP_DIR,
			'wp-content',
			'uploads',
			'router-probe-link.json'
		);
		mkdirSync( path.dirname( link ), { recursive: true } );
		rmSync( link, { force: true } );
		symlinkSync( path.join( ROOT, 'package.json' ), link );
		probes.push( link );
	} );

	after( () => {
		for ( const file of probes ) {
			rmSync( file, { force: true } );
		}
	} );

	it( 'keeps the site (database, logs) outside the checkout', () => {
		const checkout = realpathSync( ROOT );
		for ( const site of [
			path.resolve( path.dirname( WP_DIR ) ),
			realpathSync( path.dirname( WP_DIR ) ),
		] ) {
			assert.ok(
				! site.startsWith( checkout + path.sep ) &&
					! site.startsWith( path.resolve( ROOT ) + path.sep ),
				`the site ${ site } must not live inside the checkout ${ checkout }`
			);
		}
	} );

	it( 'serves WordPress and the plugin’s built assets', async () => {
		assert.equal( ( await get( '/wp-login.php' ) ).status, 200 );
		const script = await get( `${ PLUGIN }/build/index.js` );
		assert.equal( script.status, 200 );
		assert.match( script.type, /javascript/ );
		assert.equal(
			( await get( '/wp-includes/js/dist/vendor/react.js' ) ).status,
			200
		);
		assert.equal(
			( await get( '/', `localhost:${ new URL( BASE_URL ).port }` ) )
				.status,
			200,
			'localhost with the right port is accepted'
		);
	} );

	it( 'refuses everything else of the checkout', async () => {
		for ( const requestPath of [
			`${ PLUGIN }/.git/config`,
			`${ PLUGIN }/.git`,
			`${ PLUGIN }/.cache/router-probe.txt`,
			`${ PLUGIN }/.cache/wordpress-7.1/wp-includes/version.php`,
			`${ PLUGIN }/%2Ecache/router-probe.txt`,
			`${ PLUGIN }/router-probe.log`,
			`${ PLUGIN }/bin/seed.php`,
			`${ PLUGIN }/bin/lib/php/router.php`,
			`${ PLUGIN }/tests/php/bootstrap.php`,
			`${ PLUGIN }/tests/e2e/helpers.mjs`,
			`${ PLUGIN }/src/index.tsx`,
			`${ PLUGIN }/package.json`,
			`${ PLUGIN }/plugin.php`,
			`${ PLUGIN }/includes/Plugin.php`,
			`${ PLUGIN }/build/index.asset.php`,
			`${ PLUGIN }/build/../package.json`,
			`${ PLUGIN }/`,
		] ) {
			await assertRefused( requestPath );
		}
	} );

	it( 'refuses the site’s logs, databases, configuration and links out of it', async () => {
		for ( const requestPath of [
			'/wp-content/debug.log',
			'/wp-content/router-probe.sqlite',
			'/wp-content/uploads/router-probe-link.json',
			'/wp-config.php',
			'/wp-content/db.php',
			'/wp-content/plugins/sqlite-database-integration/load.php',
			'/.htaccess',
		] ) {
			await assertRefused( requestPath );
		}
	} );

	it( 'refuses a foreign Host header', async () => {
		const { port } = new URL( BASE_URL );
		for ( const host of [
			'evil.example',
			`evil.example:${ port }`,
			`localhost:${ Number( port ) + 1 }`,
			`127.0.0.1.evil.example:${ port }`,
		] ) {
			const { status } = await get( '/wp-login.php', host );
			assert.equal( status, 421, `Host: ${ host } answered ${ status }` );
		}
	} );
} );
