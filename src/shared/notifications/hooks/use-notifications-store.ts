/**
 * WordPress dependencies
 */
import { useRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { STORE_NAME } from '../constants';
import { store } from '../store';

/**
 * Makes sure the notifications store exists in the registry the component
 * renders in (the page's default registry has it from the import; a custom
 * registry, as in tests, gets it on first use).
 */
export function useNotificationsStore(): void {
	const registry = useRegistry();
	if ( ! registry.select( STORE_NAME ) ) {
		registry.register( store );
	}
}
