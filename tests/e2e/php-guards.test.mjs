/**
 * Every PHP file of the checkout refuses to run when a web server requests it directly: a plain
 * `php -S` serving the checkout itself (no router, so every .php file runs) answers each one with an
 * empty page and writes no error. Without the guards, class files die with "Class not found" fatals
 * and the tools in bin/ try to load WordPress.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ROOT } from './helpers.mjs';

/**
 * A free TCP port on 127.0.0.1.
 *
 * @return {Promise<number>} The port.
 */
function freePort() {
	return new Promise( ( resolve, reject ) => {
		const server = createServer();
		server.unref();
		server.on( 'error', reject );
		server.listen( 0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
	} );
}

/**
 * Waits until the server answers.
 *
 * @param {string} url
 */
async function waitForServer( url ) {
	for ( let attempt = 0; attempt < 100; attempt++ ) {
		try {
			await fetch( url );
			return;
		} catch {
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
	}
	throw new Error( `${ url } did not answer` );
}

describe( 'PHP files requested directly', () => {
	const log = path.join( os.tmpdir(), `dm-jobs-guards-${ process.pid }.log` );
	let server;
	let base;

	before( async () => {
		const port = await freePort();
		base = `http://127.0.0.1:${ port }`;
		server = spawn(
			'php',
			[
				'-d',
				'display_errors=stderr',
				'-d',
				'log_errors=1',
				'-d',
				`error_log=${ log }`,
				'-S',
				`127.0.0.1:${ port }`,
				'-t',
				ROOT,
			],
			{ stdio: 'ignore' }
		);
		await waitForServer( `${ base }/` );
	} );

	after( () => {
		server?.kill();
		rmSync( log, { force: true } );
	} );

	it( 'answer with an empty page and no PHP error', async () => {
		const files = execFileSync(
			'git',
			[
				'ls-files',
				'--cached',
				'--others',
				'--exclude-standard',
				'*.php',
			],
			{ cwd: ROOT, encoding: 'utf8' }
		)
			.split( '\n' )
			.filter(
				( file ) =>
					/^(includes\/|bin\/|tests\/|plugin\.php$|uninstall\.php$)/.test(
						file
					) && file !== 'bin/lib/php/router.php'
			);
		assert.ok( files.length > 50, `found ${ files.length } PHP files` );
		const answered = [];
		for ( const file of files ) {
			const response = await fetch( `${ base }/${ file }` );
			const body = await response.text();
			if ( body.trim() !== '' ) {
				answered.push( `${ file }: ${ body.trim().slice( 0, 120 ) }` );
			}
		}
		assert.deepEqual( answered, [], 'files that produced output' );
		let errors = '';
		try {
			errors = readFileSync( log, 'utf8' );
		} catch {
			// No log file: nothing was logged.
		}
		assert.equal( errors.trim(), '', 'PHP logged errors' );
	} );
} );
