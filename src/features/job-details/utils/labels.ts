/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { CheckStatus, LogLevel, StepState } from '../types';

export function logLevelLabel( level: LogLevel ): string {
	switch ( level ) {
		case 'debug':
			return __( 'Debug', 'dm-jobs' );
		case 'info':
			return __( 'Info', 'dm-jobs' );
		case 'notice':
			return __( 'Notice', 'dm-jobs' );
		case 'warning':
			return __( 'Warning', 'dm-jobs' );
		case 'error':
			return __( 'Error', 'dm-jobs' );
		case 'critical':
			return __( 'Critical', 'dm-jobs' );
	}
}

export function stepStateLabel( state: StepState ): string {
	switch ( state ) {
		case 'completed':
			return __( 'Completed', 'dm-jobs' );
		case 'running':
			return __( 'Running now', 'dm-jobs' );
		case 'failed':
			return __( 'Failed', 'dm-jobs' );
		case 'pending':
			return __( 'Not reached', 'dm-jobs' );
		case 'skipped':
			return __( 'Skipped', 'dm-jobs' );
		case 'unknown':
			return __( 'Unknown', 'dm-jobs' );
	}
}

export function checkStatusLabel( status: CheckStatus ): string {
	switch ( status ) {
		case 'ok':
			return __( 'OK', 'dm-jobs' );
		case 'warning':
			return __( 'Warning', 'dm-jobs' );
		case 'error':
			return __( 'Problem', 'dm-jobs' );
	}
}
