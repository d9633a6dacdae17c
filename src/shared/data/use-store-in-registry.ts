/**
 * WordPress dependencies
 */
import { useRegistry } from '@wordpress/data';
import type { StoreDescriptor } from '@wordpress/data';

/**
 * Makes sure a store exists in the registry the component renders in (the
 * page's default registry has it from its import; a custom registry, as in
 * tests or an embedding screen, gets it on first use).
 *
 * @param store The store.
 */
export function useStoreInRegistry( store: StoreDescriptor ): void {
	const registry = useRegistry();
	if ( ! registry.select( store.name ) ) {
		registry.register( store );
	}
}
