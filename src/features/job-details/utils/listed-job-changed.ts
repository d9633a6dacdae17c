/**
 * Internal dependencies
 */
import type { JobListItem } from '../../../shared/types';

/** What the list's change feed reports that the details panel also shows. */
const FOLLOWED_FIELDS = [
	'raw_status',
	'status',
	'status_reason',
	'is_final',
	'completed_at',
	'duration',
	'is_stuck',
] as const satisfies ReadonlyArray< keyof JobListItem >;

/**
 * Whether the list's newer view of a job differs from what the details panel
 * shows (status, reason, completion time or duration), so the panel should
 * load the job again.
 *
 * @param shown  The job the panel shows.
 * @param listed The same job as the live change feed reports it.
 */
export function listedJobChanged(
	shown: JobListItem,
	listed: JobListItem
): boolean {
	return (
		shown.id === listed.id &&
		FOLLOWED_FIELDS.some( ( field ) => shown[ field ] !== listed[ field ] )
	);
}
