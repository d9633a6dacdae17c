/**
 * WordPress dependencies
 */
import { createContext, useContext } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { JobListItem, JobsQuery } from '../../../shared/types';

export interface JobsContext {
	query: JobsQuery;
	jobs: JobListItem[];
	total: number;
	/** Loads the list again (after an operation changed rows). */
	reload: () => void;
	timeZone: string;
	timeZoneLabel: string;
}

const Context = createContext< JobsContext | null >( null );

/**
 * Gives the Admin tools the jobs list they act on. The screen that shows both
 * provides it, so this feature does not read the list's store.
 */
export const JobsContextProvider = Context.Provider;

/**
 * What the Admin modal needs from the jobs list: its filter, the page shown,
 * the total, and a way to reload it.
 */
export function useJobsContext(): JobsContext {
	const context = useContext( Context );
	if ( context === null ) {
		throw new Error( 'The admin tools need a JobsContextProvider.' );
	}
	return context;
}
