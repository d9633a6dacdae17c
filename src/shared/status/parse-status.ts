/**
 * Internal dependencies
 */
import { LEGACY_STATUSES } from '../../generated/rest-contract';
import { BASE_STATUSES } from '../types';
import type { BaseStatus, JobListItem, ParsedStatus } from '../types';

/**
 * Base and reason of a compound status: `"<base> - <reason>"` or
 * `"<base>: <reason>"`, split at the first separator.
 */
const COMPOUND_STATUS = /^([^:]*?)\s*(?: - |:)\s*([\s\S]*)$/;

export function isBaseStatus( value: string ): value is BaseStatus {
	return ( BASE_STATUSES as readonly string[] ).includes( value );
}

/**
 * Splits a stored status string into its base status and reason, the same way
 * the server does (`DMJobs\Status\StatusParser`): the value is trimmed, the part
 * before the first ` - ` or `:` is the status, the rest its reason; legacy
 * names map to today's statuses.
 *
 * @param raw The status column as stored, e.g. `failed - step_execution_failure`.
 */
export function parseStatus( raw: string ): ParsedStatus {
	const trimmed = raw.trim();
	const match = COMPOUND_STATUS.exec( trimmed );
	const base = ( match ? match[ 1 ] : trimmed ).trim().toLowerCase();
	// `null` when there is no separator; `''` when the reason after it is empty.
	const tail = match ? match[ 2 ].trim() : null;
	const reason = tail === '' ? null : tail;

	const legacy = LEGACY_STATUSES[ base ];
	if ( legacy ) {
		const legacyReason = tail ?? legacy.reason;
		return {
			status: legacy.status,
			reason: legacyReason === '' ? null : legacyReason,
			isKnown: true,
		};
	}
	if ( isBaseStatus( base ) ) {
		return { status: base, reason, isKnown: true };
	}
	return { status: base, reason, isKnown: false };
}

/**
 * The status to display for a job: the server's normalised status when it is
 * a known base status, otherwise whatever can be parsed from the raw column.
 *
 * @param job A job from the list.
 */
export function resolveJobStatus(
	job: Pick< JobListItem, 'status' | 'status_reason' | 'raw_status' >
): ParsedStatus {
	if ( isBaseStatus( job.status ) ) {
		const reason = job.status_reason?.trim() ?? '';
		return {
			status: job.status,
			reason: reason === '' ? null : reason,
			isKnown: true,
		};
	}
	const parsed = parseStatus(
		typeof job.raw_status === 'string' && job.raw_status !== ''
			? job.raw_status
			: job.status
	);
	// A reason kept apart from the status (today's Data Machine, our status_reason column).
	const kept = job.status_reason?.trim() ?? '';
	return parsed.reason === null && kept !== ''
		? { ...parsed, reason: kept }
		: parsed;
}
