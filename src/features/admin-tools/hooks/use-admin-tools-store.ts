/**
 * WordPress dependencies
 */
import { useRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { STORE_NAME, store } from '../store';

/**
 * Makes sure the admin tools store exists in the registry the component
 * renders in (the page's registry has it from the import; a test registry
 * gets it on first use).
 */
export function useAdminToolsStore(): void {
	const registry = useRegistry();
	if ( ! registry.select( STORE_NAME ) ) {
		registry.register( store );
	}
}
