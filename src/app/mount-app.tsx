/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { App } from './app';
import { getConfig } from '../shared/config';
import type { DmJobsConfig } from '../shared/types';

export const ROOT_ID = 'dm-jobs-root';

type Root = ReturnType< typeof createRoot >;

/**
 * Renders the app into `#dm-jobs-root`.
 *
 * @param container Element to render into; `#dm-jobs-root` by default.
 * @param config    Boot data; `window.dmJobsConfig` by default.
 * @return The React root, or `null` when there is no container on the page.
 */
export function mountApp(
	container: HTMLElement | null = document.getElementById( ROOT_ID ),
	config: DmJobsConfig = getConfig()
): Root | null {
	if ( container === null ) {
		return null;
	}
	const root = createRoot( container );
	root.render( <App config={ config } /> );
	return root;
}
