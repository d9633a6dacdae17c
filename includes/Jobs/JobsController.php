<?php
/**
 * REST routes for jobs: list, read, delete, create and change status (dm-jobs/v1). Their schemas are
 * JobSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Jobs\Schema\JobSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\InvalidParam;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\TypeScriptContract;
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
					'args'                => JobSchema::create_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => JobSchema::id_arg(),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					TypeScriptContract::RESPONSE_SCHEMA => array( JobSchema::class, 'detail' ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => JobSchema::delete_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/status',
			array(
				'args'   => JobSchema::id_arg(),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_status' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => JobSchema::status_params(),
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
		$query = self::query_from_request( $request );
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
	 * The query GET /jobs (and /jobs/changes) asks for, from its parameters (validated by
	 * JobSchema::collection_params()); 400 when "before" is earlier than "after".
	 *
	 * @param WP_REST_Request $request Validated request.
	 */
	public static function query_from_request( WP_REST_Request $request ): JobQuery|WP_Error {
		$after  = self::utc_datetime( $request['after'] );
		$before = self::utc_datetime( $request['before'] );
		if ( null !== $after && null !== $before && $after > $before ) {
			return InvalidParam::error( 'before', __( '"before" must not be earlier than "after".', 'dm-jobs' ) );
		}
		$statuses = array_map(
			static fn ( string $value ): BaseStatus => BaseStatus::from( $value ),
			(array) ( $request['status'] ?? array() )
		);
		$others   = array_values(
			array_filter(
				array_map( 'strval', (array) ( $request['other_status'] ?? array() ) ),
				static fn ( string $name ): bool => null === BaseStatus::tryFrom( $name )
			)
		);

		return new JobQuery(
			page: (int) $request['page'],
			per_page: (int) $request['per_page'],
			statuses: $statuses,
			pipeline_id: null === $request['pipeline_id'] ? null : (int) $request['pipeline_id'],
			flow_id: null === $request['flow_id'] ? null : (int) $request['flow_id'],
			search: trim( (string) $request['search'] ),
			created_after: $after,
			created_before: $before,
			order_by: JobOrderBy::from( (string) $request['orderby'] ),
			order: SortOrder::from( (string) $request['order'] ),
			other_statuses: $others,
		);
	}

	/**
	 * An ISO 8601 date-time parameter as UTC "Y-m-d H:i:s", or null when absent.
	 */
	private static function utc_datetime( mixed $value ): ?string {
		if ( ! is_string( $value ) || '' === $value ) {
			return null;
		}
		$timestamp = rest_parse_date( $value );
		return false === $timestamp ? null : gmdate( 'Y-m-d H:i:s', (int) $timestamp );
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
		return JobSchema::collection_params();
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$this->schema ??= JobSchema::item();
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
