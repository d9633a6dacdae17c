/**
 * Jobs per status (the status filter's numbers): resolved once, asked again
 * after a write or a change the live feed saw.
 */

/**
 * Internal dependencies
 */
import type { StatusCounts } from '../../../shared/types';
import { fetchStatusCounts } from '../api/jobs-activity-api';
import type { JobsAction, ThunkArgs } from './types';

export function receiveStatusCounts( counts: StatusCounts | null ): JobsAction {
	return { type: 'RECEIVE_STATUS_COUNTS', counts };
}

/**
 * Resolver of the `getStatusCounts` selector. A failure keeps the last
 * counts: the status filter works without them.
 */
export const getStatusCounts =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch( receiveStatusCounts( await fetchStatusCounts() ) );
		} catch {
			// Keep the last counts.
		}
	};

/** The counts' action, as the store registers it. */
export const countsActions = { receiveStatusCounts };

/** The counts' resolver, as the store registers it. */
export const countsResolvers = { getStatusCounts };
