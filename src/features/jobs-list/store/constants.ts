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

/**
 * Most pages of jobs the store keeps (Back to any of the last ones shows at
 * once, without a request).
 */
export const PAGE_CACHE_LIMIT = 20;

/** Most job IDs one live poll may watch (the `watch` parameter's maxItems). */
export const WATCH_LIMIT = 50;
