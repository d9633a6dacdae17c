<?php
/**
 * What one generation of Data Machine's storage looks like: its tables and their column shapes, the
 * statuses it writes, how it names jobs, its menus, logs, caches, file folders and execution API.
 *
 * Only classes in this namespace know table names; everything else asks the generation in use
 * (Adapters::current()).
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

interface Generation {

	/**
	 * A stable key: "datamachine" (today's datamachine_* tables), "dm" (v0.1's dm_* tables) or
	 * "standalone" (no Data Machine tables: DM Jobs creates and owns dm_* tables of the v0.1 shape).
	 */
	public function key(): string;

	/**
	 * A short, translated name for the source switcher, e.g. "Data Machine (current)".
	 */
	public function label(): string;

	/**
	 * The prefixed tables of this generation.
	 */
	public function tables(): Tables;

	/**
	 * Whether pipeline_id and flow_id are text (varchar(20): a numeric string, "direct" or NULL) rather
	 * than unsigned integers. Filters must then compare them as strings, or the index is not used.
	 */
	public function ids_are_text(): bool;

	/**
	 * Job columns beyond the v0.1 set that this generation has: any of "user_id", "source", "label",
	 * "parent_job_id", "handler_slug".
	 *
	 * @return string[]
	 */
	public function extra_job_columns(): array;

	/**
	 * Base statuses this generation writes (its JobStatus vocabulary), open ones first.
	 *
	 * @return string[]
	 */
	public function statuses(): array;

	/**
	 * Where the reason of a status is kept besides a compound status ("failed - timeout"): the
	 * engine_data key ("job_status_reason" today), or null.
	 */
	public function status_reason_key(): ?string;

	/**
	 * How a job without a saved pipeline/flow is named, the way Data Machine's own Jobs screen names it.
	 *
	 * @param array<string, mixed> $row A jobs row (pipeline_id, flow_id and, where present, source and label).
	 * @return array{pipeline: string|null, flow: string|null} Display names, null when nothing better than the ID.
	 */
	public function fallback_names( array $row ): array;

	/**
	 * Data Machine's admin menu for this generation.
	 */
	public function menu(): MenuSlugs;

	/**
	 * Where per-job log lines live: "own" (DM Jobs' dm_job_logs, fed by capturing Data Machine's log
	 * action) or "data_machine" (Data Machine's own logs table, job ID inside the JSON context).
	 */
	public function logs_source(): string;

	/**
	 * The action Data Machine logs through (dm_log in v0.1, datamachine_log today).
	 */
	public function log_action(): string;

	/**
	 * The folder that holds Data Machine's per-job files, and how a job's folder is named in it.
	 *
	 * @return array{root: string, pattern: string} pattern is sprintf()-style, e.g. "job_%d".
	 */
	public function job_files(): array;

	/**
	 * What Data Machine caches about jobs, for deleters: transient prefixes, object-cache groups and
	 * actions to fire (e.g. v0.1's dm_clear_jobs_cache).
	 *
	 * @return array{transient_prefixes: string[], cache_groups: string[], clear_actions: string[]}
	 */
	public function caches(): array;

	/**
	 * How to leave this generation's Data Machine consistent after DM Jobs deletes or changes jobs and
	 * processed items (its caches, the rows and scheduled actions pointing at a job), and where it keeps
	 * per-job files. caches() and job_files() summarise it; this does it.
	 */
	public function housekeeping(): Housekeeping;

	/**
	 * Data Machine's way to run a flow from outside (null when this generation has none). Whether it
	 * can run in this request is Execution::available() (Data Machine loaded and offering its API).
	 */
	public function execution(): ?Execution;

	/**
	 * Data Machine's own admin screens for a pipeline and a flow of this generation (null when it has none).
	 */
	public function admin_links(): ?AdminLinks;

	/**
	 * Whether DM Jobs created these tables (standalone) rather than adopting Data Machine's.
	 */
	public function owns_tables(): bool;

	/**
	 * Columns and indexes DM Jobs adds to this generation's tables (for speed), so that uninstall can
	 * remove exactly these and leave Data Machine's tables as they were.
	 *
	 * @return array{columns: array<string, string[]>, indexes: array<string, string[]>} table => names
	 */
	public function added_schema(): array;

	/**
	 * Whether Data Machine of this generation is loaded in this request.
	 */
	public function plugin_active(): bool;
}
