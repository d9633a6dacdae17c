<?php
/**
 * The schemas of the metrics routes (dm-jobs/v1/metrics…): the arguments of each and the answers, with the
 * shared parts (range, rollup progress, bucket) named once.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Schema;

use DMJobs\Metrics\JobClassifier;
use DMJobs\Metrics\MetricsRange;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class MetricsSchema {

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public static function range_params( bool $with_filters ): array {
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
	public static function degradation_params(): array {
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
	public static function capacity_params(): array {
		return array(
			'max_size_mb' => array(
				'description' => __( 'A size in MB the jobs table should stay under: the answer includes the retention (days) that keeps it there.', 'dm-jobs' ),
				'type'        => 'number',
				'minimum'     => 1,
				'maximum'     => 10000000,
			),
		);
	}

	/**
	 * POST /metrics/rollup.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function rollup_params(): array {
		return array(
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
		);
	}

	/**
	 * GET /metrics/degradation.
	 *
	 * @return array<string, mixed>
	 */
	public static function degradation(): array {
		$number   = array( 'type' => 'number' );
		$nullable = ResponseSchemas::nullable( 'number' );
		$window   = ResponseSchemas::titled(
			'dm-degradation-window',
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
				'rollup'     => self::progress(),
			)
		);
	}

	/**
	 * GET /metrics/capacity.
	 *
	 * @return array<string, mixed>
	 */
	public static function capacity(): array {
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
				'rollup'          => self::progress(),
			)
		);
	}

	/**
	 * GET /metrics/resources.
	 *
	 * @return array<string, mixed>
	 */
	public static function resources(): array {
		return ResponseSchemas::titled(
			'dm-metrics-resources',
			array(
				'range'       => self::range(),
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
	public static function range(): array {
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
	public static function progress(): array {
		$nullable_time = ResponseSchemas::nullable_time();
		return array(
			'$schema'    => ResponseSchemas::DRAFT,
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
	public static function overview(): array {
		$rate    = ResponseSchemas::nullable( 'number' );
		$seconds = $rate;
		$counts  = array();
		foreach ( JobClassifier::final_statuses() as $status ) {
			$counts[ $status ] = array( 'type' => 'integer' );
		}
		return array(
			'$schema'    => ResponseSchemas::DRAFT,
			'title'      => 'dm-metrics',
			'type'       => 'object',
			'properties' => array(
				'range'         => self::range(),
				'rollup'        => self::progress(),
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
					'items' => self::point(
						array(
							'counts' => array(
								'type'       => 'object',
								'properties' => $counts,
							),
							'total'  => array( 'type' => 'integer' ),
						)
					),
				),
				'success_rate'  => array(
					'type'  => 'array',
					'items' => self::point(
						array(
							'succeeded' => array( 'type' => 'integer' ),
							'failed'    => array( 'type' => 'integer' ),
							'rate'      => $rate,
						)
					),
				),
				'durations'     => array(
					'type'  => 'array',
					'items' => self::per_pipeline(
						array(
							'jobs'        => array( 'type' => 'integer' ),
							'timed_jobs'  => array( 'type' => 'integer' ),
							'avg_seconds' => $seconds,
							'p95_seconds' => $seconds,
							'max_seconds' => array( 'type' => array( 'integer', 'null' ) ),
						)
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
					'items' => self::per_pipeline(
						array(
							'jobs'   => array( 'type' => 'integer' ),
							'points' => ResponseSchemas::list_of(
								self::point(
									array(
										'failed'   => array( 'type' => 'integer' ),
										'finished' => array( 'type' => 'integer' ),
										'rate'     => $rate,
									)
								)
							),
						)
					),
				),
				'duration_trend' => array(
					'description' => __( 'Average, median and p95 duration of the finished jobs of each pipeline, per bucket, with the number of timed jobs behind each.', 'dm-jobs' ),
					'type'        => 'array',
					'items'       => self::per_pipeline(
						array(
							'timed_jobs' => array( 'type' => 'integer' ),
							'points'     => ResponseSchemas::list_of(
								self::point(
									array(
										'timed'          => array( 'type' => 'integer' ),
										'avg_seconds'    => $seconds,
										'median_seconds' => $seconds,
										'p95_seconds'    => $seconds,
									)
								)
							),
						)
					),
				),
			),
		);
	}

	/**
	 * The time bucket every series point of GET /metrics starts with.
	 *
	 * @return array<string, mixed>
	 */
	public static function bucket(): array {
		return ResponseSchemas::titled(
			'dm-metrics-bucket',
			array(
				'key'   => array( 'type' => 'string' ),
				'start' => ResponseSchemas::time(),
				'end'   => ResponseSchemas::time(),
				'date'  => ResponseSchemas::nullable( 'string' ),
			)
		);
	}

	/**
	 * A series point: its bucket, then its values.
	 *
	 * @param array<string, array<string, mixed>> $values
	 * @return array<string, mixed>
	 */
	private static function point( array $values ): array {
		return array(
			'type'  => 'object',
			'allOf' => array( self::bucket(), ResponseSchemas::object( $values ) ),
		);
	}

	/**
	 * A row about one pipeline: its ID and name, then its values.
	 *
	 * @param array<string, array<string, mixed>> $values
	 * @return array<string, mixed>
	 */
	private static function per_pipeline( array $values ): array {
		return ResponseSchemas::object(
			array(
				'pipeline_id'   => array( 'type' => 'integer' ),
				'pipeline_name' => ResponseSchemas::nullable( 'string' ),
			) + $values
		);
	}
}
