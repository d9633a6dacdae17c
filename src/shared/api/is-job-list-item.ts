/**
 * Internal dependencies
 */
import type { JobListItem } from '../types';

function isNullableString( value: unknown ): boolean {
	return value === null || typeof value === 'string';
}

function isNullableNumber( value: unknown ): boolean {
	return value === null || typeof value === 'number';
}

/**
 * Checks the fields the screen relies on, so a malformed response becomes an
 * error message instead of a broken table.
 *
 * @param value One element of the response array.
 */
export function isJobListItem( value: unknown ): value is JobListItem {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const item = value as Record< string, unknown >;
	return (
		typeof item.id === 'number' &&
		// Null for jobs today's Data Machine ran without a saved pipeline/flow.
		isNullableNumber( item.pipeline_id ) &&
		isNullableNumber( item.flow_id ) &&
		isNullableString( item.pipeline_name ) &&
		isNullableString( item.flow_name ) &&
		typeof item.status === 'string' &&
		isNullableString( item.status_reason ) &&
		isNullableString( item.created_at ) &&
		isNullableString( item.completed_at )
	);
}
