<?php
/**
 * The schemas of the alert routes (dm-jobs/v1/alerts…): the arguments of each (one set per rule, from the
 * rule's fields) and the answers (settings and rule states, preview, evaluation, test, dismissal).
 * AlertsController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts\Schema;

use DMJobs\Alerts\AlertNotices;
use DMJobs\Alerts\AlertSettings;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class AlertSchema {

	/**
	 * POST /alerts.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function general_params(): array {
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
	 * POST /alerts/rules/{rule}: enabled and the rule's own fields.
	 *
	 * @param array<string, array{0: string, 1: int|float, 2: int|float, 3: int|float}> $fields
	 * @return array<string, array<string, mixed>>
	 */
	public static function rule_params( array $fields ): array {
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

	/**
	 * GET /alerts/preview.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function preview_params(): array {
		return array(
			'rule' => array(
				'description' => __( 'The rule to evaluate.', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => AlertSettings::rule_ids(),
				'required'    => true,
			),
		);
	}

	/**
	 * POST /alerts/dismiss.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function dismiss_params(): array {
		return array(
			'key' => array(
				'description' => __( 'The notice to hide, as the notice names it (rule:subject@since).', 'dm-jobs' ),
				'type'        => 'string',
				'pattern'     => AlertNotices::TOKEN_PATTERN,
				'maxLength'   => 200,
				'required'    => true,
			),
		);
	}

	/**
	 * The alert settings, each rule's state and the schedule: the answer of GET and POST /alerts and of saving a rule.
	 *
	 * @return array<string, mixed>
	 */
	public static function alerts(): array {
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
				'active'       => ResponseSchemas::list_of( self::entry() ),
				'resolved'     => ResponseSchemas::list_of( self::entry() ),
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
				'schedule'             => ResponseSchemas::schedule(),
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
	public static function evaluation(): array {
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
				self::alerts(),
			),
		);
	}

	/**
	 * GET /alerts/preview: what a rule finds now (nothing is sent or stored).
	 *
	 * @return array<string, mixed>
	 */
	public static function preview(): array {
		return ResponseSchemas::titled(
			'dm-alert-preview',
			array(
				'rule'    => array(
					'type' => 'string',
					'enum' => AlertSettings::rule_ids(),
				),
				'alerts'  => ResponseSchemas::list_of( self::entry() ),
				'took_ms' => array( 'type' => 'number' ),
			)
		);
	}

	/**
	 * POST /alerts/test.
	 *
	 * @return array<string, mixed>
	 */
	public static function test(): array {
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
	 * POST /alerts/dismiss.
	 *
	 * @return array<string, mixed>
	 */
	public static function dismissed(): array {
		return ResponseSchemas::titled( 'dm-alert-dismissed', array( 'dismissed' => array( 'type' => 'string' ) ) );
	}

	/**
	 * An alert: what a rule found about one subject (and, in a rule's state, since when and when it was sent).
	 *
	 * @return array<string, mixed>
	 */
	private static function entry(): array {
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
