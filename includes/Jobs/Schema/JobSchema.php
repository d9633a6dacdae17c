<?php
/**
 * The schemas of the job routes (dm-jobs/v1/jobs): the dm-job item every job answer uses, the single-job
 * answer with its diagnostic fields, and the arguments of each method. JobsController routes with them;
 * validation, the README's API section and the TypeScript contract come from them.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Schema;

use DMJobs\Jobs\JobOrderBy;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\JobService;
use DMJobs\Jobs\SortOrder;
use DMJobs\Shared\Rest\GenerationParam;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class JobSchema {

	/**
	 * What every job answer has; the other properties come with a single job only.
	 */
	private const ALWAYS_PRESENT = array( 'id', 'pipeline_id', 'pipeline_name', 'flow_id', 'flow_name', 'status', 'status_known', 'status_reason', 'raw_status', 'source', 'label', 'parent_job_id', 'user_id', 'is_final', 'is_stuck', 'created_at', 'completed_at', 'duration' );

	/**
	 * What GET /jobs/{id} adds to them, always.
	 */
	private const DETAIL_FIELDS = array( 'engine_data', 'failure', 'child_job_ids', 'child_count', 'user_name', 'started_at', 'steps', 'failure_context', 'resolution', 'config_checks', 'api_responses', 'log_counts' );

	/**
	 * The dm-job schema: a job in a list (every required property), and a single job (all of them). The
	 * properties stand in the order the answers have them.
	 *
	 * @return array<string, mixed>
	 */
	public static function item(): array {
		$nullable_string = array( 'string', 'null' );
		$properties      = array(
			'id'            => array(
				'description' => __( 'Job ID.', 'dm-jobs' ),
				'type'        => 'integer',
				'readonly'    => true,
			),
			'pipeline_id'   => array(
				'description' => __( 'Pipeline ID; null for jobs Data Machine ran without a saved pipeline (direct workflows, chat, system tasks).', 'dm-jobs' ),
				'type'        => array( 'integer', 'null' ),
			),
			'pipeline_name' => array(
				'description' => __( 'Pipeline name; for jobs without a saved pipeline the name Data Machine shows ("Direct", or the job\'s source); null when the pipeline no longer exists.', 'dm-jobs' ),
				'type'        => $nullable_string,
				'readonly'    => true,
			),
			'flow_id'       => array(
				'description' => __( 'Flow ID; null for jobs without a saved flow.', 'dm-jobs' ),
				'type'        => array( 'integer', 'null' ),
			),
			'flow_name'     => array(
				'description' => __( 'Flow name; for jobs without a saved flow their label ("Direct" when none); null when the flow no longer exists.', 'dm-jobs' ),
				'type'        => $nullable_string,
				'readonly'    => true,
			),
			'status'        => array(
				'description' => __( 'Base status (legacy and compound values are mapped to their base); a status DM Jobs does not know is reported by its own name.', 'dm-jobs' ),
				'type'        => 'string',
			),
			'status_known'  => array(
				'description' => __( 'Whether status is one of the base statuses (false: a status DM Jobs does not know yet, shown as stored).', 'dm-jobs' ),
				'type'        => 'boolean',
				'readonly'    => true,
			),
			'status_reason' => array(
				'description' => __( 'The reason that came with the status, if any.', 'dm-jobs' ),
				'type'        => $nullable_string,
			),
			'raw_status'    => array(
				'description' => __( 'The status exactly as stored.', 'dm-jobs' ),
				'type'        => 'string',
				'readonly'    => true,
			),
			'source'        => array(
				'description' => __( 'What started the job in today\'s Data Machine (pipeline, chat, system, delegated, …); null in older generations.', 'dm-jobs' ),
				'type'        => $nullable_string,
				'readonly'    => true,
			),
			'label'         => array(
				'description' => __( 'Data Machine\'s label of the job (the flow name, or the item title of a fan-out child); null when none.', 'dm-jobs' ),
				'type'        => $nullable_string,
				'readonly'    => true,
			),
			'parent_job_id' => array(
				'description' => __( 'The job that fanned this one out; null for top-level jobs.', 'dm-jobs' ),
				'type'        => array( 'integer', 'null' ),
				'readonly'    => true,
			),
			'user_id'       => array(
				'description' => __( 'The user who started the job; null when unknown (system, or older generations).', 'dm-jobs' ),
				'type'        => array( 'integer', 'null' ),
				'readonly'    => true,
			),
			'is_final'      => array(
				'description' => __( 'Whether the job has finished.', 'dm-jobs' ),
				'type'        => 'boolean',
				'readonly'    => true,
			),
			'is_stuck'      => array(
				'description' => __( 'Whether the job has been pending or processing longer than the stuck-jobs alert threshold (minutes, default 60).', 'dm-jobs' ),
				'type'        => 'boolean',
				'readonly'    => true,
			),
			'created_at'    => array(
				'description' => __( 'Creation time, ISO 8601 UTC.', 'dm-jobs' ),
				'type'        => $nullable_string,
				'format'      => 'date-time',
				'readonly'    => true,
			),
			'completed_at'  => array(
				'description' => __( 'Completion time, ISO 8601 UTC; null until the job is final.', 'dm-jobs' ),
				'type'        => $nullable_string,
				'format'      => 'date-time',
				'readonly'    => true,
			),
			'duration'      => array(
				'description' => __( 'Seconds from creation to completion; null until final.', 'dm-jobs' ),
				'type'        => array( 'integer', 'null' ),
				'readonly'    => true,
			),
			'error_summary' => array(
				'description' => __( 'For failed jobs in the list: the message of the newest error line of the job\'s log (at most 200 characters), or null.', 'dm-jobs' ),
				'type'        => $nullable_string,
				'readonly'    => true,
			),
		);
		return array(
			'$schema'    => ResponseSchemas::DRAFT,
			'title'      => 'dm-job',
			'type'       => 'object',
			'required'   => self::ALWAYS_PRESENT,
			'properties' => $properties + JobDiagnosticsSchema::properties(),
		);
	}

	/**
	 * The answer of GET /jobs/{id}: a dm-job with every single-job property.
	 *
	 * @return array<string, mixed>
	 */
	public static function detail(): array {
		return array(
			'$schema' => ResponseSchemas::DRAFT,
			'title'   => 'dm-job-detail',
			'type'    => 'object',
			'allOf'   => array(
				self::item(),
				array( 'required' => self::DETAIL_FIELDS ),
			),
		);
	}

	/**
	 * The {id} of /jobs/{id} routes.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function id_arg(): array {
		return array(
			'id' => array(
				'description' => __( 'The job ID.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
		);
	}

	/**
	 * GET /jobs
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function collection_params(): array {
		return array(
			'page'        => array(
				'description' => __( 'Page of the list, from 1.', 'dm-jobs' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_PAGE,
			),
			'per_page'    => array(
				'description' => __( 'Jobs per page, 1 to 100.', 'dm-jobs' ),
				'type'        => 'integer',
				'default'     => 20,
				'minimum'     => 1,
				'maximum'     => JobQuery::MAX_PER_PAGE,
			),
			'status'      => array(
				'description' => __( 'Base statuses to include (array or comma-separated list). Compound statuses such as "failed - timeout" count as their base.', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => BaseStatus::values(),
				),
				'uniqueItems' => true,
			),
			'other_status' => array(
				'description' => __( 'Statuses DM Jobs does not know yet, by the name GET /jobs/counts reports in other_statuses (array or comma-separated list); included besides status.', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => array(
					'type'    => 'string',
					'pattern' => '^[a-z0-9][a-z0-9_\\-]{0,49}$',
				),
				'maxItems'    => 20,
				'uniqueItems' => true,
			),
			'pipeline_id' => array(
				'description' => __( 'Only jobs of this pipeline.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
			'flow_id'     => array(
				'description' => __( 'Only jobs of this flow.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
			'generation'  => GenerationParam::schema(),
			'search'      => array(
				'description' => __( 'A job ID, or text matched against pipeline name, flow name and status reason.', 'dm-jobs' ),
				'type'        => 'string',
				'maxLength'   => 200,
			),
			'after'       => array(
				'description' => __( 'Only jobs created at or after this ISO 8601 date-time.', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'before'      => array(
				'description' => __( 'Only jobs created at or before this ISO 8601 date-time.', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'orderby'     => array(
				'description' => __( 'Sort column; ties are broken by job ID.', 'dm-jobs' ),
				'type'        => 'string',
				'default'     => JobOrderBy::JobId->value,
				'enum'        => JobOrderBy::values(),
			),
			'order'       => array(
				'description' => __( 'Sort direction.', 'dm-jobs' ),
				'type'        => 'string',
				'default'     => SortOrder::Desc->value,
				'enum'        => array( SortOrder::Asc->value, SortOrder::Desc->value ),
			),
		);
	}

	/**
	 * POST /jobs
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function create_params(): array {
		return array(
			'pipeline_id' => array(
				'description' => __( 'The pipeline the job runs.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
				'required'    => true,
			),
			'flow_id'     => array(
				'description' => __( 'The flow (of that pipeline) the job runs.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
				'required'    => true,
			),
			'status'      => array(
				'description' => __( 'Initial base status.', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => BaseStatus::values(),
				'default'     => BaseStatus::Pending->value,
			),
			'engine_data' => array(
				'description' => __( 'Data for the job\'s steps, stored as JSON.', 'dm-jobs' ),
				'type'        => 'object',
			),
		);
	}

	/**
	 * DELETE /jobs/{id}
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function delete_params(): array {
		return array(
			'dry_run' => array(
				'description' => __( 'Only answer the job that would be deleted; delete nothing.', 'dm-jobs' ),
				'type'        => 'boolean',
				'default'     => false,
			),
		);
	}

	/**
	 * POST|PUT|PATCH /jobs/{id}/status
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function status_params(): array {
		return array(
			'status'      => array(
				'description' => __( 'The new base status. A final status sets completed_at.', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => BaseStatus::values(),
				'required'    => true,
			),
			'reason'      => array(
				'description' => __( 'Why, shown next to the status.', 'dm-jobs' ),
				'type'        => array( 'string', 'null' ),
				'maxLength'   => JobService::MAX_REASON_LENGTH,
			),
			'engine_data' => array(
				'description' => __( 'Top-level keys merged into engine_data, e.g. error_message, error_step_id, error_trace.', 'dm-jobs' ),
				'type'        => 'object',
			),
		);
	}
}
