<?php
/**
 * REST routes that keep a jobs view live and cheap: a change token to poll, and counts per status.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\ParamLimits;
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

	public function __construct( private readonly JobsController $jobs = new JobsController() ) {
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
					'args'                => array_merge(
						$this->jobs->get_collection_params(),
						array(
							'token'    => array(
								'description' => __( 'The token of the last poll; "changed" says whether anything moved since.', 'dm-jobs' ),
								'type'        => 'string',
								'pattern'     => '^[0-9a-f]{0,32}$',
								'default'     => '',
							),
							'since_id' => array(
								'description' => __( 'The newest job ID the client shows: matching jobs above it are counted as new.', 'dm-jobs' ),
								'type'        => 'integer',
								'minimum'     => 0,
								'maximum'     => ParamLimits::MAX_ID,
							),
							'watch'    => array(
								'description' => __( 'Job IDs the screen watches (started from it, or marked "watch"): their current state comes back in "watched" on every poll, changed or not.', 'dm-jobs' ),
								'type'        => 'array',
								'items'       => array(
									'type'    => 'integer',
									'minimum' => 1,
									'maximum' => ParamLimits::MAX_ID,
								),
								'maxItems'    => self::WATCH_LIMIT,
							),
						)
					),
				),
				'schema' => array( $this, 'changes_schema' ),
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
				'schema' => array( $this, 'counts_schema' ),
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
			$query = JobQuery::from_request( $request );
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

	/**
	 * @return array<string, mixed>
	 */
	public function changes_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'dm-jobs-changes',
			'type'       => 'object',
			'properties' => array(
				'token'    => array( 'type' => 'string' ),
				'changed'  => array( 'type' => 'boolean' ),
				'new_jobs' => array(
					'description' => __( 'Matching jobs above since_id, counted up to 101 (101 means "more than 100").', 'dm-jobs' ),
					'type'        => 'integer',
				),
				'watched'  => array(
					'description' => __( 'The watched jobs that still exist, as GET /jobs lists them (only when "watch" was sent).', 'dm-jobs' ),
					'type'        => 'array',
					'items'       => ( new JobsController() )->get_item_schema(),
				),
			),
			// new_jobs only when something moved and since_id was sent; watched only when watch was sent.
			'required'   => array( 'token', 'changed' ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function counts_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'dm-jobs-counts',
			'type'       => 'object',
			'properties' => array(
				'total'     => array( 'type' => 'integer' ),
				'exact'     => array(
					'description' => __( 'False while counts are estimates (a very large table before its first count, or right after a cleanup).', 'dm-jobs' ),
					'type'        => 'boolean',
				),
				'as_of'     => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'by_status' => array(
					'type'                 => 'object',
					'additionalProperties' => array( 'type' => 'integer' ),
				),
				'other_statuses' => array(
					'description'          => __( 'Jobs per status DM Jobs does not know yet, by name (filter them with other_status).', 'dm-jobs' ),
					'type'                 => 'object',
					'additionalProperties' => array( 'type' => 'integer' ),
				),
			),
		);
	}
}
