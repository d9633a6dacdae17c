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
 * Their schemas are RetentionSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Retention;

use DMJobs\Audit\Actor;
use DMJobs\Audit\AuditLog;
use DMJobs\Retention\Schema\RetentionSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
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
					'args'                => RetentionSchema::settings_params(),
				),
				'schema' => array( RetentionSchema::class, 'state' ),
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
					'args'                => RetentionSchema::run_params(),
					TypeScriptContract::RESPONSE_SCHEMA => array( RetentionSchema::class, 'run' ),
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

}
