<?php
/**
 * REST routes for alerts (dm-jobs/v1):
 *
 * GET  /alerts                 settings, rules with their bounds, what is firing, schedule, last evaluation
 * POST /alerts                 {recipients, cooldown_minutes}
 * POST /alerts/rules/{rule}    {enabled, …the rule's thresholds}; one route per rule, so a bad value is
 *                              a 400 naming that field
 * GET  /alerts/preview?rule=   what the rule finds now (nothing stored or sent) and how long it took
 * POST /alerts/evaluate        evaluate the enabled rules now, as the scheduled run does
 * POST /alerts/test            send a test alert (email + dm_jobs_alert with event "test")
 * POST /alerts/dismiss {key}   hide one alert's wp-admin notice for the current user
 *
 * Their schemas are AlertSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Alerts\Schema\AlertSchema;
use DMJobs\Audit\AuditLog;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class AlertsController {

	public function __construct(
		private readonly AlertSettings $settings = new AlertSettings(),
		private readonly AlertState $state = new AlertState(),
		private readonly AuditLog $audit = new AuditLog(),
	) {
	}

	public function register_routes(): void {
		$namespace = ApiNamespace::NAME;
		register_rest_route(
			$namespace,
			'/alerts',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_settings' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_settings' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => AlertSchema::general_params(),
				),
				'schema' => array( AlertSchema::class, 'alerts' ),
			)
		);
		foreach ( AlertSettings::RULE_FIELDS as $rule => $fields ) {
			register_rest_route(
				$namespace,
				'/alerts/rules/' . $rule,
				array(
					array(
						'methods'             => WP_REST_Server::EDITABLE,
						'callback'            => fn ( WP_REST_Request $request ): WP_REST_Response => $this->update_rule( $rule, $request ),
						'permission_callback' => array( Permission::class, 'check' ),
						'args'                => AlertSchema::rule_params( $fields ),
					),
					'schema' => array( AlertSchema::class, 'alerts' ),
				)
			);
		}
		register_rest_route(
			$namespace,
			'/alerts/preview',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'preview' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => AlertSchema::preview_params(),
				),
				'schema' => array( AlertSchema::class, 'preview' ),
			)
		);
		register_rest_route(
			$namespace,
			'/alerts/evaluate',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'evaluate' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
				'schema' => array( AlertSchema::class, 'evaluation' ),
			)
		);
		register_rest_route(
			$namespace,
			'/alerts/test',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'send_test' ),
					'permission_callback' => array( Permission::class, 'check' ),
				),
				'schema' => array( AlertSchema::class, 'test' ),
			)
		);
		register_rest_route(
			$namespace,
			'/alerts/dismiss',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'dismiss' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => AlertSchema::dismiss_params(),
				),
				'schema' => array( AlertSchema::class, 'dismissed' ),
			)
		);
	}

	public function get_settings(): WP_REST_Response {
		return rest_ensure_response( $this->describe() );
	}

	public function update_settings( WP_REST_Request $request ): WP_REST_Response {
		$before = $this->settings->get();
		$values = array();
		foreach ( array( 'recipients', 'cooldown_minutes' ) as $key ) {
			if ( $request->has_param( $key ) && null !== $request[ $key ] ) {
				$values[ $key ] = $request[ $key ];
			}
		}
		$after = $this->settings->save_general( $values );
		$this->audit_change( $before, $after );
		return rest_ensure_response( $this->describe() );
	}

	private function update_rule( string $rule, WP_REST_Request $request ): WP_REST_Response {
		$before = $this->settings->get();
		$values = array();
		foreach ( array_merge( array( 'enabled' ), array_keys( AlertSettings::RULE_FIELDS[ $rule ] ) ) as $key ) {
			if ( $request->has_param( $key ) && null !== $request[ $key ] ) {
				$values[ $key ] = $request[ $key ];
			}
		}
		$after = $this->settings->save_rule( $rule, $values );
		$this->audit_change( $before, $after );
		( new AlertScheduler( $this->settings ) )->sync();
		return rest_ensure_response( $this->describe() );
	}

	public function preview( WP_REST_Request $request ): WP_REST_Response {
		return rest_ensure_response( ( new AlertEvaluator( $this->settings ) )->preview( (string) $request['rule'] ) );
	}

	public function evaluate(): WP_REST_Response {
		$report = ( new AlertEvaluator( $this->settings, $this->state ) )->run();
		return rest_ensure_response( array( 'report' => $report ) + $this->describe() );
	}

	public function send_test(): WP_REST_Response {
		$recipients = $this->settings->recipients();
		$result     = ( new AlertNotifier() )->send_test( $recipients );
		$this->audit->record( 'alerts.test', $result + array( 'to' => $recipients ), $result['recipients'] );
		return rest_ensure_response( $result );
	}

	public function dismiss( WP_REST_Request $request ): WP_REST_Response {
		( new AlertNotices( $this->state ) )->dismiss( get_current_user_id(), (string) $request['key'] );
		return rest_ensure_response( array( 'dismissed' => (string) $request['key'] ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function describe(): array {
		$settings = $this->settings->get();
		$state    = $this->state->get();
		$rules    = array();
		foreach ( AlertSettings::RULE_FIELDS as $rule => $fields ) {
			$slot    = $state['rules'][ $rule ];
			$rules[] = array(
				'id'           => $rule,
				'label'        => AlertNotifier::rule_label( $rule ),
				'settings'     => $settings['rules'][ $rule ],
				'fields'       => array_map(
					static fn ( array $spec ): array => array(
						'type'    => $spec[0],
						'minimum' => $spec[1],
						'maximum' => $spec[2],
						'default' => $spec[3],
					),
					$fields
				),
				'active'       => array_values( array_map( array( self::class, 'entry' ), $slot['active'] ) ),
				'resolved'     => array_values( array_map( array( self::class, 'entry' ), $slot['resolved'] ) ),
				'last_sent_at' => self::iso( $slot['last_sent_at'] ),
			);
		}
		return array(
			'recipients'           => $settings['recipients'],
			'effective_recipients' => $this->settings->recipients(),
			'cooldown_minutes'     => $settings['cooldown_minutes'],
			'rules'                => $rules,
			'schedule'             => AlertScheduler::schedule(),
			'last_evaluated_at'    => self::iso( $state['last_evaluated_at'] ),
			'last_report'          => $state['last_report'],
		);
	}

	/**
	 * @param array<string, mixed> $entry Stored entry.
	 * @return array<string, mixed>
	 */
	private static function entry( array $entry ): array {
		return $entry['alert'] + array(
			'since'       => self::iso( isset( $entry['since'] ) ? (int) $entry['since'] : null ),
			'notified_at' => self::iso( isset( $entry['notified_at'] ) ? (int) $entry['notified_at'] : null ),
			'resolved_at' => self::iso( isset( $entry['resolved_at'] ) ? (int) $entry['resolved_at'] : null ),
		);
	}

	private static function iso( ?int $timestamp ): ?string {
		return null === $timestamp ? null : gmdate( 'Y-m-d\TH:i:s\Z', $timestamp );
	}

	/**
	 * @param array<string, mixed> $before
	 * @param array<string, mixed> $after
	 */
	private function audit_change( array $before, array $after ): void {
		if ( $before !== $after ) {
			$this->audit->record(
				'alerts.settings_saved',
				array(
					'before' => $before,
					'after'  => $after,
				)
			);
		}
	}
}
