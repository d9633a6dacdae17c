<?php
/**
 * REST routes for a job's log (dm-jobs/v1):
 * GET  /jobs/{id}/logs         — a page of lines (level, search, after/before cursors, tail).
 * POST /jobs/{id}/logs         — append a line (level, message, step, context).
 * GET  /jobs/{id}/logs/export  — the whole (filtered) log as a text or JSON download, streamed.
 *
 * Their schemas are LogSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs;

use DMJobs\Jobs\JobFormatter;
use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Jobs\Schema\JobSchema;
use DMJobs\Logs\Schema\LogSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\TypeScriptContract;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class LogsController extends WP_REST_Controller {

	public function __construct(
		private readonly LogService $service = new LogService(),
		private readonly JobRepository $jobs = new JobRepository(),
	) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'jobs/(?P<id>[\d]+)/logs';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => JobSchema::id_arg(),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => $this->get_collection_params(),
					TypeScriptContract::RESPONSE_SCHEMA => array( LogSchema::class, 'page' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => LogSchema::create_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/export',
			array(
				'args' => JobSchema::id_arg(),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'export' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => LogSchema::export_params(),
				),
			)
		);
	}

	/**
	 * GET /jobs/{id}/logs
	 *
	 * @param WP_REST_Request $request Validated by get_collection_params().
	 */
	public function get_items( $request ): WP_REST_Response|WP_Error {
		$job_id = (int) $request['id'];
		if ( ! $this->service->job_exists( $job_id ) ) {
			return $this->not_found();
		}
		if ( null !== $request['after'] && null !== $request['before'] ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: parameter name. */
				sprintf( __( 'Invalid parameter(s): %s', 'dm-jobs' ), 'before' ),
				array(
					'status' => 400,
					'params' => array( 'before' => __( 'Use either "after" or "before", not both.', 'dm-jobs' ) ),
				)
			);
		}
		$page = $this->service->page( $this->query_from_request( $request ) );
		return rest_ensure_response( $page );
	}

	/**
	 * POST /jobs/{id}/logs
	 *
	 * @param WP_REST_Request $request Validated by create_params().
	 */
	public function create_item( $request ): WP_REST_Response|WP_Error {
		$context = $request['context'];
		$line    = $this->service->append(
			(int) $request['id'],
			(string) $request['level'],
			(string) $request['message'],
			is_array( $context ) ? $context : array(),
			null === $request['step'] ? null : (string) $request['step'],
			true
		);
		if ( is_wp_error( $line ) ) {
			return $line;
		}
		$response = rest_ensure_response( $line );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * GET /jobs/{id}/logs/export
	 *
	 * @param WP_REST_Request $request Validated by export_params().
	 */
	public function export( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$job_id = (int) $request['id'];
		$row    = $this->jobs->find( $job_id );
		if ( null === $row ) {
			return $this->not_found();
		}
		$format = (string) $request['format'];
		$query  = $this->query_from_request( $request );
		$job    = JobFormatter::summary( $row );

		return new LogExportResponse(
			static fn ( callable $write ): int => ( new LogExporter() )->export( $query, $format, $write, $job ),
			array(
				'Content-Type'           => LogExporter::content_type( $format ),
				'Content-Disposition'    => 'attachment; filename="' . LogExporter::filename( $job_id, $format ) . '"',
				'X-Content-Type-Options' => 'nosniff',
				'Cache-Control'          => 'no-store',
			)
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return LogSchema::collection_params();
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$this->schema ??= LogSchema::line();
		return $this->add_additional_fields_schema( $this->schema );
	}

	private function query_from_request( WP_REST_Request $request ): LogQuery {
		$levels = array_map(
			static fn ( string $value ): LogLevel => LogLevel::from( $value ),
			(array) ( $request['level'] ?? array() )
		);
		return new LogQuery(
			job_id: (int) $request['id'],
			levels: $levels,
			search: trim( (string) $request['search'] ),
			after: null === $request['after'] ? null : (int) $request['after'],
			before: null === $request['before'] ? null : (int) $request['before'],
			tail: (bool) $request['tail'],
			per_page: null === $request['per_page'] ? LogQuery::DEFAULT_PER_PAGE : (int) $request['per_page'],
		);
	}

	private function not_found(): WP_Error {
		return new WP_Error( 'dm_jobs_job_not_found', __( 'No job has this ID.', 'dm-jobs' ), array( 'status' => 404 ) );
	}
}
