/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { BaseStatus, StatusTone } from '../types';
import { isBaseStatus } from './parse-status';

function baseStatusLabel( status: BaseStatus ): string {
	switch ( status ) {
		case 'pending':
			return __( 'Pending', 'dm-jobs' );
		case 'processing':
			return __( 'Processing', 'dm-jobs' );
		case 'waiting':
			return __( 'Waiting', 'dm-jobs' );
		case 'completed':
			return __( 'Completed', 'dm-jobs' );
		case 'completed_no_items':
			return __( 'Completed (no items)', 'dm-jobs' );
		case 'failed':
			return __( 'Failed', 'dm-jobs' );
		case 'cancelled':
			return __( 'Cancelled', 'dm-jobs' );
		case 'agent_skipped':
			return __( 'Skipped by agent', 'dm-jobs' );
	}
}

/**
 * Human label of a status; unknown statuses are shown as stored.
 *
 * @param status A base status or an unrecognised status string.
 */
export function getStatusLabel( status: string ): string {
	if ( isBaseStatus( status ) ) {
		return baseStatusLabel( status );
	}
	return status === '' ? __( 'Unknown', 'dm-jobs' ) : status;
}

/**
 * Colour family of a status badge: green for completed, red for failed,
 * neutral for everything else.
 *
 * @param status A base status or an unrecognised status string.
 */
export function getStatusTone( status: string ): StatusTone {
	if ( status === 'completed' ) {
		return 'completed';
	}
	if ( status === 'failed' ) {
		return 'failed';
	}
	return 'neutral';
}
