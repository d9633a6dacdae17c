/**
 * Internal dependencies
 */
import { BROWSER_OPT_IN_KEY } from '../constants';

/**
 * Whether this browser can show notifications at all.
 */
export function browserNotificationsSupported(): boolean {
	return typeof window !== 'undefined' && 'Notification' in window;
}

/**
 * Whether the admin turned browser notifications on here and the browser allows them.
 */
export function browserNotificationsOn(): boolean {
	return (
		browserNotificationsSupported() &&
		window.Notification.permission === 'granted' &&
		window.localStorage.getItem( BROWSER_OPT_IN_KEY ) === '1'
	);
}

/**
 * Asks the browser for permission (only ever after the admin clicked) and
 * remembers the choice.
 *
 * @return Whether notifications are now on.
 */
export async function turnBrowserNotificationsOn(): Promise< boolean > {
	if ( ! browserNotificationsSupported() ) {
		return false;
	}
	const permission = await window.Notification.requestPermission();
	if ( permission !== 'granted' ) {
		return false;
	}
	window.localStorage.setItem( BROWSER_OPT_IN_KEY, '1' );
	return true;
}

export function turnBrowserNotificationsOff(): void {
	window.localStorage.removeItem( BROWSER_OPT_IN_KEY );
}

/**
 * Shows one notification when they are on and the page is not in front
 * (the snackbar is enough while the admin looks at it); a click focuses the screen on the job.
 *
 * @param title   Notification title.
 * @param body    Its text.
 * @param onClick What a click does.
 */
export function notifyInBrowser(
	title: string,
	body: string,
	onClick: () => void
): void {
	if ( ! browserNotificationsOn() || document.hasFocus() ) {
		return;
	}
	const notification = new window.Notification( title, { body } );
	notification.onclick = () => {
		window.focus();
		onClick();
		notification.close();
	};
}
