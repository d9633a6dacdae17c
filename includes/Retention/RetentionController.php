<?php
/**
 * REST routes for the retention policy (dm-jobs/v1):
 *
 * GET  /retention      saved and effective settings (filters may override), schedule, last run report
 * POST /retention      save settings (any subset)
 * POST /retention/run  {dry_run: true}: what the policy removes now; {dry_run: false, confirm: true}:
 *                      run it now (continues in the background when it needs longer than one request).
 *                      Any other body (none, null, [], 123, a missing confirm) is a 400: nothing runs.
 *
 * @package DMJobs
 */

namespace DMJobs\Retention;

use DMJobs\Audit\Actor;
use DMJobs\Audit\AuditLog;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\ResponseSchemas;
use DMJobs\Shared\Rest\TypeScriptContract;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class RetentionController extends WP_REST_Controller {

	public function __construct(
		private readonly RetentionSettings $settings = new RetentionSettings(),
		private readonly RetentionService $service = new RetentionService(),
		private readonly AuditLog $audit = new AuditLog(),
	) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'retention';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => $this->settings_params(),
				),
				'schema' => fn (): array => $this->state_schema(),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/run',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'run' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(
						'dry_run' => array(
							'description' => __( 'Required. true: only count what each rule would remove now; false: remove it (needs confirm).', 'dm-jobs' ),
							'type'        => 'boolean',
							'required'    => true,
						),
						'confirm' => array(
							'description' => __( 'Must be true to remove anything (with dry_run false).', 'dm-jobs' ),
							'type'        => 'boolean',
						),
					),
					TypeScriptContract::RESPONSE_SCHEMA => fn (): array => $this->run_schema(),
				),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_item( $request ): WP_REST_Response {
		return rest_ensure_response( $this->state() );
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function update_item( $request ): WP_REST_Response {
		$before = $this->settings->saved();
		$values = array();
		foreach ( array_keys( RetentionSettings::DEFAULTS ) as $key ) {
			if ( $request->has_param( $key ) && null !== $request[ $key ] ) {
				$values[ $key ] = $request[ $key ];
			}
		}
		$after = $this->settings->save( $values );
		if ( $after !== $before ) {
			$this->audit->record(
				'retention.settings_saved',
				array(
					'before' => $before,
					'after'  => $after,
				)
			);
		}
		return rest_ensure_response( $this->state() );
	}

	public function run( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		if ( $request['dry_run'] ) {
			return rest_ensure_response(
				array(
					'dry_run'   => true,
					'effective' => $this->settings->effective(),
					'steps'     => $this->service->preview(),
				)
			);
		}
		if ( true !== $request['confirm'] ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: parameter name. */
				sprintf( __( 'Invalid parameter(s): %s', 'dm-jobs' ), 'confirm' ),
				array(
					'status' => 400,
					'params' => array( 'confirm' => __( 'Send confirm: true to remove what the retention rules select (see the dry run first).', 'dm-jobs' ) ),
				)
			);
		}
		return rest_ensure_response( $this->service->run( Actor::current(), 'manual', 10.0 ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function state(): array {
		return array(
			'saved'      => $this->settings->saved(),
			'effective'  => $this->settings->effective(),
			'overridden' => $this->settings->overridden(),
			'defaults'   => RetentionSettings::DEFAULTS,
			'schedule'   => RetentionScheduler::schedule(),
			'last_run'   => $this->service->last_run(),
			'pending'    => is_array( get_option( RetentionService::PENDING_OPTION ) ),
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function settings_params(): array {
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
	 * The answer of GET and POST /retention.
	 *
	 * @return array<string, mixed>
	 */
	public function state_schema(): array {
		return ResponseSchemas::titled(
			'dm-retention',
			array(
				'saved'      => self::settings_schema(),
				'effective'  => self::settings_schema(),
				'overridden' => ResponseSchemas::list_of(
					array(
						'type' => 'string',
						'enum' => array_keys( RetentionSettings::DEFAULTS ),
					)
				),
				'defaults'   => self::settings_schema(),
				'schedule'   => ResponseSchemas::object(
					array(
						'runner'   => array(
							'type' => 'string',
							'enum' => array( 'wp-cron', 'action-scheduler' ),
						),
						'next_run' => ResponseSchemas::nullable_time(),
					)
				),
				'last_run'   => array( 'anyOf' => array( self::report_schema(), array( 'type' => 'null' ) ) ),
				'pending'    => array( 'type' => 'boolean' ),
			)
		);
	}

	/**
	 * The answer of POST /retention/run: the dry run, or the run's report.
	 *
	 * @return array<string, mixed>
	 */
	public function run_schema(): array {
		return array(
			'$schema' => ResponseSchemas::DRAFT,
			'type'    => 'object',
			'anyOf'   => array( self::dry_run_schema(), self::report_schema() ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function dry_run_schema(): array {
		return ResponseSchemas::titled(
			'dm-retention-dry-run',
			array(
				'dry_run'   => array(
					'type' => 'boolean',
					'enum' => array( true ),
				),
				'effective' => self::settings_schema(),
				'steps'     => ResponseSchemas::list_of(
					ResponseSchemas::object(
						array(
							'key'   => self::step_key_schema(),
							'type'  => self::operation_type_schema(),
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
	public static function report_schema(): array {
		$step = ResponseSchemas::object(
			array(
				'key'          => self::step_key_schema(),
				'type'         => self::operation_type_schema(),
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
				'settings'    => self::settings_schema(),
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
	private static function settings_schema(): array {
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
	private static function step_key_schema(): array {
		return array(
			'type' => 'string',
			'enum' => array( 'completed', 'failed', 'engine_data', 'audit' ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function operation_type_schema(): array {
		return array(
			'type' => 'string',
			'enum' => OperationType::values(),
		);
	}
}
