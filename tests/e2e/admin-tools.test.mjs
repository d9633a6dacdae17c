/**
 * Admin tools in Chromium: filter the list → select the page → "select all N matching"
 * → delete with a confirmation naming the exact count → the rows are gone (and nothing else) → the
 * audit trail names the admin and the count; then an export downloads a CSV whose rows are exactly
 * the filtered jobs. The tests run in order and share one logged-in page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import {
	JOBS_PAGE,
	collectPageErrors,
	launchBrowser,
	newLoggedInPage,
	runPhp,
	screenshot,
	seed,
} from './helpers.mjs';

const TABLE = 'table.dm-jobs-table';
const ROWS = `${ TABLE } tbody tr[data-job-id]`;

/**
 * Two pipelines of jobs written straight into the table: in pipeline A, 45 failed jobs (plain and
 * compound statuses), 12 completed and 2 processing; in pipeline B, 5 failed jobs.
 *
 * @return {{a:number, b:number, failedA:number[], completedA:number[], keptIds:number[]}} IDs.
 */
function createJobs() {
	const output = runPhp( `
		global $wpdb;
		$pipelines = $wpdb->prefix . 'dm_pipelines';
		$flows     = $wpdb->prefix . 'dm_flows';
		$jobs      = $wpdb->prefix . 'dm_jobs';
		$ids       = array( 'failedA' => array(), 'completedA' => array(), 'keptIds' => array() );
		foreach ( array( 'a' => 'E2E cleanup A', 'b' => 'E2E cleanup B' ) as $key => $name ) {
			$wpdb->insert( $pipelines, array( 'pipeline_name' => $name, 'pipeline_config' => '{}', 'created_at' => '2026-01-01 00:00:00', 'updated_at' => '2026-01-01 00:00:00' ) );
			$pipeline = (int) $wpdb->insert_id;
			$wpdb->insert( $flows, array( 'pipeline_id' => $pipeline, 'flow_name' => $name . ' flow', 'flow_config' => '{}', 'scheduling_config' => '{"interval":"manual"}' ) );
			$ids[ $key ]        = $pipeline;
			$ids[ $key . 'Flow' ] = (int) $wpdb->insert_id;
		}
		$add = static function ( string $key, string $status, int $minutes_ago ) use ( $wpdb, $jobs, &$ids ): int {
			$created = gmdate( 'Y-m-d H:i:s', time() - $minutes_ago * 60 );
			$final   = ! in_array( $status, array( 'processing', 'pending' ), true );
			$wpdb->insert( $jobs, array( 'pipeline_id' => $ids[ $key ], 'flow_id' => $ids[ $key . 'Flow' ], 'status' => $status, 'engine_data' => '{}', 'created_at' => $created, 'completed_at' => $final ? $created : null ) );
			return (int) $wpdb->insert_id;
		};
		$failed = array( 'failed', 'failed - timeout', 'failed: http_500' );
		for ( $i = 0; $i < 45; $i++ ) {
			$ids['failedA'][] = $add( 'a', $failed[ $i % 3 ], 600 - $i );
		}
		for ( $i = 0; $i < 12; $i++ ) {
			$ids['completedA'][] = $add( 'a', 0 === $i % 4 ? 'completed - 3 items' : 'completed', 500 - $i );
		}
		for ( $i = 0; $i < 2; $i++ ) {
			$ids['keptIds'][] = $add( 'a', 'processing', 10 + $i );
		}
		for ( $i = 0; $i < 5; $i++ ) {
			$ids['keptIds'][] = $add( 'b', 'failed', 400 - $i );
		}
		$ids['keptIds'] = array_merge( $ids['keptIds'], $ids['completedA'] );
		echo wp_json_encode( $ids );
	` );
	return JSON.parse( output.trim().split( '\n' ).pop() );
}

/**
 * @param {number[]} ids
 * @return {number[]} Those that still exist.
 */
function existing( ids ) {
	const output = runPhp( `
		global $wpdb;
		$ids = array_map( 'intval', json_decode( '${ JSON.stringify( ids ) }', true ) );
		echo wp_json_encode( array_map( 'intval', $wpdb->get_col( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE job_id IN (" . implode( ',', $ids ) . ') ORDER BY job_id' ) ) );
	` );
	return JSON.parse( output.trim().split( '\n' ).pop() );
}

/**
 * Opens the Jobs screen with a filter in its URL and waits for the rows.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         query e.g. "status=failed&pipeline=3".
 */
async function openFiltered( page, query ) {
	await page.goto( `${ JOBS_PAGE }&${ query }` );
	await page.locator( ROWS ).first().waitFor();
	// The first rows are printed by PHP: a checkbox ticked before the app takes them over is not the app's.
	await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
}

/**
 * @param {import('playwright-core').Page} page
 * @return {Promise<string[]>} data-status of every badge shown.
 */
function shownStatuses( page ) {
	return page
		.locator( `${ ROWS } .dm-jobs-status-badge` )
		.evaluateAll( ( badges ) =>
			badges.map( ( badge ) => badge.getAttribute( 'data-status' ) )
		);
}

describe( 'Admin tools', () => {
	let browser;
	let page;
	let errors;
	let jobs;

	before( async () => {
		seed( [ '--jobs=0', '--reset' ] );
		jobs = createJobs();
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
		errors = collectPageErrors( page );
	} );

	after( async () => {
		await browser?.close();
		// Deletions make the list's count snapshot stale until WP-Cron rebuilds it (cron is off on
		// the test site): rebuild it now, as cron would, so later tests start from fresh counts.
		runPhp( "do_action( 'dm_jobs_refresh_counts' );" );
	} );

	it( 'filter → select all matching → delete with the exact count → rows gone', async () => {
		await openFiltered( page, `status=failed&pipeline=${ jobs.a }` );
		assert.deepEqual(
			[ ...new Set( await shownStatuses( page ) ) ],
			[ 'failed' ],
			'the list is filtered'
		);

		await page
			.getByRole( 'checkbox', { name: 'Select all jobs on this page' } )
			.check();
		await page
			.getByRole( 'button', {
				name: 'Select all 45 jobs matching the current filter',
			} )
			.click();
		await page
			.getByText(
				'All 45 jobs matching the current filter are selected.'
			)
			.waitFor();
		await page.getByRole( 'button', { name: 'Bulk actions…' } ).click();

		const dialog = page.getByRole( 'dialog', { name: 'Admin tools' } );
		await dialog.waitFor();
		await dialog
			.getByRole( 'button', { name: /Dry run/ } )
			.first()
			.click();
		await dialog
			.getByText( 'Exactly 45 jobs would be affected.' )
			.waitFor();
		await screenshot( page, 'admin-tools-confirm' );
		await dialog.getByRole( 'button', { name: 'Delete 45 jobs' } ).click();
		await dialog
			.getByText( /Delete jobs finished: 45 jobs/ )
			.first()
			.waitFor( { timeout: 60_000 } );
		await screenshot( page, 'admin-tools-deleted' );
		await dialog.getByRole( 'button', { name: 'Close' } ).click();

		assert.deepEqual(
			existing( jobs.failedA ),
			[],
			'every matching job is gone'
		);
		assert.deepEqual(
			existing( jobs.keptIds ),
			[ ...jobs.keptIds ].sort( ( x, y ) => x - y ),
			'nothing else was touched'
		);
		await page
			.getByText( /No jobs match/ )
			.first()
			.waitFor();
		assert.equal( await page.locator( ROWS ).count(), 0 );
	} );

	it( 'the audit trail names the admin and the count', async () => {
		await page
			.getByRole( 'button', { name: 'Admin', exact: true } )
			.click();
		const dialog = page.getByRole( 'dialog', { name: 'Admin tools' } );
		await dialog.getByRole( 'tab', { name: 'Audit' } ).click();
		const entry = dialog
			.locator( 'tr[data-audit-action="jobs.bulk_delete"]' )
			.first();
		await entry.waitFor();
		assert.equal(
			(
				await entry.locator( '.dm-jobs-audit-actor' ).textContent()
			).trim(),
			'admin'
		);
		assert.equal(
			(
				await entry.locator( '.dm-jobs-audit-affected' ).textContent()
			).trim(),
			'45'
		);
		await screenshot( page, 'admin-tools-audit' );
		await dialog.getByRole( 'button', { name: 'Close' } ).click();
	} );

	it( 'export downloads a CSV whose rows are exactly the filtered jobs', async () => {
		await openFiltered( page, `status=completed&pipeline=${ jobs.a }` );
		await page
			.getByRole( 'button', { name: 'Admin', exact: true } )
			.click();
		const dialog = page.getByRole( 'dialog', { name: 'Admin tools' } );
		await dialog.getByRole( 'tab', { name: 'Export' } ).click();
		const [ download ] = await Promise.all( [
			page.waitForEvent( 'download' ),
			dialog.getByRole( 'link', { name: 'Download CSV' } ).click(),
		] );
		assert.match( download.suggestedFilename(), /^dm-jobs-.*\.csv$/ );
		const csv = ( await readFile( await download.path(), 'utf8' ) ).replace(
			/^\uFEFF/,
			''
		);
		const [ header, ...lines ] = csv.trim().split( '\n' );
		assert.equal(
			header.split( ',' ).slice( 0, 6 ).join( ',' ),
			'id,pipeline_id,pipeline_name,flow_id,flow_name,status'
		);
		const rows = lines.map( ( line ) => line.split( ',' ) );
		assert.deepEqual(
			rows.map( ( row ) => Number( row[ 0 ] ) ),
			[ ...jobs.completedA ].sort( ( x, y ) => x - y )
		);
		assert.ok(
			rows.every(
				( row ) =>
					row[ 5 ] === 'completed' && Number( row[ 1 ] ) === jobs.a
			)
		);
		await dialog.getByRole( 'button', { name: 'Close' } ).click();
		assert.deepEqual( errors, [], 'no JavaScript errors' );
	} );
} );
