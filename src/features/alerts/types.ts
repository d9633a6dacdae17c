/**
 * Shapes of the alerts REST API (`dm-jobs/v1/alerts…`).
 */

export const ALERT_RULE_IDS = [
	'failure_rate',
	'degraded',
	'stuck',
	'table_size',
	'refresh_stale',
] as const;

export type AlertRuleId = ( typeof ALERT_RULE_IDS )[ number ];

/** A rule's saved switch and thresholds, e.g. `{ enabled, minutes }`. */
export type AlertRuleSettings = { enabled: boolean } & Record<
	string,
	number | boolean
>;

export interface AlertRuleField {
	type: 'integer' | 'number';
	minimum: number;
	maximum: number;
	default: number;
}

/** One alert as the state and the preview report it. */
export interface AlertEntry {
	rule: string;
	subject: string;
	key: string;
	title: string;
	message: string;
	/** The Jobs screen filtered to the jobs behind it. */
	url: string;
	since?: string | null;
	notified_at?: string | null;
	resolved_at?: string | null;
}

export interface AlertRule {
	id: AlertRuleId;
	label: string;
	settings: AlertRuleSettings;
	fields: Record< string, AlertRuleField >;
	active: AlertEntry[];
	resolved: AlertEntry[];
	last_sent_at: string | null;
}

export interface AlertsState {
	recipients: string[];
	effective_recipients: string[];
	cooldown_minutes: number;
	rules: AlertRule[];
	schedule: { runner: string; next_run: string | null };
	last_evaluated_at: string | null;
}

export interface AlertPreview {
	rule: AlertRuleId;
	alerts: AlertEntry[];
	took_ms: number;
}

export interface TestAlertResult {
	emailed: boolean;
	recipients: number;
	error: string | null;
}
