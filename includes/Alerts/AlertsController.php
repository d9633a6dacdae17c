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
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Audit\AuditLog;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\ResponseSchemas;
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
					'args'                => $this->general_params(),
				),
				'schema' => array( $this, 'alerts_schema' ),
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
						'args'                => self::rule_params( $fields ),
					),
					'schema' => array( $this, 'alerts_schema' ),
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
					'args'                => array(
						'rule' => array(
							'description' => __( 'The rule to evaluate.', 'dm-jobs' ),
							'type'        => 'string',
							'enum'        => AlertSettings::rule_ids(),
							'required'    => true,
						),
					),
				),
				'schema' => array( $this, 'preview_schema' ),
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
				'schema' => array( $this, 'evaluation_schema' ),
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
				'schema' => array( $this, 'test_schema' ),
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
					'args'                => array(
						'key' => array(
							'description' => __( 'The notice to hide, as the notice names it (rule:subject@since).', 'dm-jobs' ),
							'type'        => 'string',
							'pattern'     => AlertNotices::TOKEN_PATTERN,
							'maxLength'   => 200,
							'required'    => true,
						),
					),
				),
				'schema' => static fn (): array => ResponseSchemas::titled( 'dm-alert-dismissed', array( 'dismissed' => array( 'type' => 'string' ) ) ),
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

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function general_params(): array {
		return array(
			'recipients'       => array(
				'description' => __( 'Email addresses that get alerts (empty: the site admin email).', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => array(
					'type'   => 'string',
					'format' => 'email',
				),
				'maxItems'    => AlertSettings::MAX_RECIPIENTS,
				'uniqueItems' => true,
			),
			'cooldown_minutes' => array(
				'description' => __( 'Each rule emails at most once per this many minutes; what changes meanwhile goes into the next email.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => AlertSettings::COOLDOWN_MIN,
				'maximum'     => AlertSettings::COOLDOWN_MAX,
			),
		);
	}

	/**
	 * @param array<string, array{0: string, 1: int|float, 2: int|float, 3: int|float}> $fields
	 * @return array<string, array<string, mixed>>
	 */
	private static function rule_params( array $fields ): array {
		$params = array(
			'enabled' => array(
				'description' => __( 'Whether the rule is evaluated.', 'dm-jobs' ),
				'type'        => 'boolean',
			),
		);
		foreach ( $fields as $field => [ $type, $min, $max ] ) {
			$params[ $field ] = array(
				'description' => self::field_description( $field ),
				'type'        => $type,
				'minimum'     => $min,
				'maximum'     => $max,
			);
		}
		return $params;
	}

	private static function field_description( string $field ): string {
		return match ( $field ) {
			'threshold_percent' => __( 'Fire when at least this percentage of a pipeline\'s finished jobs failed.', 'dm-jobs' ),
			'hours'             => __( 'Look at jobs created in this many recent hours.', 'dm-jobs' ),
			'min_jobs'          => __( 'Only judge a pipeline with at least this many finished jobs in the window.', 'dm-jobs' ),
			'recent_hours'      => __( 'Length of the recent window compared with the baseline, in hours.', 'dm-jobs' ),
			'baseline_days'     => __( 'Days before the recent window that form the baseline.', 'dm-jobs' ),
			'minutes'           => __( 'Minutes after which the condition fires.', 'dm-jobs' ),
			'max_mb'            => __( 'Fire when the jobs table (data and indexes) is bigger than this many MB (0: off).', 'dm-jobs' ),
			'max_rows'          => __( 'Fire when the jobs table has more rows than this (0: off).', 'dm-jobs' ),
			default             => $field,
		};
	}

	// ---------------------------------------------------------------- schemas

	/**
	 * The alert settings, each rule's state and the schedule: the answer of GET and POST /alerts and of saving a rule.
	 *
	 * @return array<string, mixed>
	 */
	public function alerts_schema(): array {
		$emails = ResponseSchemas::list_of( array( 'type' => 'string' ) );
		$rule   = ResponseSchemas::object(
			array(
				'id'           => array(
					'type' => 'string',
					'enum' => AlertSettings::rule_ids(),
				),
				'label'        => array( 'type' => 'string' ),
				'settings'     => array(
					'description'          => __( 'enabled and the rule\'s own fields.', 'dm-jobs' ),
					'type'                 => 'object',
					'properties'           => array( 'enabled' => array( 'type' => 'boolean' ) ),
					'required'             => array( 'enabled' ),
					'additionalProperties' => array( 'type' => 'number' ),
				),
				'fields'       => array(
					'type'                 => 'object',
					'additionalProperties' => ResponseSchemas::object(
						array(
							'type'    => array(
								'type' => 'string',
								'enum' => array( 'integer', 'number' ),
							),
							'minimum' => array( 'type' => 'number' ),
							'maximum' => array( 'type' => 'number' ),
							'default' => array( 'type' => 'number' ),
						)
					),
				),
				'active'       => ResponseSchemas::list_of( self::entry_schema() ),
				'resolved'     => ResponseSchemas::list_of( self::entry_schema() ),
				'last_sent_at' => ResponseSchemas::nullable_time(),
			)
		);
		return ResponseSchemas::titled(
			'dm-alerts',
			array(
				'recipients'           => $emails,
				'effective_recipients' => $emails,
				'cooldown_minutes'     => array( 'type' => 'integer' ),
				'rules'                => ResponseSchemas::list_of( $rule ),
				'schedule'             => ResponseSchemas::object(
					array(
						'runner'   => array(
							'type' => 'string',
							'enum' => array( 'wp-cron', 'action-scheduler' ),
						),
						'next_run' => ResponseSchemas::nullable_time(),
					)
				),
				'last_evaluated_at'    => ResponseSchemas::nullable_time(),
				'last_report'          => array(
					'description' => __( 'What the last evaluation found and sent, per rule (an empty list when no rule was enabled); null before the first.', 'dm-jobs' ),
					'type'        => array( 'object', 'array', 'null' ),
				),
			)
		);
	}

	/**
	 * POST /alerts/evaluate: the evaluation's report and the alerts afterwards.
	 *
	 * @return array<string, mixed>
	 */
	public function evaluation_schema(): array {
		return array(
			'$schema' => ResponseSchemas::DRAFT,
			'title'   => 'dm-alerts-evaluation',
			'type'    => 'object',
			'allOf'   => array(
				ResponseSchemas::object(
					array(
						'report' => ResponseSchemas::object(
							array(
								'busy'         => array( 'type' => 'boolean' ),
								'evaluated_at' => ResponseSchemas::time(),
								'rules'        => array(
									'description' => __( 'Per evaluated rule: its active alert keys, what was sent, how long it took (or its error); an empty list when none ran.', 'dm-jobs' ),
									'type'        => array( 'object', 'array' ),
								),
							)
						),
					)
				),
				$this->alerts_schema(),
			),
		);
	}

	/**
	 * GET /alerts/preview: what a rule finds now (nothing is sent or stored).
	 *
	 * @return array<string, mixed>
	 */
	public function preview_schema(): array {
		return ResponseSchemas::titled(
			'dm-alert-preview',
			array(
				'rule'    => array(
					'type' => 'string',
					'enum' => AlertSettings::rule_ids(),
				),
				'alerts'  => ResponseSchemas::list_of( self::entry_schema() ),
				'took_ms' => array( 'type' => 'number' ),
			)
		);
	}

	/**
	 * POST /alerts/test.
	 *
	 * @return array<string, mixed>
	 */
	public function test_schema(): array {
		return ResponseSchemas::titled(
			'dm-alert-test',
			array(
				'emailed'    => array( 'type' => 'boolean' ),
				'recipients' => array( 'type' => 'integer' ),
				'error'      => ResponseSchemas::nullable( 'string' ),
			)
		);
	}

	/**
	 * An alert: what a rule found about one subject (and, in a rule's state, since when and when it was sent).
	 *
	 * @return array<string, mixed>
	 */
	private static function entry_schema(): array {
		$loose = array( 'type' => array( 'object', 'array' ) );
		return array(
			'title'      => 'dm-alert',
			'type'       => 'object',
			'properties' => array(
				'rule'        => array( 'type' => 'string' ),
				'subject'     => array( 'type' => 'string' ),
				'key'         => array( 'type' => 'string' ),
				'title'       => array( 'type' => 'string' ),
				'message'     => array( 'type' => 'string' ),
				'url'         => array( 'type' => 'string' ),
				'list_query'  => $loose,
				'details'     => $loose,
				'since'       => ResponseSchemas::nullable_time(),
				'notified_at' => ResponseSchemas::nullable_time(),
				'resolved_at' => ResponseSchemas::nullable_time(),
			),
			'required'   => array( 'rule', 'subject', 'key', 'title', 'message', 'url' ),
		);
	}
}
