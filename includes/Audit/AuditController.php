<?php
/**
 * Read-only REST routes for the audit trail (dm-jobs/v1). There is no route that changes or
 * deletes an entry: the trail is append-only through the API (its own retention prunes it).
 *
 * GET /audit?page&per_page&action&category&actor&user_id&job_id&after&before  newest first, X-WP-Total
 * GET /audit/actions                                                        actions recorded so far
 *
 * Their schemas are AuditSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Audit;

use DMJobs\Audit\Repository\AuditRepository;
use DMJobs\Audit\Schema\AuditSchema;
use DMJobs\Operations\OperationParams;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\TypeScriptContract;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class AuditController extends WP_REST_Controller {

	public function __construct( private readonly AuditRepository $entries = new AuditRepository() ) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'audit';
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
					TypeScriptContract::RESPONSE_SCHEMA => array( AuditSchema::class, 'entries' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/actions',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_actions' ),
					'permission_callback' => array( Permission::class, 'check' ),
					TypeScriptContract::RESPONSE_SCHEMA => array( AuditSchema::class, 'actions' ),
				),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_items( $request ): WP_REST_Response|WP_Error {
		$after  = OperationParams::utc( $request['after'] );
		$before = OperationParams::utc( $request['before'] );
		if ( null !== $after && null !== $before && $after > $before ) {
			return OperationParams::invalid( 'before', __( '"before" must not be earlier than "after".', 'dm-jobs' ) );
		}
		$filters  = array(
			'action'        => $request['action'],
			'action_prefix' => null === $request['category'] ? null : $request['category'] . '.',
			'actor_type'    => $request['actor'],
			'user_id'       => $request['user_id'],
			'job_id'        => $request['job_id'],
			'after'         => $after,
			'before'        => $before,
		);
		$per_page = (int) $request['per_page'];
		$rows     = $this->entries->find_page( $filters, $per_page, ( (int) $request['page'] - 1 ) * $per_page );
		$total    = $this->entries->count( $filters );
		$response = rest_ensure_response( array_map( array( AuditLog::class, 'format' ), $rows ) );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $total / $per_page ) );
		return $response;
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_actions( $request ): WP_REST_Response {
		return rest_ensure_response( $this->entries->actions() );
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return AuditSchema::collection_params();
	}

	/**
	 * An audit entry as GET /audit lists it.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$this->schema ??= AuditSchema::entry();
		return $this->add_additional_fields_schema( $this->schema );
	}
}
