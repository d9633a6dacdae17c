<?php
/**
 * REST routes that keep a jobs view live and cheap: a change token to poll, and counts per status.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Schema\JobActivitySchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Status\BaseStatus;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class JobActivityController extends WP_REST_Controller {

	/**
	 * New jobs are counted up to this many ("100+ new jobs").
	 */
	public const NEW_JOBS_LIMIT = 100;

	/**
	 * Jobs one screen can watch at once.
	 */
	public const WATCH_LIMIT = 50;

	public function __construct() {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'jobs';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/jobs/changes',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_changes' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => JobActivitySchema::changes_params(),
				),
				'schema' => array( JobActivitySchema::class, 'changes' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/jobs/counts',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_counts' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(),
				),
				'schema' => array( JobActivitySchema::class, 'counts' ),
			)
		);
	}

	/**
	 * GET /jobs/changes: {token, changed} when nothing moved (no further query), plus new_jobs when it did.
	 *
	 * @param WP_REST_Request $request Validated request.
	 */
	public function get_changes( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$token   = ( new ChangeToken() )->current();
		$changed = $token !== $request['token'];
		$body    = array(
			'token'   => $token,
			'changed' => $changed,
		);
		if ( $changed && null !== $request['since_id'] ) {
			$query = JobsController::query_from_request( $request );
			if ( is_wp_error( $query ) ) {
				return $query;
			}
			$newer            = $query->with_above_id( (int) $request['since_id'] );
			$body['new_jobs'] = min( self::NEW_JOBS_LIMIT + 1, ( new \DMJobs\Jobs\Repository\JobListRepository() )->count_up_to( $newer, self::NEW_JOBS_LIMIT ) );
		}
		if ( ! empty( $request['watch'] ) ) {
			$body['watched'] = array_map( array( \DMJobs\Jobs\JobFormatter::class, 'summary' ), ( new \DMJobs\Jobs\Repository\JobListRepository() )->find_by_ids( (array) $request['watch'] ) );
		}
		$response = rest_ensure_response( $body );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * GET /jobs/counts: jobs per base status (every status listed, 0 when none).
	 */
	public function get_counts(): WP_REST_Response {
		$counts    = ( new JobCounts() )->current();
		$by_status = array();
		foreach ( BaseStatus::values() as $status ) {
			$by_status[ $status ] = $counts['by_status'][ $status ] ?? 0;
		}
		// Statuses DM Jobs does not know (yet) are counted by their own name, never dropped.
		$others = array_diff_key( $counts['by_status'], $by_status );
		ksort( $others );
		return rest_ensure_response(
			array(
				'total'          => $counts['total'],
				'exact'          => $counts['exact'],
				'as_of'          => gmdate( 'Y-m-d\TH:i:s\Z', $counts['as_of'] ),
				'by_status'      => $by_status,
				'other_statuses' => (object) $others,
			)
		);
	}
}
