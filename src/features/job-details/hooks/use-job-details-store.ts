/**
 * WordPress dependencies
 */
import { useRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { STORE_NAME, store } from '../store';

/**
 * Makes sure the job details store exists in the registry the component
 * renders in (the page's default registry has it from the import; a custom
 * registry, as in tests or an embedding screen, gets it on first use).
 */
export function useJobDetailsStore(): void {
	const registry = useRegistry();
	if ( ! registry.select( STORE_NAME ) ) {
		registry.register( store );
	}
}
