/**
 * The api client of the alert settings: `dm-jobs/v1/alerts…`.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { normalizeApiError } from '../../../shared/api/normalize-api-error';
import type {
	AlertPreview,
	AlertRuleId,
	AlertRuleSettings,
	AlertsState,
	TestAlertResult,
} from '../types';

const BASE = '/dm-jobs/v1/alerts';

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

async function request< T >(
	path: string,
	method: 'GET' | 'POST',
	isValid: ( body: unknown ) => body is T,
	data?: Record< string, unknown >
): Promise< T > {
	let body: unknown;
	try {
		body = await apiFetch( { path, method, data } );
	} catch ( error ) {
		throw new ApiRequestError( await normalizeApiError( error ) );
	}
	if ( ! isValid( body ) ) {
		throw new ApiRequestError( {
			code: 'invalid_response',
			message: __(
				'The server sent an answer this screen cannot read.',
				'dm-jobs'
			),
			status: null,
		} );
	}
	return body;
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
