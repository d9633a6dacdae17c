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
import { loadDateLocale } from '../shared/format/date-locale';
import { setSiteFormat } from '../shared/format/site-format';
import type { DmJobsConfig } from '../shared/types';

export const ROOT_ID = 'dm-jobs-root';

type Root = ReturnType< typeof createRoot >;

/**
 * Renders the app into `#dm-jobs-root`.
 *
 * The boot data's locale and time zone become every formatter's, and the app renders once the
 * date-fns locale of that language has loaded (a chunk of its own; none for US English).
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
	const root = createRoot( container );
	const render = () => root.render( <App config={ config } /> );
	const dateLocale = loadDateLocale( config.locale );
	const { firstPaint } = config;
	if ( firstPaint === null || container.childElementCount === 0 ) {
		void dateLocale.finally( render );
		return root;
	}
	const jobs = dispatch( jobsStore );
	jobs.receiveChangeToken( firstPaint.changeToken );
	void Promise.allSettled( [
		dateLocale,
		jobs.applyView(
			viewFromSearch(
				window.location.search,
				new Date( firstPaint.renderedAt )
			)
		),
	] ).then( render );
	return root;
}
