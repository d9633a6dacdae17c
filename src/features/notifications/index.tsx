/**
 * Completion notifications: jobs the admin started from the
 * screen, or marked "watch", announce when they finish.
 */
import './style.scss';

export { store as notificationsStore } from '../../shared/notifications/store';
export { CompletionSnackbars } from './components/completion-snackbars';
export { WatchButton } from './components/watch-button';
