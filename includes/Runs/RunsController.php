<?php
/**
 * REST routes that run Data Machine work (dm-jobs/v1), through Data Machine's own execution API:
 *
 * POST /flows/{id}/run   run the flow now; answers the new job (job_id, job) or Data Machine's refusal
 * POST /jobs/{id}/rerun  run the flow of a failed job again (a new job; the failed one stays as it is)
 *
 * 409 when no runner is available (Data Machine inactive, nothing provided through
 * `dm_jobs_flow_runner`) or Data Machine refused (its message), 404 when the flow or job is gone. Their schemas
 * are RunSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Runs;

use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Runs\Schema\RunSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class RunsController {

	public function __construct( private readonly JobRepository $jobs = new JobRepository() ) {
	}

	public function register_routes(): void {
		register_rest_route(
			ApiNamespace::NAME,
			'/flows/(?P<id>[\d]+)/run',
			array(
				'args'   => RunSchema::id_arg( __( 'The flow ID.', 'dm-jobs' ) ),
				'schema' => array( RunSchema::class, 'run' ),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'run_flow' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
			)
		);
		register_rest_route(
			ApiNamespace::NAME,
			'/jobs/(?P<id>[\d]+)/rerun',
			array(
				'args'   => RunSchema::id_arg( __( 'The failed job whose flow runs again.', 'dm-jobs' ) ),
				'schema' => array( RunSchema::class, 'run' ),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rerun_job' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
			)
		);
	}

	public function run_flow( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		return $this->respond( ( new FlowRunService() )->run( (int) $request['id'] ) );
	}

	public function rerun_job( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$job_id = (int) $request['id'];
		$row    = $this->jobs->find( $job_id );
		if ( null === $row ) {
			return new WP_Error( 'rest_not_found', __( 'No job with this ID.', 'dm-jobs' ), array( 'status' => 404 ) );
		}
		if ( BaseStatus::Failed !== StatusParser::parse( (string) $row['status'] )->base ) {
			return new WP_Error( 'dm_jobs_not_failed', __( 'Only failed jobs can be re-run; use "Run flow now" to run the flow again.', 'dm-jobs' ), array( 'status' => 409 ) );
		}
		$flow_id = is_numeric( $row['flow_id'] ) ? (int) $row['flow_id'] : 0;
		if ( $flow_id < 1 ) {
			return new WP_Error( 'dm_jobs_no_flow', __( 'This job did not come from a saved flow, so there is nothing to run again.', 'dm-jobs' ), array( 'status' => 409 ) );
		}
		return $this->respond( ( new FlowRunService() )->run( $flow_id, $job_id ) );
	}

	/**
	 * @param array<string, mixed>|WP_Error $result
	 */
	private function respond( array|WP_Error $result ): WP_REST_Response|WP_Error {
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = rest_ensure_response( $result );
		$response->set_status( null === $result['job_id'] ? 200 : 201 );
		return $response;
	}
}
