/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import type { ApiError, JobListItem } from '../../../shared/types';
import { fetchLogPage, logParams } from '../api/job-details-api';
import {
	LOG_BULK_PAGE_SIZE,
	LOG_PAGE_SIZE,
	MAX_LOG_LINES,
	MAX_TAIL_PAGES_PER_POLL,
} from '../constants';
import type { LogFilters } from '../types';
import { listedJobChanged } from '../utils/listed-job-changed';
import { sameFilters } from '../utils/log-filters';
import type { JobDetailsAction, ThunkArgs } from './types';

function toApiError( error: unknown ): ApiError {
	return ApiRequestError.from( error ).toJSON();
}

export function openJobAction( jobId: number ): JobDetailsAction {
	return { type: 'OPEN_JOB', jobId };
}

export function closeJob(): JobDetailsAction {
	return { type: 'CLOSE_JOB' };
}

/**
 * Shows the open job: from the store when it was loaded before, else from
 * the server (the `getJobDetail` resolver). `reload` asks the server again
 * (a live refresh, or Retry); the job shown stays while it loads and when
 * the reload fails.
 *
 * @param options        Options.
 * @param options.reload Ask the server even when the job is in the store.
 */
export const loadJob =
	( { reload = false }: { reload?: boolean } = {} ) =>
	async ( {
		select,
		dispatch,
		resolveSelect,
	}: ThunkArgs ): Promise< void > => {
		const jobId = select.getOpenJobId();
		if ( jobId === null ) {
			return;
		}
		if (
			reload ||
			select.hasResolutionFailed( 'getJobDetail', [ jobId ] )
		) {
			dispatch( { type: 'DETAIL_RETRY', jobId } );
			dispatch.invalidateResolution( 'getJobDetail', [ jobId ] );
		}
		try {
			await resolveSelect.getJobDetail( jobId );
		} catch {
			// The error is in the state (`getDetailError`).
		}
	};

/**
 * Follows the open job through the jobs list's live change feed: when the
 * feed reports the job in another state than the panel shows (it finished,
 * failed, got a reason), the job is loaded again quietly, so status, times
 * and failure details follow without a polling loop of their own.
 *
 * @param listed The job as the change feed reports it.
 */
export const followListedJob =
	( listed: JobListItem ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		const shown = select.getJob();
		if (
			select.getOpenJobId() !== listed.id ||
			shown === null ||
			select.getDetailStatus() !== 'ready' ||
			! listedJobChanged( shown, listed )
		) {
			return;
		}
		await dispatch( loadJob( { reload: true } ) );
	};

/**
 * Loads the newest page of the open job's log with the current filters.
 */
export const loadLogs =
	() =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		const jobId = select.getOpenJobId();
		if ( jobId === null ) {
			return;
		}
		const key = select.getLogKey();
		dispatch( { type: 'LOGS_REQUEST_START', key } );
		try {
			const page = await fetchLogPage(
				jobId,
				logParams(
					select.getLogFilters(),
					{ tail: true },
					LOG_PAGE_SIZE
				)
			);
			dispatch( { type: 'LOGS_RECEIVE_LATEST', key, page } );
		} catch ( error ) {
			dispatch( {
				type: 'LOGS_REQUEST_FAILURE',
				key,
				error: toApiError( error ),
			} );
		}
	};

/**
 * Opens a job: loads it and its log.
 *
 * @param jobId The job.
 */
export const openJob =
	( jobId: number ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		if ( select.getOpenJobId() === jobId ) {
			return;
		}
		dispatch( openJobAction( jobId ) );
		// A job that may still change is asked again (quietly, when shown).
		const cached = select.getJobDetail( jobId );
		await Promise.all( [
			dispatch( loadJob( { reload: cached?.is_final === false } ) ),
			dispatch( loadLogs() ),
		] );
	};

/**
 * Loads the page of lines before the oldest one shown.
 *
 * @param perPage Lines to load.
 * @return Whether older lines remain.
 */
export const loadOlderLogs =
	( perPage: number = LOG_PAGE_SIZE ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< boolean > => {
		const jobId = select.getOpenJobId();
		const oldest = select.getOldestLogLineId();
		if (
			jobId === null ||
			oldest === null ||
			! select.hasOlderLogLines() ||
			select.isLoadingOlderLogLines()
		) {
			return false;
		}
		const key = select.getLogKey();
		dispatch( { type: 'LOGS_OLDER_START', key } );
		try {
			const page = await fetchLogPage(
				jobId,
				logParams( select.getLogFilters(), { before: oldest }, perPage )
			);
			dispatch( { type: 'LOGS_RECEIVE_OLDER', key, page } );
			return page.has_older && key === select.getLogKey();
		} catch ( error ) {
			dispatch( {
				type: 'LOGS_OLDER_FAILURE',
				key,
				error: toApiError( error ),
			} );
			return false;
		}
	};

/**
 * "Show all": loads older pages until the whole log (up to the memory limit)
 * is shown.
 */
export const loadAllLogs =
	() =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		const key = select.getLogKey();
		while (
			key === select.getLogKey() &&
			select.getLogLines().length < MAX_LOG_LINES &&
			( await dispatch( loadOlderLogs( LOG_BULK_PAGE_SIZE ) ) )
		) {
			// Keep loading.
		}
	};

/**
 * One live-tail poll: reads the lines after the tail cursor (several pages if
 * many arrived) and merges them in.
 */
export const pollLogs =
	() =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		const jobId = select.getOpenJobId();
		if ( jobId === null || select.getLogStatus() !== 'ready' ) {
			return;
		}
		const key = select.getLogKey();
		const filters = select.getLogFilters();
		let after = select.getTailCursor() ?? 0;
		try {
			for ( let index = 0; index < MAX_TAIL_PAGES_PER_POLL; index++ ) {
				const page = await fetchLogPage(
					jobId,
					logParams( filters, { after }, LOG_PAGE_SIZE )
				);
				dispatch( {
					type: 'LOGS_RECEIVE_NEWER',
					key,
					page,
					first: index === 0,
				} );
				if (
					! page.has_more ||
					page.next_cursor === null ||
					key !== select.getLogKey()
				) {
					break;
				}
				after = page.next_cursor;
			}
		} catch ( error ) {
			dispatch( {
				type: 'LOGS_TAIL_FAILURE',
				key,
				error: toApiError( error ),
			} );
		}
	};

/**
 * Changes the log filters and reloads the log.
 *
 * @param filters Levels and search text.
 */
export const setLogFilters =
	( filters: LogFilters ) =>
	async ( { select, dispatch }: ThunkArgs ): Promise< void > => {
		if ( sameFilters( filters, select.getLogFilters() ) ) {
			return;
		}
		dispatch( {
			type: 'LOGS_SET_FILTERS',
			jobId: select.getOpenJobId(),
			filters,
		} );
		await dispatch( loadLogs() );
	};
