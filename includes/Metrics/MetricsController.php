<?php
/**
 * REST routes for performance metrics and historical analysis (dm-jobs/v1/metrics…).
 *
 * Their schemas are MetricsSchema's. Every route reads the rollup tables only. Before reading, a short bounded catch-up pass runs
 * when the rollups may be behind (see RollupService::catch_up_before_read()).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Reports\CapacityReport;
use DMJobs\Metrics\Reports\DegradationReport;
use DMJobs\Metrics\Reports\OverviewReport;
use DMJobs\Metrics\Reports\ResourcesReport;
use DMJobs\Metrics\Schema\MetricsSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\InvalidParam;
use DMJobs\Shared\Rest\Permission;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class MetricsController extends WP_REST_Controller {

	private \Closure $now;

	/**
	 * @param RollupService $rollups Keeps the rollups current.
	 * @param \Closure|null $now     Returns the current Unix time (tests pass their own).
	 */
	public function __construct(
		private readonly RollupService $rollups = new RollupService(),
		?\Closure $now = null,
	) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'metrics';
		$this->now       = $now ?? static fn (): int => time();
	}

	public function register_routes(): void {
		$read = static fn ( array $callback, array $args, array $schema ): array => array(
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => $callback,
				'permission_callback' => array( Permission::class, 'check' ),
				'args'                => $args,
			),
			'schema' => static fn (): array => $schema,
		);

		register_rest_route( $this->namespace, '/metrics', $read( array( $this, 'get_overview' ), MetricsSchema::range_params( true ), MetricsSchema::overview() ) );
		register_rest_route( $this->namespace, '/metrics/degradation', $read( array( $this, 'get_degradation' ), MetricsSchema::degradation_params(), MetricsSchema::degradation() ) );
		register_rest_route( $this->namespace, '/metrics/capacity', $read( array( $this, 'get_capacity' ), MetricsSchema::capacity_params(), MetricsSchema::capacity() ) );
		register_rest_route( $this->namespace, '/metrics/resources', $read( array( $this, 'get_resources' ), MetricsSchema::range_params( false ), MetricsSchema::resources() ) );
		register_rest_route(
			$this->namespace,
			'/metrics/rollup',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_rollup' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'run_rollup' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => MetricsSchema::rollup_params(),
				),
				'schema' => array( MetricsSchema::class, 'progress' ),
			)
		);
	}

	/**
	 * GET /metrics: volume by status, success rate, durations by pipeline, heatmap, failure trend.
	 */
	public function get_overview( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$clock = SiteClock::site();
		$range = RangeRequest::range( $request, $clock, $this->now() );
		if ( is_wp_error( $range ) ) {
			return $range;
		}
		$this->rollups->catch_up_before_read();
		$filters = array(
			'pipeline_id' => null === $request['pipeline_id'] ? null : (int) $request['pipeline_id'],
			'flow_id'     => null === $request['flow_id'] ? null : (int) $request['flow_id'],
		);
		$data = array(
			'range'  => RangeRequest::fields( $range, $clock ),
			'rollup' => $this->rollups->progress(),
		) + ( new OverviewReport() )->build( $range, $clock, $filters );
		return rest_ensure_response( $data );
	}

	/**
	 * GET /metrics/degradation: pipelines whose recent durations or failure rate left their baseline.
	 */
	public function get_degradation( WP_REST_Request $request ): WP_REST_Response {
		$this->rollups->catch_up_before_read();
		$data = ( new DegradationReport() )->build(
			(int) $request['recent_hours'],
			(int) $request['baseline_days'],
			null === $request['pipeline_id'] ? null : (int) $request['pipeline_id'],
			SiteClock::site(),
			$this->now()
		);
		return rest_ensure_response( $data + array( 'rollup' => $this->rollups->progress() ) );
	}

	/**
	 * GET /metrics/capacity: growth, projections, and the retention that keeps the table under a size.
	 */
	public function get_capacity( WP_REST_Request $request ): WP_REST_Response {
		$this->rollups->catch_up_before_read();
		$max  = null === $request['max_size_mb'] ? null : (float) $request['max_size_mb'];
		$data = ( new CapacityReport() )->build( $max, SiteClock::site(), $this->now() );
		return rest_ensure_response( $data + array( 'rollup' => $this->rollups->progress() ) );
	}

	/**
	 * GET /metrics/resources: concurrent processing jobs and table size over time.
	 */
	public function get_resources( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$clock = SiteClock::site();
		$range = RangeRequest::range( $request, $clock, $this->now() );
		if ( is_wp_error( $range ) ) {
			return $range;
		}
		$this->rollups->catch_up_before_read();
		return rest_ensure_response( array( 'range' => RangeRequest::fields( $range, $clock ) ) + ( new ResourcesReport() )->build( $range ) );
	}

	/**
	 * GET /metrics/rollup: backfill progress and rollup state. Does no work.
	 */
	public function get_rollup(): WP_REST_Response {
		return rest_ensure_response( $this->rollups->progress() );
	}

	/**
	 * POST /metrics/rollup: runs one bounded pass now (the insights view calls it while backfilling).
	 */
	public function run_rollup( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		if ( true === $request['dry_run'] ) {
			return rest_ensure_response( $this->rollups->progress() );
		}
		if ( true === $request['rebuild'] && true !== $request['confirm'] ) {
			return InvalidParam::error( 'confirm', __( 'Send confirm: true to empty the rollups and rebuild them (statistics of deleted jobs are lost).', 'dm-jobs' ) );
		}
		try {
			if ( true === $request['rebuild'] ) {
				$this->rollups->reset();
			}
			$progress = $this->rollups->run( 1.5 );
		} catch ( \RuntimeException $error ) {
			return new WP_Error( 'dm_jobs_rollup_failed', $error->getMessage(), array( 'status' => 503 ) );
		}
		return rest_ensure_response( $progress );
	}

	private function now(): int {
		return ( $this->now )();
	}
}
