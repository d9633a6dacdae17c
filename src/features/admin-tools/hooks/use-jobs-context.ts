/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { getConfig } from '../../../shared/config';
import { store as jobsStore } from '../../jobs-list/store';
import type { JobListItem, JobsQuery } from '../../../shared/types';
import {
	getTimeZoneLabel,
	resolveTimeZone,
} from '../../../shared/format/time-zone';

export interface JobsContext {
	query: JobsQuery;
	jobs: JobListItem[];
	total: number;
	/** Loads the list again (after an operation changed rows). */
	reload: () => void;
	timeZone: string;
	timeZoneLabel: string;
}

/**
 * What the Admin modal needs from the jobs list: its filter, the page shown,
 * the total, and a way to reload it.
 */
export function useJobsContext(): JobsContext {
	const { query, jobs, total } = useSelect( ( select ) => {
		const list = select( jobsStore );
		return {
			query: list.getQuery(),
			jobs: list.getJobs(),
			total: list.getTotal(),
		};
	}, [] );
	const { fetchJobs } = useDispatch( jobsStore );
	const timezone = getConfig().timezone;
	const zone = useMemo(
		() => ( {
			timeZone: resolveTimeZone( timezone ),
			timeZoneLabel: getTimeZoneLabel( timezone ),
		} ),
		[ timezone ]
	);
	return {
		query,
		jobs,
		total,
		reload: () => void fetchJobs(),
		...zone,
	};
}
