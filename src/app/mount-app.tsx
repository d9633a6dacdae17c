/**
 * WordPress dependencies
 */
import { dispatch } from '@wordpress/data';
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { App } from './app';
import { store as jobsStore } from '../features/jobs-list/store';
import { viewFromSearch } from '../features/jobs-list/url/view-url';
import { getConfig } from '../shared/config';
import { applySiteDateLocale } from '../shared/format/date-locale';
import { setSiteFormat } from '../shared/format/site-format';
import type { DmJobsConfig } from '../shared/types';

export const ROOT_ID = 'dm-jobs-root';

type Root = ReturnType< typeof createRoot >;

/**
 * Renders the app into `#dm-jobs-root`.
 *
 * The boot data's locale and time zone become every formatter's, with the date-fns locale of that
 * language (a script PHP enqueues before the app; none for US English).
 *
 * When PHP printed the first rows there (`config.firstPaint`), they stay until the app can show the
 * same: the URL's view is loaded first (answered by the page's preloaded data, no request), and only
 * then does the app render, replacing them in one commit with the same markup (no flash, nothing
 * moves).
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
	setSiteFormat( config );
	applySiteDateLocale();
	const root = createRoot( container );
	const render = () => root.render( <App config={ config } /> );
	const { firstPaint } = config;
	if ( firstPaint === null || container.childElementCount === 0 ) {
		render();
		return root;
	}
	const jobs = dispatch( jobsStore );
	jobs.receiveChangeToken( firstPaint.changeToken );
	// Rendered once the view is loaded, or could not be (the app then shows why).
	void jobs
		.applyView(
			viewFromSearch(
				window.location.search,
				new Date( firstPaint.renderedAt )
			)
		)
		.then( render, render );
	return root;
}
