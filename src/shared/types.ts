/**
 * Shared types of the DM Jobs admin app.
 *
 * They mirror the REST contract of the `dm-jobs/v1` namespace (see DESIGN.md).
 */

/**
 * Base statuses a job can have once compound and legacy strings are normalised.
 */
export const BASE_STATUSES = [
	'pending',
	'processing',
	'waiting',
	'completed',
	'completed_no_items',
	'failed',
	'cancelled',
	'agent_skipped',
] as const;

export type BaseStatus = ( typeof BASE_STATUSES )[ number ];

/**
 * Colour family of a status badge.
 */
export type StatusTone = 'completed' | 'failed' | 'neutral';

/**
 * One job as returned by `GET /dm-jobs/v1/jobs`.
 */
export interface JobListItem {
	id: number;
	/** `null` for jobs Data Machine ran without a saved pipeline (direct, chat, system tasks). */
	pipeline_id: number | null;
	/** For jobs without a saved pipeline: the name Data Machine shows ("Direct", or the source). */
	pipeline_name: string | null;
	flow_id: number | null;
	/** For jobs without a saved flow: their label. */
	flow_name: string | null;
	/** A base status, or (when `status_known` is false) a status DM Jobs does not know, by its name. */
	status: BaseStatus | string;
	status_known: boolean;
	status_reason: string | null;
	raw_status: string;
	/** What started the job in today's Data Machine (pipeline, chat, system, …); null before. */
	source: string | null;
	/** Data Machine's label (flow name, or a fan-out child's item title). */
	label: string | null;
	/** The job that fanned this one out. */
	parent_job_id: number | null;
	/** Who started the job. */
	user_id: number | null;
	is_final: boolean;
	/**
	 * Pending or processing for longer than the stuck-jobs alert threshold.
	 * Optional: rows printed before the flag existed do not carry it.
	 */
	is_stuck?: boolean;
	/**
	 * ISO 8601 in UTC, ending in `Z`. `null` for rows with an empty or zero
	 * (`0000-00-00 …`) date, which the server sends as null.
	 */
	created_at: string | null;
	/** ISO 8601 in UTC, `null` until the job is final. */
	completed_at: string | null;
	/** Seconds, `null` until the job is final. */
	duration: number | null;
}

/**
 * A status split into its base and the reason that came with it.
 */
export interface ParsedStatus {
	/** A known base status, or the unrecognised base string as stored. */
	status: BaseStatus | string;
	reason: string | null;
	isKnown: boolean;
}

export type JobsOrderBy =
	| 'job_id'
	| 'created_at'
	| 'completed_at'
	| 'status'
	| 'pipeline'
	| 'flow'
	| 'duration';

export type SortOrder = 'asc' | 'desc';

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
export interface PipelineSummary {
	id: number;
	name: string;
	flow_count: number;
}

/**
 * One flow, from `GET /dm-jobs/v1/flows`.
 */
export interface FlowSummary {
	id: number;
	pipeline_id: number;
	name: string;
}

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
}
