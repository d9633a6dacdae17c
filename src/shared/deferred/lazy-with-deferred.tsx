/**
 * External dependencies
 */
import type { ComponentType } from 'react';

/**
 * WordPress dependencies
 */
import { lazy } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { loadDeferredScripts } from './deferred-scripts';

const loaders: Array< () => Promise< unknown > > = [];

/**
 * A component from a chunk that uses the deferred WordPress packages (wp-components): the packages
 * load first, then the chunk. Render it inside `<Suspense>`; once loaded it renders at once.
 *
 * @param factory `() => import( './chunk' ).then( ( module ) => module.Component )`.
 */
export function lazyWithDeferred< Props extends object >(
	factory: () => Promise< ComponentType< Props > >
): ComponentType< Props > {
	let loaded: ComponentType< Props > | null = null;
	let loading: Promise< ComponentType< Props > > | null = null;
	const load = () => {
		loading ??= loadDeferredScripts()
			.then( factory )
			.then( ( component ) => ( loaded = component ) );
		return loading;
	};
	loaders.push( load );
	// React's lazy types drop the props' generics; it renders the same component.
	const Lazy = lazy( () =>
		load().then( ( component ) => ( { default: component } ) )
	) as unknown as ComponentType< Props >;
	return function Deferred( props: Props ) {
		const Component = loaded ?? Lazy;
		return <Component { ...props } />;
	};
}

/**
 * Loads every deferred part now (after the first rows, so they are ready when used; and in tests).
 */
export function preloadDeferredParts(): Promise< unknown[] > {
	return Promise.all( loaders.map( ( load ) => load() ) );
}
