/**
 * Internal dependencies
 */
import type { JobsView } from '../../../shared/types';
import { DEFAULT_VIEW } from '../url/view-url';

export const STORE_NAME = 'dm-jobs/jobs';

export const DEFAULT_PER_PAGE = DEFAULT_VIEW.perPage;

/**
 * The list as first shown: newest jobs first, no filters.
 */
export const DEFAULT_QUERY: Readonly< JobsView > = DEFAULT_VIEW;

/** Key of the "every flow" list in the flows cache. */
export const ALL_FLOWS = 'all';

/** Most job IDs one live poll may watch (the `watch` parameter's maxItems). */
export const WATCH_LIMIT = 50;
