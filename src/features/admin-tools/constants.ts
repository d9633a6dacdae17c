/**
 * Internal dependencies
 */
import { STATUS_FAMILIES } from '../../generated/rest-contract';
import type { BaseStatus } from '../../shared/types';
import type { AdminSection } from './types';

export const STORE_NAME = 'dm-jobs/admin-tools';

/**
 * Above this many rows, a destructive action asks the admin to type the count.
 */
export const TYPE_TO_CONFIRM_ABOVE = 1000;

/**
 * Seconds one `run` request may work before it answers with progress.
 */
export const RUN_BUDGET_SECONDS = 2;

export const SECTIONS: readonly AdminSection[] = [
	'bulk',
	'cleanup',
	'retention',
	'maintenance',
	'export',
	'alerts',
	'audit',
];

export const COMPLETED_FAMILY: BaseStatus[] = [ ...STATUS_FAMILIES.succeeded ];

export { FINAL_STATUSES } from '../../generated/rest-contract';
