export const STORE_NAME = 'dm-jobs/job-details';

/** How often a running job's log is polled (the live tail shows lines within 3 s). */
export const TAIL_INTERVAL_MS = 2000;

/** Every this many tail polls, the job itself is reloaded (status, progress). */
export const DETAIL_REFRESH_EVERY = 3;

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
