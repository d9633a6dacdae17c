<?php
/**
 * REST routes for batched admin operations (dm-jobs/v1):
 *
 * POST /operations                {type, dry_run, …params}  dry run → 200 preview (count, sample);
 *                                                             otherwise → 201 operation (needs confirm_count)
 * GET  /operations?state=running  recent operations (to resume or watch)
 * GET  /operations/{id}           progress
 * POST /operations/{id}/run       work for up to `budget` seconds, → the operation
 * POST /operations/{id}/cancel    stop (after the batch in flight)
 *
 * Their schemas are OperationSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

use DMJobs\Audit\Actor;
use DMJobs\Operations\Schema\OperationSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\TypeScriptContract;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class OperationsController extends WP_REST_Controller {

	public function __construct( private readonly OperationService $service = new OperationService() ) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'operations';
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
					TypeScriptContract::RESPONSE_SCHEMA => array( OperationSchema::class, 'operations' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => OperationSchema::create_params(),
					TypeScriptContract::RESPONSE_SCHEMA => array( OperationSchema::class, 'created' ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => OperationSchema::id_arg(),
				'schema' => array( $this, 'get_public_item_schema' ),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/run',
			array(
				'args'   => OperationSchema::id_arg(),
				'schema' => array( $this, 'get_public_item_schema' ),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'run_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => OperationSchema::run_params(),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/cancel',
			array(
				'args'   => OperationSchema::id_arg(),
				'schema' => array( $this, 'get_public_item_schema' ),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'cancel_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_items( $request ): WP_REST_Response {
		return rest_ensure_response( $this->service->recent( (array) ( $request['state'] ?? array() ), (int) $request['per_page'] ) );
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_item( $request ): WP_REST_Response|WP_Error {
		$operation = $this->service->get( (int) $request['id'] );
		if ( null === $operation ) {
			return new WP_Error( 'dm_jobs_operation_not_found', __( 'No operation has this ID.', 'dm-jobs' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( $operation );
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function create_item( $request ): WP_REST_Response|WP_Error {
		$type  = OperationType::from( (string) $request['type'] );
		$as_of = time();
		if ( null !== $request['as_of'] ) {
			$parsed = rest_parse_date( (string) $request['as_of'] );
			if ( false === $parsed || $parsed < time() - DAY_IN_SECONDS || $parsed > time() + 300 ) {
				return OperationParams::invalid( 'as_of', __( 'as_of must be the time of a dry run in the last 24 hours.', 'dm-jobs' ) );
			}
			$as_of = (int) $parsed;
		}
		$params = OperationParams::normalize( $type, $request->get_params(), $as_of );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		if ( $request['dry_run'] ) {
			return rest_ensure_response( $this->service->preview( $type, $params, $as_of ) );
		}
		if ( $type->needs_confirmation() && null === $request['confirm_count'] ) {
			return OperationParams::invalid( 'confirm_count', __( 'Confirm the exact number of rows (from the dry run).', 'dm-jobs' ) );
		}
		$operation = $this->service->start(
			$type,
			$params,
			null === $request['confirm_count'] ? null : (int) $request['confirm_count'],
			null === $request['max_id'] ? null : (int) $request['max_id'],
			Actor::current()
		);
		if ( is_wp_error( $operation ) ) {
			return $operation;
		}
		$response = rest_ensure_response( $operation );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function run_item( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$operation = $this->service->run( (int) $request['id'], (float) $request['budget'] );
		return is_wp_error( $operation ) ? $operation : rest_ensure_response( $operation );
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function cancel_item( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$operation = $this->service->cancel( (int) $request['id'] );
		return is_wp_error( $operation ) ? $operation : rest_ensure_response( $operation );
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return OperationSchema::collection_params();
	}

	/**
	 * An operation as every route under /operations/{id} answers it.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$this->schema ??= OperationSchema::operation();
		return $this->add_additional_fields_schema( $this->schema );
	}
}
