<?php
/**
 * GET /dm-jobs/v1/maintenance/metrics: table sizes, jobs by status, oldest/newest, growth per day,
 * jobs stuck in processing. Cached for five minutes (`generated_at` says when it was counted);
 * `refresh=true` counts again. Its schemas are MaintenanceSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Maintenance;

use DMJobs\Maintenance\Schema\MaintenanceSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class MaintenanceController extends WP_REST_Controller {

	public function __construct( private readonly SystemMetrics $metrics = new SystemMetrics() ) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'maintenance';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/metrics',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => MaintenanceSchema::metrics_params(),
				),
				'schema' => array( MaintenanceSchema::class, 'metrics' ),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_item( $request ): WP_REST_Response {
		return rest_ensure_response( $this->metrics->collect( (int) $request['stuck_minutes'], (int) $request['days'], (bool) $request['refresh'] ) );
	}
}
