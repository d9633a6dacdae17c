/**
 * Internal dependencies
 */
import { JOB_DETAILS_STORE } from '../../shared/open-job/live-bridge';

export const STORE_NAME = JOB_DETAILS_STORE;

/** How often a running job's log is polled: lines show within 3 s (1.5 s wait + two requests). */
export const TAIL_INTERVAL_MS = 1500;

/** Every this many tail polls, the job itself is reloaded (status, progress). */
export const DETAIL_REFRESH_EVERY = 4;

/** Lines per log request. */
export const LOG_PAGE_SIZE = 500;

/** "Show all" loads older pages of this size. */
export const LOG_BULK_PAGE_SIZE = 1000;

/** At most this many lines are kept in memory; older ones can be loaded again. */
export const MAX_LOG_LINES = 50000;

/** Pages one tail poll may read when many lines arrived at once. */
export const MAX_TAIL_PAGES_PER_POLL = 20;

/** The URL parameter of the open job (deep link). */
export const JOB_URL_PARAM = 'job';

/** Most jobs the details store keeps (a job opened again shows at once). */
export const JOB_CACHE_LIMIT = 20;
