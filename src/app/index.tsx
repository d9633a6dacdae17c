/**
 * Entry of the DM Jobs admin screen (built to build/index.js).
 */

/**
 * Internal dependencies
 */
import { mountApp } from './mount-app';
import '../features/jobs-list/store';
import './style.scss';

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', () => mountApp() );
} else {
	mountApp();
}
