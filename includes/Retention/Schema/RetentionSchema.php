<?php
/**
 * The schemas of the retention routes (dm-jobs/v1/retention, /retention/run): the arguments of each and the
 * answers (the settings and schedule, the dry run, a run's report). RetentionController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Retention\Schema;

use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;
use DMJobs\Retention\RetentionSettings;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class RetentionSchema {

	/**
	 * POST /retention (any subset).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function settings_params(): array {
		$days = static fn ( string $description ): array => array(
			'description' => $description,
			'type'        => 'integer',
			'minimum'     => 0,
			'maximum'     => RetentionSettings::MAX_DAYS,
		);
		return array(
			'completed_days'   => $days( __( 'Days to keep completed, completed-without-items and skipped jobs (0: forever).', 'dm-jobs' ) ),
			'failed_days'      => $days( __( 'Days to keep failed and cancelled jobs (0: forever).', 'dm-jobs' ) ),
			'keep_failed'      => array(
				'description' => __( 'Keep failed jobs for debugging (cancelled jobs still follow failed_days).', 'dm-jobs' ),
				'type'        => 'boolean',
			),
			'engine_data_days' => $days( __( 'Days after which finished jobs shed their engine_data; failed jobs keep their error details (0: never).', 'dm-jobs' ) ),
			'audit_days'       => $days( __( 'Days to keep audit entries (0: forever).', 'dm-jobs' ) ),
		);
	}

	/**
	 * POST /retention/run.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function run_params(): array {
		return array(
			'dry_run' => array(
				'description' => __( 'Required. true: only count what each rule would remove now; false: remove it (needs confirm).', 'dm-jobs' ),
				'type'        => 'boolean',
				'required'    => true,
			),
			'confirm' => array(
				'description' => __( 'Must be true to remove anything (with dry_run false).', 'dm-jobs' ),
				'type'        => 'boolean',
			),
		);
	}

	/**
	 * The answer of GET and POST /retention.
	 *
	 * @return array<string, mixed>
	 */
	public static function state(): array {
		return ResponseSchemas::titled(
			'dm-retention',
			array(
				'saved'      => self::settings(),
				'effective'  => self::settings(),
				'overridden' => ResponseSchemas::list_of(
					array(
						'type' => 'string',
						'enum' => array_keys( RetentionSettings::DEFAULTS ),
					)
				),
				'defaults'   => self::settings(),
				'schedule'   => ResponseSchemas::schedule(),
				'last_run'   => array( 'anyOf' => array( self::report(), array( 'type' => 'null' ) ) ),
				'pending'    => array( 'type' => 'boolean' ),
			)
		);
	}

	/**
	 * The answer of POST /retention/run: the dry run, or the run's report.
	 *
	 * @return array<string, mixed>
	 */
	public static function run(): array {
		return array(
			'$schema' => ResponseSchemas::DRAFT,
			'type'    => 'object',
			'anyOf'   => array( self::dry_run(), self::report() ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function dry_run(): array {
		return ResponseSchemas::titled(
			'dm-retention-dry-run',
			array(
				'dry_run'   => array(
					'type' => 'boolean',
					'enum' => array( true ),
				),
				'effective' => self::settings(),
				'steps'     => ResponseSchemas::list_of(
					ResponseSchemas::object(
						array(
							'key'   => self::step_key(),
							'type'  => self::operation_type(),
							'days'  => array( 'type' => 'integer' ),
							'count' => array( 'type' => 'integer' ),
						)
					)
				),
			)
		);
	}

	/**
	 * A retention run as it is reported (and kept as the last run).
	 *
	 * @return array<string, mixed>
	 */
	public static function report(): array {
		$step = ResponseSchemas::object(
			array(
				'key'          => self::step_key(),
				'type'         => self::operation_type(),
				'days'         => array( 'type' => 'integer' ),
				'operation_id' => array( 'type' => 'integer' ),
				'state'        => array(
					'type' => 'string',
					'enum' => array( OperationService::STATE_RUNNING, OperationService::STATE_COMPLETED, OperationService::STATE_CANCELLED, OperationService::STATE_FAILED, 'missing' ),
				),
				'total'        => array( 'type' => 'integer' ),
				'affected'     => array( 'type' => 'integer' ),
				'result'       => array( 'type' => 'object' ),
				'message'      => ResponseSchemas::nullable( 'string' ),
			),
			// Reports kept from before a run recorded each step's result and message lack them.
			array( 'key', 'type', 'days', 'operation_id', 'state', 'total', 'affected' )
		);
		return ResponseSchemas::titled(
			'dm-retention-report',
			array(
				'state'       => array(
					'type' => 'string',
					'enum' => array( 'running', 'completed', 'failed' ),
				),
				'trigger'     => array(
					'type' => 'string',
					'enum' => array( 'schedule', 'manual' ),
				),
				'actor'       => ResponseSchemas::actor(),
				'started_at'  => ResponseSchemas::time(),
				'finished_at' => ResponseSchemas::nullable_time(),
				'duration'    => array( 'type' => 'number' ),
				'settings'    => self::settings(),
				'removed'     => array(
					'type'       => 'object',
					'properties' => array(
						'completed'   => array( 'type' => 'integer' ),
						'failed'      => array( 'type' => 'integer' ),
						'engine_data' => array( 'type' => 'integer' ),
						'audit'       => array( 'type' => 'integer' ),
					),
					'required'   => array(),
				),
				'steps'       => ResponseSchemas::list_of( $step ),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function settings(): array {
		$days = array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => RetentionSettings::MAX_DAYS,
		);
		return array(
			'title'      => 'dm-retention-settings',
			'type'       => 'object',
			'properties' => array(
				'completed_days'   => $days,
				'failed_days'      => $days,
				'keep_failed'      => array( 'type' => 'boolean' ),
				'engine_data_days' => $days,
				'audit_days'       => $days,
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function step_key(): array {
		return array(
			'type' => 'string',
			'enum' => array( 'completed', 'failed', 'engine_data', 'audit' ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function operation_type(): array {
		return array(
			'type' => 'string',
			'enum' => OperationType::values(),
		);
	}
}
