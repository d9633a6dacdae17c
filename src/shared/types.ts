/**
 * Internal dependencies
 */
import type {
	BaseStatus,
	Job,
	JobsOrderBy,
	SortOrder,
} from '../generated/rest-contract';

export { BASE_STATUSES } from '../generated/rest-contract';
export type {
	BaseStatus,
	JobsOrderBy,
	SortOrder,
} from '../generated/rest-contract';

/**
 * Colour family of a status badge.
 */
export type StatusTone = 'completed' | 'failed' | 'neutral';

/** The properties of `T` that are always present. */
type AlwaysPresent< T > = {
	[ Key in keyof T as undefined extends T[ Key ] ? never : Key ]: T[ Key ];
};

/**
 * A job as GET /jobs lists it: without the fields only a single job has, plus
 * the failure summary only the list carries.
 */
export type JobListItem = AlwaysPresent< Job > & Pick< Job, 'error_summary' >;

/**
 * A status split into its base and the reason that came with it.
 */
export interface ParsedStatus {
	/** A known base status, or the unrecognised base string as stored. */
	status: BaseStatus | string;
	reason: string | null;
	isKnown: boolean;
}

/**
 * What the Jobs screen asks for. The UI owns this; the api client turns it into
 * REST parameters.
 */
export interface JobsQuery {
	page: number;
	perPage: number;
	status: BaseStatus[];
	pipelineId: number | null;
	flowId: number | null;
	search: string;
	/** ISO 8601 lower bound on created_at, or `null`. */
	after: string | null;
	/** ISO 8601 upper bound on created_at, or `null`. */
	before: string | null;
	orderby: JobsOrderBy;
	order: SortOrder;
}

/**
 * Created-date range of the jobs list: any time, a preset relative to now, or
 * custom bounds chosen as days in the site's time zone.
 */
export const DATE_RANGES = [ 'any', '24h', '7d', '30d', 'custom' ] as const;

export type DateRange = ( typeof DATE_RANGES )[ number ];

/**
 * What the Jobs screen shows, as kept in the URL: the query plus how its
 * `after` / `before` bounds were chosen. For a preset range the bounds are
 * computed from the time the view was applied.
 */
export interface JobsView extends JobsQuery {
	range: DateRange;
}

/**
 * REST query parameters of `GET /dm-jobs/v1/jobs`.
 */
export interface JobsRequestParams {
	page: number;
	per_page: number;
	status?: string;
	pipeline_id?: number;
	flow_id?: number;
	search?: string;
	after?: string;
	before?: string;
	orderby: JobsOrderBy;
	order: SortOrder;
}

/**
 * One page of jobs and the totals read from the response headers.
 */
export interface JobsPage {
	items: JobListItem[];
	total: number;
	totalPages: number;
	/**
	 * `false` when the server estimated the total (header
	 * `X-DM-Jobs-Total-Exact: 0`); the UI then says "about".
	 */
	totalExact?: boolean;
}

/**
 * An error from the REST API (WordPress's `{ code, message, data }` shape) or the network.
 */
export interface ApiError {
	code: string;
	message: string;
	status: number | null;
	/** The error's `data` besides its status (e.g. the new count of a 409 `dm_jobs_count_changed`, or the invalid `params`). */
	data?: Record< string, unknown >;
}

export interface SiteTimezone {
	/** IANA name such as `America/New_York`, or `""` when the site uses a fixed offset. */
	name: string;
	/** Offset from UTC in minutes, e.g. 330 for UTC+05:30. */
	offsetMinutes: number;
}

/**
 * Boot data printed by PHP as `window.dmJobsConfig`.
 */
/**
 * What PHP says about the page it printed (the first rows are already on it, and the answers the app
 * needs on boot are preloaded into api-fetch).
 */
export interface FirstPaint {
	/** When the page was rendered (ISO 8601 UTC): preset date ranges are measured from then. */
	renderedAt: string;
	/** The live poll's token as of that moment. */
	changeToken: string;
}

export interface DmJobsConfig {
	restNamespace: string;
	timezone: SiteTimezone;
	/** The WordPress locale the screen is shown in, e.g. `de_DE` (`en_US` when unknown). */
	locale: string;
	pipelinesUrl: string | null;
	docsUrl: string;
	dataMachineActive: boolean;
	version: string;
	/** `null` when PHP printed no first page (tests, other pages). */
	firstPaint: FirstPaint | null;
}

/**
 * Jobs per base status, from `GET /dm-jobs/v1/jobs/counts`.
 */
export interface StatusCounts {
	total: number;
	/** `false` while the server only has estimates ("about"). */
	exact: boolean;
	/** ISO 8601 UTC time of the counts, or `null`. */
	asOf: string | null;
	byStatus: Record< BaseStatus, number >;
}

/**
 * One pipeline, from `GET /dm-jobs/v1/pipelines`.
 */
export type { Pipeline as PipelineSummary } from '../generated/rest-contract';

/**
 * One flow, from `GET /dm-jobs/v1/flows`.
 */
export type { Flow as FlowSummary } from '../generated/rest-contract';

/**
 * Answer of `GET /dm-jobs/v1/jobs/changes`.
 */
export interface JobsChanges {
	/** Token to send with the next poll. */
	token: string;
	/** Whether anything a list would show moved since the token sent. */
	changed: boolean;
	/**
	 * Matching jobs newer than `since_id`, counted up to 101 ("100+");
	 * `null` when the server did not count them.
	 */
	newJobs: number | null;
	/** The watched jobs' current state (only when the poll sent `watch`). */
	watched?: JobListItem[];
}
