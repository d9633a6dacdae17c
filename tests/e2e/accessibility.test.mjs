/**
 * Accessibility and keyboard: axe-core over every state of the screen at 1280 and 360 px
 * (jobs list, filters, selection, details panel, log with a selected line, every Admin tool with a
 * dry run, Insights) with zero violations in the plugin's own markup; keyboard paths: a job opens
 * through a named control, few Tab stops per row, focus never drops to <body> after Dry run or
 * Back (Escape still closes the modal), no invisible Tab stops in Insights, a long log is skipped
 * in one step. Screenshots of each state at both widths go to artifacts/screenshots/a11y-*.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	JOBS_PAGE,
	ROOT,
	collectPageErrors,
	launchBrowser,
	newLoggedInPage,
	runPhp,
	screenshot,
	seed,
} from './helpers.mjs';

const TABLE = 'table.dm-jobs-table';
const ROWS = `${ TABLE } tbody tr[data-job-id]`;
const AXE_SOURCE = readFileSync(
	path.join( ROOT, 'node_modules', 'axe-core', 'axe.min.js' ),
	'utf8'
);

/**
 * Where the plugin's own markup lives: its root, and its modals and popovers (portalled to <body>).
 */
const OWN =
	'#dm-jobs-root, .dm-jobs-admin-modal, .components-popover, .components-modal__screen-overlay';

/**
 * Runs axe-core in the page and returns the violations whose nodes are the plugin's own.
 *
 * @param {import('playwright-core').Page} page
 * @return {Promise<string[]>} One line per violating node.
 */
async function ownViolations( page ) {
	if ( ! ( await page.evaluate( () => 'axe' in window ) ) ) {
		await page.addScriptTag( { content: AXE_SOURCE } );
	}
	return page.evaluate( async ( own ) => {
		const results = await window.axe.run( window.document, {
			resultTypes: [ 'violations' ],
		} );
		const lines = [];
		for ( const violation of results.violations ) {
			for ( const node of violation.nodes ) {
				const selector = node.target[ node.target.length - 1 ];
				const element =
					typeof selector === 'string'
						? window.document.querySelector( selector )
						: null;
				if ( element && element.closest( own ) ) {
					lines.push(
						`${ violation.id }: ${ node.target.join(
							' '
						) } — ${ node.failureSummary?.split( '\n' )[ 1 ] ?? '' }`
					);
				}
			}
		}
		return lines;
	}, OWN );
}

/**
 * Checks a state with axe and saves its screenshot.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         name State name (screenshot file a11y-<name>.png).
 */
async function checkState( page, name ) {
	await page.waitForTimeout( 200 ); // Let transitions settle before measuring colours.
	const violations = await ownViolations( page );
	await screenshot( page, `a11y-${ name }` );
	assert.deepEqual( violations, [], `${ name }: axe violations` );
}

/**
 * The element that has focus, described.
 *
 * @param {import('playwright-core').Page} page
 */
function focused( page ) {
	return page.evaluate( () => {
		const element = window.document.activeElement;
		const box = element?.getBoundingClientRect();
		return {
			tag: element?.tagName ?? null,
			text: ( element?.textContent ?? '' ).trim().slice( 0, 60 ),
			label: element?.getAttribute( 'aria-label' ) ?? null,
			width: box?.width ?? 0,
			height: box?.height ?? 0,
			inModal: !! element?.closest( '.dm-jobs-admin-modal' ),
			inInsights: !! element?.closest( '.dm-jobs-insights' ),
		};
	} );
}

async function openAdminTool( page, tab ) {
	await page.getByRole( 'button', { name: 'Admin', exact: true } ).click();
	const modal = page.locator( '.dm-jobs-admin-modal' );
	await modal.waitFor();
	await modal.getByRole( 'tab', { name: tab, exact: true } ).click();
	return modal;
}

describe( 'Accessibility and keyboard', () => {
	let browser;
	let failedJob;

	before( async () => {
		seed( [ '--jobs=400', '--reset', '--logs=300' ] );
		failedJob = Number(
			runPhp( `
				global $wpdb;
				echo (int) $wpdb->get_var( "SELECT j.job_id FROM {$wpdb->prefix}dm_jobs j WHERE j.status LIKE 'failed%' AND EXISTS (SELECT 1 FROM {$wpdb->prefix}dm_job_logs l WHERE l.job_id = j.job_id) ORDER BY j.job_id DESC LIMIT 1" );
			` )
		);
		// A long log, to skip past.
		runPhp( `
			$logs = new \\DMJobs\\Logs\\LogService();
			for ( $i = 1; $i <= 300; $i++ ) {
				$logs->append( ${ failedJob }, 0 === $i % 50 ? 'warning' : 'debug', "Polling the feed, attempt {$i}", array( 'attempt' => $i, 'at' => '2026-12-06T03:23:23Z' ), 'fetch' );
			}
			$service = new \\DMJobs\\Metrics\\RollupService();
			$service->reset();
			$service->catch_up( 120 );
			echo 'ok';
		` );
		browser = await launchBrowser();
	} );

	after( async () => {
		await browser?.close();
	} );

	for ( const width of [ 1280, 360 ] ) {
		it( `has no axe violations in any state at ${ width } px`, async () => {
			const page = await newLoggedInPage( browser, {
				width,
				height: 900,
			} );
			const errors = collectPageErrors( page );
			await page.goto( JOBS_PAGE );
			await page.locator( ROWS ).first().waitFor();
			await checkState( page, `${ width }-jobs-list` );

			const filters = page.getByRole( 'button', {
				name: /^(Filters|More filters)/,
			} );
			if ( ( await filters.count() ) > 0 ) {
				await filters.first().click();
				await checkState( page, `${ width }-filters` );
			}

			await page
				.locator( `${ ROWS } input[type="checkbox"]` )
				.first()
				.check();
			await checkState( page, `${ width }-selection` );
			await page
				.getByRole( 'button', { name: 'Clear selection' } )
				.click();

			await page.goto( `${ JOBS_PAGE }&job=${ failedJob }` );
			const panel = page.locator( '.dm-jobs-details' );
			await panel.locator( '.dm-jobs-facts' ).first().waitFor();
			await checkState( page, `${ width }-details` );

			const line = panel.locator( '.dm-jobs-log-line-button' ).last();
			await line.waitFor();
			await line.click();
			await panel.locator( '.dm-jobs-log-details' ).waitFor();
			await checkState( page, `${ width }-log-line` );
			await page.keyboard.press( 'Escape' );

			await page.goto( JOBS_PAGE );
			await page.locator( ROWS ).first().waitFor();
			const modal = await openAdminTool( page, 'Bulk' );
			for ( const tab of [
				'Bulk',
				'Cleanup',
				'Retention',
				'Maintenance',
				'Export',
				'Audit',
			] ) {
				await modal
					.getByRole( 'tab', { name: tab, exact: true } )
					.click();
				await page.waitForLoadState( 'networkidle' );
				await checkState(
					page,
					`${ width }-admin-${ tab.toLowerCase().replace( /\W+/g, '-' ) }`
				);
			}
			await modal
				.getByRole( 'tab', { name: 'Cleanup', exact: true } )
				.click();
			await modal
				.getByRole( 'button', { name: /Dry run/ } )
				.first()
				.click();
			await modal.locator( '.dm-jobs-admin-count' ).first().waitFor();
			await checkState( page, `${ width }-admin-cleanup-dry-run` );
			await page.keyboard.press( 'Escape' );
			await modal.waitFor( { state: 'detached' } );

			await page.goto( `${ JOBS_PAGE }&view=insights` );
			await page
				.locator(
					'.dm-jobs-insights-card[data-chart="volume"][data-state="ready"]'
				)
				.waitFor();
			await page.waitForLoadState( 'networkidle' );
			await checkState( page, `${ width }-insights` );
			assert.deepEqual( errors, [] );
			await page.context().close();
		} );
	}

	it( 'opens a job through its named ID link, with two Tab stops per row at most', async () => {
		const page = await newLoggedInPage( browser );
		await page.goto( JOBS_PAGE );
		const first = page.locator( ROWS ).first();
		await first.waitFor();
		const stops = await page.evaluate( ( rows ) => {
			const focusable =
				'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';
			return Array.from(
				window.document.querySelectorAll( rows ),
				( row ) => ( {
					row: row.matches( focusable ),
					inside: Array.from( row.querySelectorAll( focusable ) ).map(
						( element ) => element.tagName
					),
				} )
			);
		}, ROWS );
		assert.ok( stops.length > 10 );
		for ( const stop of stops ) {
			assert.equal( stop.row, false, 'a row itself is not a Tab stop' );
			assert.ok( stop.inside.length <= 2, stop.inside.join( ', ' ) );
			assert.ok(
				! stop.inside.includes( 'TIME' ),
				'a <time> is not a Tab stop'
			);
		}

		const id = Number( await first.getAttribute( 'data-job-id' ) );
		const link = first.getByRole( 'link', {
			name: new RegExp( `\\b${ id }\\b` ),
		} );
		await link.focus();
		await page.keyboard.press( 'Enter' );
		const panel = page.locator( '.dm-jobs-details' );
		await panel.locator( '.dm-jobs-facts' ).first().waitFor();
		assert.match( page.url(), new RegExp( `[?&]job=${ id }(&|$)` ) );
		await page.keyboard.press( 'Escape' );
		await panel.waitFor( { state: 'detached' } );
		const back = await focused( page );
		assert.equal( back.tag, 'A', 'focus returns to the job link' );
		assert.match( back.text, new RegExp( `${ id }` ) );
		await page.context().close();
	} );

	it( 'keeps focus in the Admin modal after Dry run and Back, and Escape still closes it', async () => {
		const page = await newLoggedInPage( browser );
		await page.goto( JOBS_PAGE );
		await page.locator( ROWS ).first().waitFor();
		for ( const tab of [ 'Cleanup', 'Retention', 'Bulk' ] ) {
			const modal = await openAdminTool( page, tab );
			const dryRun = modal
				.getByRole( 'button', { name: /Dry run/ } )
				.first();
			if ( ( await dryRun.count() ) === 0 ) {
				await page.keyboard.press( 'Escape' );
				await modal.waitFor( { state: 'detached' } );
				continue;
			}
			await dryRun.focus();
			await page.keyboard.press( 'Enter' );
			await modal
				.locator( '.dm-jobs-admin-count, .dm-jobs-admin-preview' )
				.first()
				.waitFor();
			await page.waitForTimeout( 100 );
			let now = await focused( page );
			assert.ok(
				now.inModal,
				`${ tab }: after Dry run focus is on ${ now.tag } "${ now.text }"`
			);

			const back = modal
				.getByRole( 'button', { name: 'Back', exact: true } )
				.first();
			if ( ( await back.count() ) > 0 ) {
				await back.focus();
				await page.keyboard.press( 'Enter' );
				await page.waitForTimeout( 100 );
				now = await focused( page );
				assert.ok(
					now.inModal,
					`${ tab }: after Back focus is on ${ now.tag } "${ now.text }"`
				);
				assert.match( now.text, /Dry run/ );
			}
			await page.keyboard.press( 'Escape' );
			await modal.waitFor( { state: 'detached' } );
		}
		await page.context().close();
	} );

	it( 'has no invisible Tab stops in Insights', async () => {
		const page = await newLoggedInPage( browser );
		await page.goto( `${ JOBS_PAGE }&view=insights` );
		await page
			.locator(
				'.dm-jobs-insights-card[data-chart="volume"][data-state="ready"]'
			)
			.waitFor();
		await page.waitForLoadState( 'networkidle' );
		await page
			.getByRole( 'tab', { name: 'Insights', exact: true } )
			.focus();
		const invisible = [];
		for ( let step = 0; step < 80; step++ ) {
			await page.keyboard.press( 'Tab' );
			const now = await focused( page );
			if ( ! now.inInsights && step > 5 ) {
				break;
			}
			if ( now.width < 4 || now.height < 4 ) {
				invisible.push( `${ now.tag } ${ now.label ?? now.text }` );
			}
		}
		assert.deepEqual( invisible, [] );
		await page.context().close();
	} );

	it( 'skips a long log in one step', async () => {
		const page = await newLoggedInPage( browser );
		await page.goto( `${ JOBS_PAGE }&job=${ failedJob }` );
		const panel = page.locator( '.dm-jobs-details' );
		const skip = panel.getByRole( 'button', { name: /Skip the log/ } );
		await skip.waitFor( { state: 'attached' } );
		await skip.focus();
		assert.ok(
			( await focused( page ) ).width > 4,
			'the skip link shows when focused'
		);
		await page.keyboard.press( 'Enter' );
		assert.equal( ( await focused( page ) ).text, 'End of the log' );
		await page.keyboard.press( 'Tab' );
		const next = await focused( page );
		assert.ok(
			! /Polling the feed/.test( next.text ),
			`past the log: ${ next.text }`
		);
		await page.context().close();
	} );
} );
