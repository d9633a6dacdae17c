<?php
/**
 * REST routes for jobs: list, read, delete, create and change status (dm-jobs/v1).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\GenerationParam;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Status\BaseStatus;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class JobsController extends WP_REST_Controller {

	/**
	 * Kept for code written before ApiNamespace; new code uses ApiNamespace::NAME.
	 */
	public const NAMESPACE = ApiNamespace::NAME;

	/**
	 * How many child job IDs GET /jobs/{id} lists (child_count has them all).
	 */
	public const CHILDREN_LIMIT = 100;

	public function __construct(
		private readonly JobRepository $jobs = new JobRepository(),
		private readonly JobService $service = new JobService(),
	) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'jobs';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => $this->create_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'The job ID.', 'dm-jobs' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => ParamLimits::MAX_ID,
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(
						'dry_run' => array(
							'description' => __( 'Only answer the job that would be deleted; delete nothing.', 'dm-jobs' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/status',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'The job ID.', 'dm-jobs' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => ParamLimits::MAX_ID,
					),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_status' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => $this->status_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET /jobs
	 *
	 * @param WP_REST_Request $request Validated by get_collection_params().
	 */
	public function get_items( $request ): WP_REST_Response|WP_Error {
		$query = JobQuery::from_request( $request );
		if ( is_wp_error( $query ) ) {
			return $query;
		}

		$page = ( new JobLister() )->page( $query );
		// The self link is built here rather than per item through WP_REST_Response and link
		// compaction, which cost about 0.2 ms a row (10 ms for a page of 50).
		$base  = rest_url( sprintf( '%s/%s/', $this->namespace, $this->rest_base ) );
		$items = array_map(
			static function ( array $row ) use ( $base ): array {
				$job           = JobFormatter::summary( $row );
				$job['_links'] = array( 'self' => array( array( 'href' => $base . $job['id'] ) ) );
				return $job;
			},
			$page->rows
		);
		$items = ( new ErrorSummaries() )->add( $items );

		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $page->total );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $page->total / $query->per_page ) );
		// Past 10,000 matches a filtered total is the database's estimate (the UI says "about").
		$response->header( 'X-DM-Jobs-Total-Exact', $page->total_exact ? '1' : '0' );
		return $response;
	}

	/**
	 * GET /jobs/{id}
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function get_item( $request ): WP_REST_Response|WP_Error {
		$row = $this->jobs->find( (int) $request['id'] );
		if ( null === $row ) {
			return $this->not_found();
		}
		/**
		 * Filters the job GET /jobs/{id} returns (add fields, keep the existing ones).
		 *
		 * @param array $job The job in the detail shape.
		 */
		$job      = JobFormatter::detail( $row );
		$children = $this->jobs->children( (int) $request['id'], self::CHILDREN_LIMIT );

		$job['child_job_ids'] = $children['ids'];
		$job['child_count']   = $children['count'];
		$job['user_name']     = self::user_name( $job['user_id'] );
		return $this->prepare_item_for_response( apply_filters( 'dm_jobs_job_detail', $job ), $request );
	}

	/**
	 * DELETE /jobs/{id}
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function delete_item( $request ): WP_REST_Response|WP_Error {
		$row = $this->jobs->find( (int) $request['id'] );
		if ( null === $row ) {
			return $this->not_found();
		}
		$previous = $this->prepare_item_for_response( JobFormatter::detail( $row ), $request );
		if ( true === $request['dry_run'] ) {
			return rest_ensure_response(
				array(
					'deleted'  => false,
					'dry_run'  => true,
					'previous' => $previous->get_data(),
				)
			);
		}
		if ( ! $this->service->delete( (int) $request['id'], $previous->get_data() ) ) {
			// Deleted meanwhile by another request: it is gone, as asked.
			return null === $this->jobs->find( (int) $request['id'] )
				? $this->not_found()
				: new WP_Error( 'dm_jobs_cannot_delete', __( 'The job could not be deleted; try again.', 'dm-jobs' ), array( 'status' => 503 ) );
		}
		return rest_ensure_response(
			array(
				'deleted'  => true,
				'previous' => $previous->get_data(),
			)
		);
	}

	/**
	 * POST /jobs
	 *
	 * @param WP_REST_Request $request Validated by create_params().
	 */
	public function create_item( $request ): WP_REST_Response|WP_Error {
		$job = $this->service->create(
			(int) $request['pipeline_id'],
			(int) $request['flow_id'],
			(string) $request['status'],
			is_array( $request['engine_data'] ) ? $request['engine_data'] : null
		);
		if ( is_wp_error( $job ) ) {
			return $job;
		}
		$response = $this->prepare_item_for_response( $job, $request );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, $job['id'] ) ) );
		return $response;
	}

	/**
	 * POST|PUT|PATCH /jobs/{id}/status
	 *
	 * @param WP_REST_Request $request Validated by status_params().
	 */
	public function update_status( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$job = $this->service->change_status(
			(int) $request['id'],
			(string) $request['status'],
			null === $request['reason'] ? null : (string) $request['reason'],
			is_array( $request['engine_data'] ) ? $request['engine_data'] : null
		);
		if ( is_wp_error( $job ) ) {
			return $job;
		}
		return $this->prepare_item_for_response( $job, $request );
	}

	/**
	 * @param array<string, mixed> $item    A formatted job.
	 * @param WP_REST_Request      $request Request.
	 */
	public function prepare_item_for_response( $item, $request ): WP_REST_Response {
		$response = rest_ensure_response( $item );
		$response->add_link( 'self', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, $item['id'] ) ) );
		return $response;
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
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
	 * @return array<string, array<string, mixed>>
	 */
	private function create_params(): array {
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
	 * @return array<string, array<string, mixed>>
	 */
	private function status_params(): array {
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

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$nullable_string = array( 'string', 'null' );
		$this->schema    = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'dm-job',
			'type'       => 'object',
			// What every answer has; the other properties come with a single job only.
			'required'   => array( 'id', 'pipeline_id', 'pipeline_name', 'flow_id', 'flow_name', 'status', 'status_known', 'status_reason', 'raw_status', 'source', 'label', 'parent_job_id', 'user_id', 'is_final', 'is_stuck', 'created_at', 'completed_at', 'duration' ),
			'properties' => array(
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
				'status_reason' => array(
					'description' => __( 'The reason that came with the status, if any.', 'dm-jobs' ),
					'type'        => $nullable_string,
				),
				'error_summary' => array(
					'description' => __( 'For failed jobs in the list: the message of the newest error line of the job\'s log (at most 200 characters), or null.', 'dm-jobs' ),
					'type'        => $nullable_string,
					'readonly'    => true,
				),
				'raw_status'    => array(
					'description' => __( 'The status exactly as stored.', 'dm-jobs' ),
					'type'        => 'string',
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
				'child_job_ids' => array(
					'description' => __( 'Jobs this one fanned out (single job only; the first 100 by ID).', 'dm-jobs' ),
					'type'        => 'array',
					'items'       => array( 'type' => 'integer' ),
					'readonly'    => true,
				),
				'child_count'   => array(
					'description' => __( 'How many jobs this one fanned out (single job only).', 'dm-jobs' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'user_name'     => array(
					'description' => __( 'Display name of the user who started the job (single job only); null when unknown.', 'dm-jobs' ),
					'type'        => $nullable_string,
					'readonly'    => true,
				),
				'engine_data'   => array(
					'description' => __( 'Decoded engine data (single job only). Serialized objects are shown as arrays with a __php_class key, never instantiated.', 'dm-jobs' ),
					'type'        => array( 'object', 'null' ),
					'readonly'    => true,
				),
				'failure'       => array(
					'description' => __( 'Failure details (single job only): message, step_id, trace, reason.', 'dm-jobs' ),
					'type'        => array( 'object', 'null' ),
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The display name of the user who started a job, or null.
	 */
	private static function user_name( ?int $user_id ): ?string {
		$user = null === $user_id ? false : get_userdata( $user_id );
		return false === $user ? null : (string) $user->display_name;
	}

	private function not_found(): WP_Error {
		return new WP_Error( 'dm_jobs_job_not_found', __( 'No job has this ID.', 'dm-jobs' ), array( 'status' => 404 ) );
	}
}
