/**
 * Alerts: the Alerts tab of the Admin modal.
 */
import './style.scss';

export { AlertsSection } from './components/alerts-section';
