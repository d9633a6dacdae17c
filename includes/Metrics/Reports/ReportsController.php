<?php
/**
 * GET /dm-jobs/v1/reports/pipelines?after&before: per-pipeline counts, success rate and average
 * duration for jobs created in the range (default: the last 30 days). Its schemas are PipelineReportSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\Reports\Schema\PipelineReportSchema;
use DMJobs\Operations\OperationParams;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class ReportsController extends WP_REST_Controller {

	public function __construct( private readonly PipelineReport $report = new PipelineReport() ) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'reports';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/pipelines',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => PipelineReportSchema::params(),
				),
				'schema' => array( PipelineReportSchema::class, 'report' ),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_item( $request ): WP_REST_Response|WP_Error {
		$before = OperationParams::utc( $request['before'] ) ?? gmdate( 'Y-m-d H:i:s' );
		$after  = OperationParams::utc( $request['after'] ) ?? gmdate( 'Y-m-d H:i:s', (int) strtotime( $before . ' UTC' ) - 30 * DAY_IN_SECONDS );
		if ( $after > $before ) {
			return OperationParams::invalid( 'before', __( '"before" must not be earlier than "after".', 'dm-jobs' ) );
		}
		return rest_ensure_response( $this->report->build( $after, $before ) );
	}
}
