/**
 * Entry of the DM Jobs admin screen (built to build/index.js).
 */

/**
 * Internal dependencies
 */
import { mountApp } from './mount-app';
import '../features/jobs-list/store';
import './style.scss';
// Styles of parts that load later (toolbar, admin tools) are on the page from the start, so the space
// the first paint leaves for them is already theirs.
import '../features/jobs-list/components/jobs-list.scss';
import '../features/admin-tools/style.scss';

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', () => mountApp() );
} else {
	mountApp();
}
