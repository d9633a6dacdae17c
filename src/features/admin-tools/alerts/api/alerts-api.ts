/**
 * The api client of the alert settings: `dm-jobs/v1/alerts…`.
 */

/**
 * Internal dependencies
 */
import { requestChecked } from '../../../../shared/api/request-json';
import {
	isAlertPreview,
	isAlerts,
	isAlertsEvaluation,
	isAlertTest,
} from '../../../../generated/rest-contract';
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

export function getAlerts(): Promise< AlertsState > {
	return request( BASE, 'GET', isAlerts );
}

export function saveAlertSettings( settings: {
	recipients: string[];
	cooldown_minutes: number;
} ): Promise< AlertsState > {
	return request( BASE, 'POST', isAlerts, settings );
}

export function saveAlertRule(
	rule: AlertRuleId,
	settings: AlertRuleSettings
): Promise< AlertsState > {
	return request( `${ BASE }/rules/${ rule }`, 'POST', isAlerts, {
		...settings,
	} );
}

export function previewAlertRule( rule: AlertRuleId ): Promise< AlertPreview > {
	return request(
		`${ BASE }/preview?rule=${ encodeURIComponent( rule ) }`,
		'GET',
		isAlertPreview
	);
}

export function evaluateAlerts(): Promise< AlertsState > {
	return request( `${ BASE }/evaluate`, 'POST', isAlertsEvaluation );
}

export function sendTestAlert(): Promise< TestAlertResult > {
	return request( `${ BASE }/test`, 'POST', isAlertTest );
}
