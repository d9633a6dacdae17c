/**
 * Run a flow again from a failed job in Chromium: a test mu-plugin provides the runner
 * through DM Jobs' `dm_jobs_flow_runner` filter (real Data Machine cannot run here) and finishes the
 * job a few seconds later by writing the row, as Data Machine does. The admin opens the failed job,
 * presses "Re-run", confirms a dialog that names the flow, sees the new job at the top of the list,
 * highlighted, and hears (snackbar, live region) when it finishes; the failed job stays as it was.
 */
import assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
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

const TABLE = 'table.dm-jobs-table';
const MU_PLUGIN = () =>
	path.join( WP_DIR, 'wp-content/mu-plugins/dm-jobs-e2e-flow-runner.php' );

describe( 'Re-run a failed job through the flow runner', () => {
	let browser;
	let page;
	let errors;
	let ids;

	before( async () => {
		copyFileSync(
			path.join( ROOT, 'tests/e2e/fixtures/flow-runner-mu-plugin.php' ),
			MU_PLUGIN()
		);
		ids = JSON.parse(
			runPhp( `
				global $wpdb;
				$wpdb->insert( $wpdb->prefix . 'dm_pipelines', array( 'pipeline_name' => 'E2E Rerun pipeline', 'pipeline_config' => '{}', 'created_at' => '2026-01-01 00:00:00', 'updated_at' => '2026-01-01 00:00:00' ) );
				$pipeline = (int) $wpdb->insert_id;
				$wpdb->insert( $wpdb->prefix . 'dm_flows', array( 'pipeline_id' => $pipeline, 'flow_name' => 'E2E nightly import', 'flow_config' => '{}', 'scheduling_config' => '{"interval":"manual"}' ) );
				$flow = (int) $wpdb->insert_id;
				$created = gmdate( 'Y-m-d H:i:s', time() - 600 );
				$wpdb->insert( $wpdb->prefix . 'dm_jobs', array( 'pipeline_id' => $pipeline, 'flow_id' => $flow, 'status' => 'failed - timeout', 'engine_data' => '{"error_message":"Feed timed out"}', 'created_at' => $created, 'completed_at' => $created ) );
				$failed = (int) $wpdb->insert_id;
				update_option( 'dm_jobs_e2e_run_seconds', 5 );
				echo wp_json_encode( array( 'pipeline' => $pipeline, 'flow' => $flow, 'failed' => $failed ) );
			` )
		);
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
		errors = collectPageErrors( page );
	} );

	after( async () => {
		rmSync( MU_PLUGIN(), { force: true } );
		await browser?.close();
	} );

	it( 'runs the flow, shows the new job at once and announces when it finishes', async () => {
		await page.goto( `${ JOBS_PAGE }&status=failed&job=${ ids.failed }` );
		const details = page.locator( '.dm-jobs-details' );
		await details
			.getByRole( 'heading', { name: `Job #${ ids.failed }` } )
			.waitFor();

		await details.getByRole( 'button', { name: 'Re-run' } ).click();
		const dialog = page.getByRole( 'dialog', {
			name: `Re-run job #${ ids.failed }?`,
		} );
		await dialog.waitFor();
		assert.match( await dialog.innerText(), /E2E nightly import/ );
		await screenshot( page, 'run-flow-confirm' );
		await dialog
			.getByRole( 'button', { name: 'Run “E2E nightly import”' } )
			.click();
		await dialog.waitFor( { state: 'detached' } );

		// The new job: at the top of the unfiltered list, highlighted, its details open.
		const highlighted = page.locator(
			`${ TABLE } tbody tr[data-highlighted="true"]`
		);
		await highlighted.waitFor();
		const newId = Number( await highlighted.getAttribute( 'data-job-id' ) );
		assert.ok(
			newId > ids.failed,
			`a new job (${ newId }) above the failed one`
		);
		const newest = page
			.locator( `${ TABLE } tbody tr[data-job-id]` )
			.first();
		assert.equal(
			Number( await newest.getAttribute( 'data-job-id' ) ),
			newId,
			'at the top of the list'
		);
		await details
			.getByRole( 'heading', { name: `Job #${ newId }` } )
			.waitFor();
		assert.match( await newest.innerText(), /Processing/i );
		assert.ok(
			! new URL( page.url() ).searchParams.has( 'status' ),
			'the failed filter no longer hides it'
		);
		await screenshot( page, 'run-flow-started' );

		// Data Machine (the mu-plugin) finishes it; the live poll notices and announces it.
		const snackbar = page.locator( '.dm-jobs-completion-snackbars' );
		await snackbar
			.getByText(
				`Job #${ newId } (E2E nightly import) finished: Completed.`
			)
			.waitFor( { timeout: 30_000 } );
		await page.waitForFunction(
			( id ) =>
				/Completed/i.test(
					document.querySelector( `tr[data-job-id="${ id }"]` )
						?.textContent ?? ''
				),
			newId,
			{ timeout: 15_000 }
		);
		await screenshot( page, 'run-flow-finished' );

		const stored = JSON.parse(
			runPhp(
				`echo wp_json_encode( array( dm_jobs_get_job( ${ ids.failed } )['raw_status'], dm_jobs_get_job( ${ newId } )['status'] ) );`
			)
		);
		assert.deepEqual( stored, [ 'failed - timeout', 'completed' ] );
		const audit = runPhp(
			`echo wp_json_encode( ( new \\DMJobs\\Audit\\Repository\\AuditRepository() )->find_page( array( 'action' => 'flow.rerun' ), 1, 0 ) );`
		);
		assert.match( audit, new RegExp( `"job_id":"${ newId }"` ) );
		assert.deepEqual( errors, [] );
	} );
} );
