/**
 * The api client of the alert settings: `dm-jobs/v1/alerts…`.
 */

/**
 * Internal dependencies
 */
import { requestChecked } from '../../../../shared/api/request-json';
import { isRecord } from '../../../../shared/contract/schema-guard';
import type {
	AlertPreview,
	AlertRuleId,
	AlertRuleSettings,
	AlertsState,
	TestAlertResult,
} from '../types';

const BASE = '/dm-jobs/v1/alerts';

function request< T >(
	path: string,
	method: 'GET' | 'POST',
	isValid: ( body: unknown ) => body is T,
	data?: Record< string, unknown >
): Promise< T > {
	return requestChecked( { path, method, data }, isValid );
}

function isAlertsState( body: unknown ): body is AlertsState {
	return (
		isRecord( body ) &&
		Array.isArray( body.rules ) &&
		Array.isArray( body.recipients ) &&
		typeof body.cooldown_minutes === 'number'
	);
}

function isPreview( body: unknown ): body is AlertPreview {
	return (
		isRecord( body ) &&
		Array.isArray( body.alerts ) &&
		typeof body.took_ms === 'number'
	);
}

function isTestResult( body: unknown ): body is TestAlertResult {
	return isRecord( body ) && typeof body.emailed === 'boolean';
}

export function getAlerts(): Promise< AlertsState > {
	return request( BASE, 'GET', isAlertsState );
}

export function saveAlertSettings( settings: {
	recipients: string[];
	cooldown_minutes: number;
} ): Promise< AlertsState > {
	return request( BASE, 'POST', isAlertsState, settings );
}

export function saveAlertRule(
	rule: AlertRuleId,
	settings: AlertRuleSettings
): Promise< AlertsState > {
	return request( `${ BASE }/rules/${ rule }`, 'POST', isAlertsState, {
		...settings,
	} );
}

export function previewAlertRule( rule: AlertRuleId ): Promise< AlertPreview > {
	return request(
		`${ BASE }/preview?rule=${ encodeURIComponent( rule ) }`,
		'GET',
		isPreview
	);
}

export function evaluateAlerts(): Promise< AlertsState > {
	return request( `${ BASE }/evaluate`, 'POST', isAlertsState );
}

export function sendTestAlert(): Promise< TestAlertResult > {
	return request( `${ BASE }/test`, 'POST', isTestResult );
}
