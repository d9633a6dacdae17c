/**
 * WordPress packages the Jobs screen does not load before its first paint (wp-components is 229 KB).
 * PHP leaves their tags (scripts with translations and inline parts, and stylesheets) in an inert
 * `<template id="dm-jobs-deferred-scripts">` (includes/Admin/DeferredScripts.php); the first part of
 * the app that needs them runs them here, in order, once.
 */

export const DEFERRED_SCRIPTS_ID = 'dm-jobs-deferred-scripts';

/**
 * Scripts core enqueues on every admin screen that the first rows do not need (its command palette),
 * which PHP withheld from the footer: they run once the app has taken over, after the deferred
 * packages they build on.
 */
export const AFTER_TAKEOVER_SCRIPTS_ID = 'dm-jobs-after-takeover-scripts';

/** The app's stylesheets (handles `dm-jobs-app-…`, see includes/Admin/AdminPage.php). */
const STYLESHEETS_OF_OURS = 'link[id^="dm-jobs-app-"]';

const loading = new Map< string, Promise< void > >();

function copyAttributes( from: Element, to: Element ): void {
	for ( const { name, value } of Array.from( from.attributes ) ) {
		to.setAttribute( name, value );
	}
}

function whenLoaded( element: HTMLElement ): Promise< void > {
	return new Promise( ( resolve, reject ) => {
		element.addEventListener( 'load', () => resolve(), { once: true } );
		element.addEventListener(
			'error',
			() => reject( new Error( 'A WordPress script did not load.' ) ),
			{ once: true }
		);
	} );
}

/**
 * Runs one node of the template: a stylesheet or external script is awaited, an inline script runs at
 * once (as the parser would run it, after everything before it).
 *
 * @param node A node of the template.
 * @param doc  The document.
 */
async function run( node: Node, doc: Document ): Promise< void > {
	if ( ! ( node instanceof Element ) ) {
		return;
	}
	if ( node.tagName === 'SCRIPT' ) {
		// A script parsed inside a <template> never runs: make a new one.
		const script = doc.createElement( 'script' );
		copyAttributes( node, script );
		if ( node.hasAttribute( 'src' ) ) {
			script.async = false;
			const loaded = whenLoaded( script );
			doc.body.appendChild( script );
			await loaded;
			return;
		}
		script.text = node.textContent ?? '';
		doc.body.appendChild( script );
		return;
	}
	const copy = doc.importNode( node, true );
	// Before our own stylesheets, where a dependency's stylesheet would have been printed, so ours
	// still win where they refine it.
	const ours = doc.head.querySelector( STYLESHEETS_OF_OURS );
	if ( copy instanceof HTMLLinkElement && copy.rel === 'stylesheet' ) {
		const loaded = whenLoaded( copy );
		doc.head.insertBefore( copy, ours );
		await loaded;
		return;
	}
	doc.head.insertBefore( copy, ours );
}

/**
 * Loads the deferred packages (once; later calls share the same promise). Resolves at once when the
 * page has none to load (they were printed already, or outside the admin page).
 *
 * @param doc        The document.
 * @param templateId The template that holds them.
 */
export function loadDeferredScripts(
	doc: Document = document,
	templateId: string = DEFERRED_SCRIPTS_ID
): Promise< void > {
	let loaded = loading.get( templateId );
	if ( loaded === undefined ) {
		const template = doc.getElementById( templateId );
		const nodes =
			template instanceof HTMLTemplateElement
				? Array.from( template.content.childNodes )
				: [];
		loaded = nodes.reduce< Promise< void > >(
			( previous, node ) => previous.then( () => run( node, doc ) ),
			Promise.resolve()
		);
		loading.set( templateId, loaded );
		loaded.catch( () => {
			// Let a later call try again.
			loading.delete( templateId );
		} );
	}
	return loaded;
}

/**
 * Runs what the page withheld until the app took over (core's command palette), after the deferred
 * packages.
 *
 * @param doc The document.
 */
export function loadAfterTakeoverScripts(
	doc: Document = document
): Promise< void > {
	return loadDeferredScripts( doc ).then( () =>
		loadDeferredScripts( doc, AFTER_TAKEOVER_SCRIPTS_ID )
	);
}
