/**
 * External dependencies
 */
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	AFTER_TAKEOVER_SCRIPTS_ID,
	DEFERRED_SCRIPTS_ID,
	loadAfterTakeoverScripts,
} from '../../../../src/shared/deferred/deferred-scripts';

/**
 * A template as PHP prints it, holding inline scripts that note their name on the page when they run
 * (scripts run in the document's own global).
 *
 * @param id    The template's ID.
 * @param names The scripts' names, in order.
 */
function addTemplate( id: string, names: string[] ): void {
	const template = document.createElement( 'template' );
	template.id = id;
	template.innerHTML = names
		.map(
			( name ) =>
				`<script>document.body.insertAdjacentHTML( 'beforeend', '<p class="ran">${ name }</p>' );</script>`
		)
		.join( '' );
	document.body.appendChild( template );
}

describe( 'loadAfterTakeoverScripts', () => {
	afterEach( () => {
		document.body.innerHTML = '';
	} );

	it( 'runs the withheld scripts after the deferred packages they build on, each once', async () => {
		// The after-takeover template comes first in the page here: the order is the loader's.
		addTemplate( AFTER_TAKEOVER_SCRIPTS_ID, [
			'commands',
			'core-commands',
		] );
		addTemplate( DEFERRED_SCRIPTS_ID, [ 'components' ] );

		await loadAfterTakeoverScripts();
		await loadAfterTakeoverScripts();

		expect(
			Array.from(
				document.querySelectorAll( '.ran' ),
				( p ) => p.textContent
			)
		).toEqual( [ 'components', 'commands', 'core-commands' ] );
	} );
} );
