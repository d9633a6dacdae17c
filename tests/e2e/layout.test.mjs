/**
 * Layout in Chromium, measured with bounding boxes at 1280 and 360 px: every column of
 * the list is reachable beside the open details panel; job cards are compact on phones; the Admin
 * modal's stacked tables keep their captions and column labels readable; ticking a checkbox does
 * not move the table; the Admin button sits next to the page title. Screenshots of each state go
 * to artifacts/screenshots/layout-*.png.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	JOBS_PAGE,
	SCREENSHOT_DIR,
	collectPageErrors,
	launchBrowser,
	newLoggedInPage,
	screenshot,
	seed,
} from './helpers.mjs';

const TABLE = 'table.dm-jobs-table';
const ROWS = `${ TABLE } tbody tr[data-job-id]`;

/**
 * Opens the Jobs screen at a width and waits for the app (rows, toolbar, Admin button).
 *
 * @param {import('playwright-core').Page} page
 * @param {number}                         width
 * @param {string}                         [query] Extra URL parameters, e.g. "&job=12".
 */
async function openJobs( page, width, query = '' ) {
	await page.setViewportSize( { width, height: 900 } );
	await page.goto( JOBS_PAGE + query );
	await page.locator( '#dm-jobs-root[data-app-ready]' ).waitFor();
	await page.locator( ROWS ).first().waitFor();
	await page.getByRole( 'button', { name: 'Admin', exact: true } ).waitFor();
}

/**
 * Saves the full page and, apart, what the viewport shows (artifacts/screenshots/<name>.png and
 * <name>-viewport.png): a long page scaled to fit an image viewer is too small to judge.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         name
 */
async function screenshots( page, name ) {
	await screenshot( page, name );
	await page.screenshot( {
		path: path.join( SCREENSHOT_DIR, `${ name }-viewport.png` ),
	} );
}

/**
 * Whether the page scrolls sideways (it should not: wide content scrolls inside its own region).
 *
 * @param {import('playwright-core').Page} page
 * @return {Promise<number>} How many pixels the document overflows its viewport.
 */
function documentOverflow( page ) {
	return page.evaluate(
		() =>
			document.documentElement.scrollWidth -
			document.documentElement.clientWidth
	);
}

/**
 * The Admin modal, opened on a tab.
 *
 * @param {import('playwright-core').Page} page
 * @param {string}                         tab
 * @return {Promise<import('playwright-core').Locator>} The modal.
 */
async function openAdminTab( page, tab ) {
	const modal = page.locator( '.dm-jobs-admin-modal' );
	if ( ! ( await modal.isVisible() ) ) {
		await page
			.getByRole( 'button', { name: 'Admin', exact: true } )
			.click();
		await modal.waitFor();
	}
	await modal.getByRole( 'tab', { name: tab, exact: true } ).click();
	return modal;
}

/**
 * How a table caption is laid out: its width against its table's, and its line count.
 *
 * @param {import('playwright-core').Locator} caption
 * @return {Promise<{width:number, tableWidth:number, lines:number, text:string}>} Measures.
 */
function captionLayout( caption ) {
	return caption.evaluate( ( element ) => {
		const table = element.closest( 'table' );
		const lineHeight =
			parseFloat( window.getComputedStyle( element ).lineHeight ) || 20;
		const box = element.getBoundingClientRect();
		return {
			width: box.width,
			tableWidth: table.getBoundingClientRect().width,
			lines: Math.round( box.height / lineHeight ),
			text: element.textContent.trim(),
		};
	} );
}

describe( 'Layout', () => {
	let browser;
	let page;
	let errors;

	before( async () => {
		seed( [ '--jobs=120', '--reset' ] );
		browser = await launchBrowser();
		page = await newLoggedInPage( browser );
		errors = collectPageErrors( page );
	} );

	after( async () => {
		await browser?.close();
	} );

	it( 'shows every column beside the open details panel at 1280 px', async () => {
		await openJobs( page, 1280 );
		const jobId = await page
			.locator( ROWS )
			.first()
			.getAttribute( 'data-job-id' );
		await screenshots( page, 'layout-1280-list' );
		await page.goto( `${ JOBS_PAGE }&job=${ jobId }` );
		const panel = page.locator( '.dm-jobs-details' );
		await panel.locator( '.dm-jobs-facts' ).first().waitFor();
		await page.locator( ROWS ).first().waitFor();
		await screenshots( page, 'layout-1280-details' );

		assert.ok(
			( await documentOverflow( page ) ) <= 1,
			'the page itself does not scroll sideways'
		);
		const panelLeft = ( await panel.boundingBox() ).x;
		const list = await page
			.locator( '.dm-jobs-table-scroll' )
			.boundingBox();
		assert.ok(
			list.x + list.width <= panelLeft + 1,
			`the list (right edge ${ list.x + list.width }) ends where the panel begins (${ panelLeft })`
		);

		// Each header and the first row's cell under it, brought into view the way a user scrolls
		// (the list's own scrollbar, or focus moving into it), are on screen and not under the panel.
		const columns = await page.evaluate(
			( [ table, left ] ) => {
				const headers = Array.from(
					document.querySelectorAll( `${ table } thead th` )
				);
				const firstRow = document.querySelector(
					`${ table } tbody tr[data-job-id]`
				);
				return headers.map( ( header, index ) => {
					const cell = firstRow.children[ index ];
					cell.scrollIntoView( {
						block: 'nearest',
						inline: 'nearest',
					} );
					header.scrollIntoView( {
						block: 'nearest',
						inline: 'nearest',
					} );
					const box = header.getBoundingClientRect();
					const cellBox = cell.getBoundingClientRect();
					const hit = ( rect ) =>
						document.elementFromPoint(
							rect.left + Math.min( 8, rect.width / 2 ),
							rect.top + rect.height / 2
						);
					return {
						name: header.textContent.trim() || header.className,
						left: box.left,
						right: box.right,
						width: box.width,
						headerShown: header.contains( hit( box ) ),
						cellShown: cell.contains( hit( cellBox ) ),
						beside: box.right <= left + 1 && box.left >= 0,
					};
				} );
			},
			[ TABLE, panelLeft ]
		);
		assert.equal( columns.length, 7 );
		for ( const column of columns ) {
			assert.ok(
				column.beside && column.headerShown && column.cellShown,
				`${ column.name } is reachable: ${ JSON.stringify( column ) }`
			);
			assert.ok( column.width >= 24, `${ column.name } is not crushed` );
		}
		await page.keyboard.press( 'Escape' );
		await panel.waitFor( { state: 'detached' } );
	} );

	it( 'keeps the table in place when the first checkbox is ticked, so Shift-click hits its target', async () => {
		for ( const width of [ 1280, 360 ] ) {
			await openJobs( page, width );
			const boxes = page.locator( `${ ROWS } input.dm-jobs-select-row` );
			const fifthBefore = await boxes.nth( 4 ).boundingBox();
			await boxes.nth( 0 ).check();
			const bar = page.getByRole( 'region', { name: 'Selection' } );
			await bar.waitFor();
			const fifthAfter = await boxes.nth( 4 ).boundingBox();
			assert.deepEqual(
				{ x: fifthAfter.x, y: fifthAfter.y },
				{ x: fifthBefore.x, y: fifthBefore.y },
				`the fifth checkbox stays put at ${ width } px`
			);
			await screenshots( page, `layout-${ width }-selection` );
			await boxes.nth( 4 ).click( { modifiers: [ 'Shift' ] } );
			await assert.doesNotReject(
				bar.getByText( '5 jobs selected.' ).waitFor()
			);
			const barBox = await bar.boundingBox();
			const viewport = page.viewportSize();
			assert.ok(
				barBox.y >= 0 &&
					barBox.y + barBox.height <= viewport.height + 1,
				`the selection bar is on screen at ${ width } px: ${ JSON.stringify( barBox ) }`
			);
			await bar
				.getByRole( 'button', { name: 'Clear selection' } )
				.click();
			await bar.waitFor( { state: 'detached' } );
		}
	} );

	it( 'puts the Admin button next to the page title', async () => {
		for ( const width of [ 1280, 360 ] ) {
			await openJobs( page, width );
			const title = await page
				.getByRole( 'heading', { level: 1, name: 'Jobs' } )
				.boundingBox();
			const button = await page
				.getByRole( 'button', { name: 'Admin', exact: true } )
				.boundingBox();
			const titleMiddle = title.y + title.height / 2;
			assert.ok(
				button.y <= titleMiddle &&
					button.y + button.height >= titleMiddle,
				`Admin (${ JSON.stringify( button ) }) is on the title's line (${ JSON.stringify( title ) }) at ${ width } px`
			);
			assert.ok(
				button.x >= title.x + title.width &&
					button.x - ( title.x + title.width ) <= 40,
				`Admin follows the title at ${ width } px`
			);
			const tabs = await page
				.getByRole( 'tablist', { name: 'Jobs views' } )
				.boundingBox();
			assert.ok(
				tabs.y >= button.y + button.height,
				'the view tabs come after the title row'
			);
		}
	} );

	it( 'shows compact job cards at 360 px', async () => {
		await openJobs( page, 360 );
		await screenshots( page, 'layout-360-list' );
		assert.ok(
			( await documentOverflow( page ) ) <= 1,
			'no horizontal overflow at 360 px'
		);
		const cards = await page.locator( ROWS ).evaluateAll( ( rows ) =>
			rows.map( ( row ) => {
				const box = row.getBoundingClientRect();
				const shown = ( selector ) => {
					const element = row.querySelector( selector );
					if ( ! element ) {
						return false;
					}
					const inner = element.getBoundingClientRect();
					return (
						inner.width > 0 &&
						inner.height > 0 &&
						inner.left >= box.left - 1 &&
						inner.right <= box.right + 1 &&
						inner.top >= box.top - 1 &&
						inner.bottom <= box.bottom + 1
					);
				};
				return {
					id: row.getAttribute( 'data-job-id' ),
					height: box.height,
					failed: !! row.querySelector( '.dm-jobs-error-summary' ),
					link: shown( '.dm-jobs-open-job' ),
					status: shown( '.dm-jobs-status-badge' ),
					name: shown( 'td.dm-jobs-column-pipeline-flow' ),
					created: shown( 'td.dm-jobs-column-created .dm-jobs-time' ),
					completed: shown(
						'td.dm-jobs-column-completed .dm-jobs-time'
					),
					duration: shown( 'td.dm-jobs-column-duration' ),
				};
			} )
		);
		assert.equal( cards.length, 20 );
		for ( const card of cards ) {
			assert.ok(
				card.link &&
					card.status &&
					card.name &&
					card.created &&
					card.completed &&
					card.duration,
				`card ${ card.id } shows its link, status, name and times: ${ JSON.stringify( card ) }`
			);
			assert.ok(
				card.height <= ( card.failed ? 140 : 120 ),
				`card ${ card.id } is ${ card.height } px tall`
			);
		}
		const total = cards.reduce( ( sum, card ) => sum + card.height, 0 );
		assert.ok( total <= 20 * 120, `a page of 20 cards is ${ total } px` );
	} );

	it( 'keeps captions and column labels readable in the Admin modal at 360 px', async () => {
		await openJobs( page, 360 );
		let modal = await openAdminTab( page, 'Maintenance' );
		const sizes = modal.locator( '.dm-jobs-admin-sample caption' ).first();
		await sizes.waitFor();
		await screenshots( page, 'layout-360-admin-maintenance' );
		const sizesLayout = await captionLayout( sizes );
		assert.ok(
			sizesLayout.width >= sizesLayout.tableWidth * 0.9 &&
				sizesLayout.lines <= 3,
			`the sizes caption spans its table: ${ JSON.stringify( sizesLayout ) }`
		);

		modal = await openAdminTab( page, 'Cleanup' );
		await modal
			.getByRole( 'button', { name: /Dry run/ } )
			.first()
			.click();
		const sample = modal.locator( '.dm-jobs-admin-sample caption' ).first();
		await sample.waitFor();
		await screenshots( page, 'layout-360-admin-cleanup' );
		const sampleLayout = await captionLayout( sample );
		assert.ok(
			sampleLayout.width >= sampleLayout.tableWidth * 0.9 &&
				sampleLayout.lines <= 3,
			`the sample caption spans its table: ${ JSON.stringify( sampleLayout ) }`
		);

		modal = await openAdminTab( page, 'Export' );
		const report = modal.locator( '.dm-jobs-admin-sample table' ).first();
		await report.locator( 'tbody tr' ).first().waitFor();
		await screenshots( page, 'layout-360-admin-export' );
		const labels = await report.evaluate( ( table ) => {
			const headers = Array.from(
				table.querySelectorAll( 'thead th' ),
				( header ) => header.textContent.trim()
			);
			const row = table.querySelector( 'tbody tr' );
			return {
				headers,
				cells: Array.from( row.children, ( cell ) => ( {
					label: cell.getAttribute( 'data-label' ) ?? '',
					// What the stacked layout writes before the value ("none" when nothing).
					before: window.getComputedStyle( cell, '::before' ).content,
					text: cell.textContent.trim(),
				} ) ),
				tableWidth: table.getBoundingClientRect().width,
			};
		} );
		assert.equal( labels.cells.length, labels.headers.length );
		labels.cells.forEach( ( cell, index ) => {
			if ( index === 0 ) {
				// The row's own header (the pipeline's name) names the card.
				assert.ok( cell.text.length > 0 );
				return;
			}
			assert.equal(
				cell.label,
				labels.headers[ index ],
				`"${ cell.text }" is labelled ${ labels.headers[ index ] }`
			);
			assert.ok(
				! [ 'none', 'normal', '' ].includes( cell.before ),
				`the label of "${ cell.text }" is shown (${ cell.before })`
			);
		} );
		await page.keyboard.press( 'Escape' );
		await modal.waitFor( { state: 'detached' } );
	} );

	it( 'raised no JavaScript errors', () => {
		assert.deepEqual( errors, [] );
	} );
} );
