<?php
/**
 * REST routes for performance metrics and historical analysis (dm-jobs/v1/metrics…).
 *
 * Every route reads the rollup tables only. Before reading, a short bounded catch-up pass runs
 * when the rollups may be behind (see RollupService::catch_up_before_read()).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Reports\CapacityReport;
use DMJobs\Metrics\Reports\DegradationReport;
use DMJobs\Metrics\Reports\OverviewReport;
use DMJobs\Metrics\Reports\ResourcesReport;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\InvalidParam;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\ResponseSchemas;
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

		register_rest_route( $this->namespace, '/metrics', $read( array( $this, 'get_overview' ), $this->range_params( true ), $this->overview_schema() ) );
		register_rest_route( $this->namespace, '/metrics/degradation', $read( array( $this, 'get_degradation' ), $this->degradation_params(), $this->degradation_schema() ) );
		register_rest_route( $this->namespace, '/metrics/capacity', $read( array( $this, 'get_capacity' ), $this->capacity_params(), $this->capacity_schema() ) );
		register_rest_route( $this->namespace, '/metrics/resources', $read( array( $this, 'get_resources' ), $this->range_params( false ), $this->resources_schema() ) );
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
					'args'                => array(
						'rebuild' => array(
							'description' => __( 'Empty the rollups and backfill again from the jobs table. Statistics of jobs that no longer exist are lost. Needs confirm (or dry_run).', 'dm-jobs' ),
							'type'        => 'boolean',
							'default'     => false,
						),
						'confirm' => array(
							'description' => __( 'Must be true for a rebuild to empty the rollups.', 'dm-jobs' ),
							'type'        => 'boolean',
							'default'     => false,
						),
						'dry_run' => array(
							'description' => __( 'Change nothing: answer the current progress (what a rebuild would start over).', 'dm-jobs' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
				'schema' => fn (): array => $this->progress_schema(),
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

	// ---------------------------------------------------------------- parameters

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function range_params( bool $with_filters ): array {
		$params = array(
			'range'  => array(
				'description' => __( 'Preset range: 24h, 7d, 30d, 90d (the last N site-local days), or custom (after and before). Default 7d, or custom when after/before are given.', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => MetricsRange::PRESETS,
			),
			'after'  => array(
				'description' => __( 'Custom range start, ISO 8601.', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'before' => array(
				'description' => __( 'Custom range end, ISO 8601.', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
		);
		if ( $with_filters ) {
			$params['pipeline_id'] = array(
				'description' => __( 'Only jobs of this pipeline.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			);
			$params['flow_id']     = array(
				'description' => __( 'Only jobs of this flow.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			);
		}
		return $params;
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function degradation_params(): array {
		return array(
			'recent_hours'  => array(
				'description' => __( 'Length of the recent window in hours (up to the current hour).', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 72,
				'default'     => 24,
			),
			'baseline_days' => array(
				'description' => __( 'Whole site-local days before the recent window that form the baseline.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 90,
				'default'     => 14,
			),
			'pipeline_id'   => array(
				'description' => __( 'Only this pipeline.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function capacity_params(): array {
		return array(
			'max_size_mb' => array(
				'description' => __( 'A size in MB the jobs table should stay under: the answer includes the retention (days) that keeps it there.', 'dm-jobs' ),
				'type'        => 'number',
				'minimum'     => 1,
				'maximum'     => 10000000,
			),
		);
	}

	private function now(): int {
		return ( $this->now )();
	}

	// ---------------------------------------------------------------- schemas

	/**
	 * GET /metrics/degradation.
	 *
	 * @return array<string, mixed>
	 */
	public function degradation_schema(): array {
		$number   = array( 'type' => 'number' );
		$nullable = ResponseSchemas::nullable( 'number' );
		$window   = ResponseSchemas::object(
			array(
				'jobs'         => array( 'type' => 'integer' ),
				'finished'     => array( 'type' => 'integer' ),
				'failed'       => array( 'type' => 'integer' ),
				'failure_rate' => $nullable,
				'timed_jobs'   => array( 'type' => 'integer' ),
				'avg_seconds'  => $nullable,
				'p95_seconds'  => $nullable,
			)
		);
		return ResponseSchemas::titled(
			'dm-metrics-degradation',
			array(
				'recent'     => ResponseSchemas::object(
					array(
						'after'  => ResponseSchemas::time(),
						'before' => ResponseSchemas::time(),
						'hours'  => array( 'type' => 'integer' ),
					)
				),
				'baseline'   => ResponseSchemas::object(
					array(
						'after'      => ResponseSchemas::time(),
						'before'     => ResponseSchemas::time(),
						'first_date' => array( 'type' => 'string' ),
						'last_date'  => array( 'type' => 'string' ),
						'days'       => array( 'type' => 'integer' ),
					)
				),
				'thresholds' => ResponseSchemas::object(
					array(
						'duration_ratio'        => $number,
						'failure_rate_increase' => $number,
						'min_recent_jobs'       => $number,
						'min_baseline_jobs'     => $number,
					)
				),
				'pipelines'  => ResponseSchemas::list_of(
					ResponseSchemas::object(
						array(
							'pipeline_id'   => array( 'type' => 'integer' ),
							'pipeline_name' => ResponseSchemas::nullable( 'string' ),
							'flagged'       => array( 'type' => 'boolean' ),
							'triggers'      => ResponseSchemas::list_of(
								ResponseSchemas::object(
									array(
										'metric'    => array(
											'type' => 'string',
											'enum' => array( 'p95_duration', 'avg_duration', 'failure_rate' ),
										),
										'recent'    => $number,
										'baseline'  => $number,
										'change'    => $number,
										'threshold' => $number,
									)
								)
							),
							'recent'        => $window,
							'baseline'      => $window,
						)
					)
				),
				'rollup'     => $this->progress_schema(),
			)
		);
	}

	/**
	 * GET /metrics/capacity.
	 *
	 * @return array<string, mixed>
	 */
	public function capacity_schema(): array {
		$count = ResponseSchemas::nullable( 'integer' );
		$rate  = ResponseSchemas::nullable( 'number' );
		return ResponseSchemas::titled(
			'dm-metrics-capacity',
			array(
				'measured_at'     => ResponseSchemas::nullable_time(),
				'rows'            => $count,
				'bytes'           => $count,
				'free_bytes'      => $count,
				'bytes_estimated' => array( 'type' => 'boolean' ),
				'bytes_per_row'   => $rate,
				'growth'          => ResponseSchemas::object(
					array(
						'rows_per_day'          => $rate,
						'days_observed'         => array( 'type' => 'integer' ),
						'previous_rows_per_day' => $rate,
						'change'                => $rate,
					)
				),
				'projections'     => ResponseSchemas::list_of(
					ResponseSchemas::object(
						array(
							'days'  => array( 'type' => 'integer' ),
							'rows'  => $count,
							'bytes' => $count,
						)
					)
				),
				'limit'           => array(
					'type'       => array( 'object', 'null' ),
					'properties' => array(
						'max_bytes'        => array( 'type' => 'integer' ),
						'retention_days'   => $count,
						'days_until_limit' => $count,
						'over_limit'       => array( 'type' => 'boolean' ),
					),
				),
				'rollup'          => $this->progress_schema(),
			)
		);
	}

	/**
	 * GET /metrics/resources.
	 *
	 * @return array<string, mixed>
	 */
	public function resources_schema(): array {
		return ResponseSchemas::titled(
			'dm-metrics-resources',
			array(
				'range'       => $this->range_schema(),
				'resolution'  => array(
					'type' => 'string',
					'enum' => array( 'snapshot', 'hour', 'bucket' ),
				),
				'interval'    => ResponseSchemas::nullable( 'integer' ),
				'concurrency' => ResponseSchemas::list_of(
					ResponseSchemas::object(
						array(
							'at'             => ResponseSchemas::time(),
							'processing_max' => array( 'type' => 'integer' ),
							'processing_avg' => array( 'type' => 'number' ),
							'pending_max'    => array( 'type' => 'integer' ),
							'samples'        => array( 'type' => 'integer' ),
						)
					)
				),
				'table_size'  => ResponseSchemas::list_of(
					ResponseSchemas::object(
						array(
							'at'        => ResponseSchemas::time(),
							'rows'      => array( 'type' => 'integer' ),
							'bytes'     => ResponseSchemas::nullable( 'integer' ),
							'estimated' => array( 'type' => 'boolean' ),
						)
					)
				),
			)
		);
	}

	/**
	 * The resolved range of GET /metrics and /metrics/resources.
	 *
	 * @return array<string, mixed>
	 */
	private function range_schema(): array {
		$nullable = ResponseSchemas::nullable( 'string' );
		return array(
			'title'      => 'dm-metrics-range',
			'type'       => 'object',
			'properties' => array(
				'preset'        => array(
					'type' => 'string',
					'enum' => MetricsRange::PRESETS,
				),
				'bucket'        => array(
					'type' => 'string',
					'enum' => array( MetricsRange::BUCKET_HOUR, MetricsRange::BUCKET_DAY, MetricsRange::BUCKET_WEEK ),
				),
				'after'         => ResponseSchemas::time(),
				'before'        => ResponseSchemas::time(),
				'first_date'    => $nullable,
				'last_date'     => $nullable,
				'time_zone'     => array( 'type' => 'string' ),
				'start_of_week' => array( 'type' => 'integer' ),
				'fell_back'     => array( 'type' => 'boolean' ),
				'p95_precision' => array( 'type' => 'number' ),
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function progress_schema(): array {
		$nullable_time = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'dm-metrics-rollup',
			'type'       => 'object',
			'properties' => array(
				'state'       => array(
					'type' => 'string',
					'enum' => array( 'not_started', 'rebuilding', 'backfilling', 'ready' ),
				),
				'percent'     => array( 'type' => 'number' ),
				'processed'   => array( 'type' => 'integer' ),
				'watermark'   => array( 'type' => 'integer' ),
				'target'      => array( 'type' => 'integer' ),
				'skipped'     => array( 'type' => 'integer' ),
				'started_at'  => $nullable_time,
				'finished_at' => $nullable_time,
				'last_run_at' => $nullable_time,
				'open_jobs'   => array(
					'type'       => 'object',
					'properties' => array(
						'pending'    => array( 'type' => 'integer' ),
						'processing' => array( 'type' => 'integer' ),
						'other'      => array( 'type' => 'integer' ),
						'gaps'       => array( 'type' => 'integer' ),
					),
				),
				'time_zone'   => array( 'type' => array( 'string', 'null' ) ),
				'busy'        => array(
					'description' => __( 'Only in the answer of POST /metrics/rollup: another request was running a pass, this one did none.', 'dm-jobs' ),
					'type'        => 'boolean',
				),
			),
			'required'   => array( 'state', 'percent', 'processed', 'watermark', 'target', 'skipped', 'started_at', 'finished_at', 'last_run_at', 'open_jobs', 'time_zone' ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function overview_schema(): array {
		$bucket   = array(
			'key'   => array( 'type' => 'string' ),
			'start' => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'end'   => array(
				'type'   => 'string',
				'format' => 'date-time',
			),
			'date'  => array( 'type' => array( 'string', 'null' ) ),
		);
		$rate     = array( 'type' => array( 'number', 'null' ) );
		$seconds  = array( 'type' => array( 'number', 'null' ) );
		$counts   = array();
		foreach ( JobClassifier::final_statuses() as $status ) {
			$counts[ $status ] = array( 'type' => 'integer' );
		}
		$nullable = array( 'type' => array( 'string', 'null' ) );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'dm-metrics',
			'type'       => 'object',
			'properties' => array(
				'range'         => $this->range_schema(),
				'rollup'        => $this->progress_schema(),
				'statuses'      => array(
					'type'  => 'array',
					'items' => array(
						'type' => 'string',
						'enum' => JobClassifier::final_statuses(),
					),
				),
				'totals'        => array(
					'type'       => 'object',
					'properties' => array(
						'jobs'         => array( 'type' => 'integer' ),
						'succeeded'    => array( 'type' => 'integer' ),
						'failed'       => array( 'type' => 'integer' ),
						'success_rate' => $rate,
					),
				),
				'volume'        => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => $bucket + array(
							'counts' => array(
								'type'       => 'object',
								'properties' => $counts,
							),
							'total'  => array( 'type' => 'integer' ),
						),
					),
				),
				'success_rate'  => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => $bucket + array(
							'succeeded' => array( 'type' => 'integer' ),
							'failed'    => array( 'type' => 'integer' ),
							'rate'      => $rate,
						),
					),
				),
				'durations'     => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'pipeline_id'   => array( 'type' => 'integer' ),
							'pipeline_name' => $nullable,
							'jobs'          => array( 'type' => 'integer' ),
							'timed_jobs'    => array( 'type' => 'integer' ),
							'avg_seconds'   => $seconds,
							'p95_seconds'   => $seconds,
							'max_seconds'   => array( 'type' => array( 'integer', 'null' ) ),
						),
					),
				),
				'heatmap'       => array(
					'type'       => 'object',
					'properties' => array(
						'cells' => array(
							'type'  => 'array',
							'items' => array(
								'type'       => 'object',
								'properties' => array(
									'weekday' => array(
										'type'    => 'integer',
										'minimum' => 1,
										'maximum' => 7,
									),
									'hour'    => array(
										'type'    => 'integer',
										'minimum' => 0,
										'maximum' => 23,
									),
									'count'   => array( 'type' => 'integer' ),
								),
							),
						),
						'max'   => array( 'type' => 'integer' ),
					),
				),
				'failure_trend' => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'pipeline_id'   => array( 'type' => 'integer' ),
							'pipeline_name' => $nullable,
							'jobs'          => array( 'type' => 'integer' ),
							'points'        => array(
								'type'  => 'array',
								'items' => array(
									'type'       => 'object',
									'properties' => $bucket + array(
										'failed'   => array( 'type' => 'integer' ),
										'finished' => array( 'type' => 'integer' ),
										'rate'     => $rate,
									),
								),
							),
						),
					),
				),
				'duration_trend' => array(
					'description' => __( 'Average, median and p95 duration of the finished jobs of each pipeline, per bucket, with the number of timed jobs behind each.', 'dm-jobs' ),
					'type'        => 'array',
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'pipeline_id'   => array( 'type' => 'integer' ),
							'pipeline_name' => $nullable,
							'timed_jobs'    => array( 'type' => 'integer' ),
							'points'        => array(
								'type'  => 'array',
								'items' => array(
									'type'       => 'object',
									'properties' => $bucket + array(
										'timed'          => array( 'type' => 'integer' ),
										'avg_seconds'    => $seconds,
										'median_seconds' => $seconds,
										'p95_seconds'    => $seconds,
									),
								),
							),
						),
					),
				),
			),
		);
	}
}
