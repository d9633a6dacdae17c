/**
 * Shapes of the alerts REST API (`dm-jobs/v1/alerts…`), generated from the
 * route schemas.
 */

/**
 * Internal dependencies
 */
import type { Alerts } from '../../../generated/rest-contract';

export {
	ALERT_RULES as ALERT_RULE_IDS,
	type AlertRuleId,
	type Alert as AlertEntry,
	type AlertPreview,
	type Alerts as AlertsState,
	type AlertTest as TestAlertResult,
} from '../../../generated/rest-contract';

export type AlertRule = Alerts[ 'rules' ][ number ];

/** A rule's saved switch and thresholds, e.g. `{ enabled, minutes }`. */
export type AlertRuleSettings = AlertRule[ 'settings' ];

export type AlertRuleField = AlertRule[ 'fields' ][ string ];
