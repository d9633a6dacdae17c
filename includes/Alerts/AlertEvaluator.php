<?php
/**
 * Evaluates the enabled rules and decides who is told what.
 *
 * Per rule and subject (a pipeline, the site) an alert fires once, stays active while the rule
 * finds it, and resolves when it no longer does. Each rule notifies (email + `dm_jobs_alert`) at
 * most once per cool-down: what fired or resolved during a cool-down goes into the next
 * notification, and alerts still firing after a cool-down are repeated once. An alert that fired
 * and resolved before anyone was told is only audited; one that resolves after being told is told
 * "resolved" once. Every transition and every notification is written to the audit trail.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Alerts\Rules\DegradationRule;
use DMJobs\Alerts\Rules\FailureRateRule;
use DMJobs\Alerts\Rules\RefreshStaleRule;
use DMJobs\Alerts\Rules\StuckJobsRule;
use DMJobs\Alerts\Rules\TableSizeRule;
use DMJobs\Audit\Actor;
use DMJobs\Audit\AuditLog;
use DMJobs\Metrics\RollupService;

defined( 'ABSPATH' ) || exit;

final class AlertEvaluator {

	/**
	 * Resolved alerts stay in the wp-admin notices this long after they were told.
	 */
	public const RESOLVED_NOTICE_SECONDS = DAY_IN_SECONDS;

	/**
	 * Rules that read the metrics rollups (brought up to date before they are read).
	 */
	private const ROLLUP_RULES = array( 'failure_rate', 'degraded', 'table_size' );

	private \Closure $now;

	/**
	 * @param array<string, AlertRule>|null $rules Rule ID => rule (tests may pass their own clock to rules).
	 * @param \Closure|null                 $now   Returns the current Unix time.
	 */
	public function __construct(
		private readonly AlertSettings $settings = new AlertSettings(),
		private readonly AlertState $state = new AlertState(),
		private readonly AlertNotifier $notifier = new AlertNotifier(),
		private readonly AuditLog $audit = new AuditLog(),
		private ?array $rules = null,
		?\Closure $now = null,
		private readonly ?RollupService $rollups = null,
	) {
		$this->now = $now ?? static fn (): int => time();
	}

	/**
	 * @return array<string, AlertRule>
	 */
	public function rules(): array {
		if ( null === $this->rules ) {
			$this->rules = array();
			foreach ( array( new FailureRateRule(), new DegradationRule(), new StuckJobsRule(), new TableSizeRule(), new RefreshStaleRule() ) as $rule ) {
				$this->rules[ $rule->id() ] = $rule;
			}
		}
		return $this->rules;
	}

	/**
	 * What one rule finds now with its saved settings (enabled or not); nothing is stored or sent.
	 *
	 * @return array{rule: string, alerts: array<int, array<string, mixed>>, took_ms: float}
	 */
	public function preview( string $rule ): array {
		$config  = $this->settings->get()['rules'][ $rule ] ?? null;
		$checker = $this->rules()[ $rule ] ?? null;
		if ( null === $config || null === $checker ) {
			throw new \InvalidArgumentException( 'Unknown alert rule.' );
		}
		$started = microtime( true );
		if ( in_array( $rule, self::ROLLUP_RULES, true ) ) {
			$this->rollup_service()->catch_up_before_read();
		}
		$alerts = $checker->evaluate( $config, ( $this->now )() );
		return array(
			'rule'    => $rule,
			'alerts'  => array_map( static fn ( Alert $alert ): array => $alert->to_array(), $alerts ),
			'took_ms' => round( ( microtime( true ) - $started ) * 1000, 2 ),
		);
	}

	/**
	 * One evaluation of every enabled rule (WP-Cron, Action Scheduler, "check now").
	 *
	 * @return array<string, mixed> The report: per rule what it found and sent, or busy.
	 */
	public function run(): array {
		$now = ( $this->now )();
		if ( ! $this->state->lock( $now ) ) {
			return array(
				'busy'         => true,
				'evaluated_at' => gmdate( 'Y-m-d\TH:i:s\Z', $now ),
				'rules'        => array(),
			);
		}
		try {
			return $this->evaluate_all( $now );
		} finally {
			$this->state->unlock();
		}
	}

	/**
	 * @return array<string, mixed>
	 */
	private function evaluate_all( int $now ): array {
		$settings   = $this->settings->get();
		$state      = $this->state->get();
		$cooldown   = $settings['cooldown_minutes'] * MINUTE_IN_SECONDS;
		$recipients = null;
		$report     = array();
		$caught_up  = false;

		foreach ( $this->rules() as $id => $rule ) {
			$config = $settings['rules'][ $id ] ?? null;
			$slot   = $state['rules'][ $id ] ?? null;
			if ( null === $config || null === $slot ) {
				continue;
			}
			if ( ! $config['enabled'] ) {
				$state['rules'][ $id ] = $this->clear( $id, $slot );
				continue;
			}

			$started = microtime( true );
			try {
				if ( ! $caught_up && in_array( $id, self::ROLLUP_RULES, true ) ) {
					$this->rollup_service()->catch_up_before_read();
					$caught_up = true;
				}
				$found = array();
				foreach ( $rule->evaluate( $config, $now ) as $alert ) {
					$found[ $alert->key() ] = $alert;
				}
			} catch ( \Throwable $error ) {
				// One broken rule must not silence the others; its alerts stay as they were.
				$report[ $id ] = array(
					'error'   => $error->getMessage(),
					'took_ms' => round( ( microtime( true ) - $started ) * 1000, 2 ),
				);
				continue;
			}
			$took = round( ( microtime( true ) - $started ) * 1000, 2 );

			$slot = $this->apply_findings( $id, $slot, $found, $now );

			[ $slot, $sent ] = $this->maybe_notify( $id, $slot, $now, $cooldown, $recipients );

			$state['rules'][ $id ] = $slot;
			$report[ $id ]         = array(
				'active'  => array_keys( $slot['active'] ),
				'sent'    => $sent,
				'took_ms' => $took,
			);
		}

		$state['last_evaluated_at'] = $now;
		$state['last_report']       = $report;
		$this->state->save( $state );

		return array(
			'busy'         => false,
			'evaluated_at' => gmdate( 'Y-m-d\TH:i:s\Z', $now ),
			'rules'        => $report,
		);
	}

	/**
	 * Moves alerts between active and resolved according to what the rule found now.
	 *
	 * @param array{last_sent_at: int|null, active: array<string, array<string, mixed>>, resolved: array<string, array<string, mixed>>} $slot
	 * @param array<string, Alert>                                                                                                       $found
	 * @return array{last_sent_at: int|null, active: array<string, array<string, mixed>>, resolved: array<string, array<string, mixed>>}
	 */
	private function apply_findings( string $rule, array $slot, array $found, int $now ): array {
		foreach ( $found as $key => $alert ) {
			if ( isset( $slot['active'][ $key ] ) ) {
				$slot['active'][ $key ]['alert'] = $alert->to_array();
				continue;
			}
			$resolved = $slot['resolved'][ $key ] ?? null;
			if ( null !== $resolved && empty( $resolved['notified'] ) ) {
				// It resolved and came back before anyone was told it had resolved: no news.
				$slot['active'][ $key ] = array(
					'alert'       => $alert->to_array(),
					'since'       => (int) $resolved['since'],
					'notified_at' => $resolved['fired_notified_at'] ?? null,
				);
				unset( $slot['resolved'][ $key ] );
				continue;
			}
			unset( $slot['resolved'][ $key ] );
			$slot['active'][ $key ] = array(
				'alert'       => $alert->to_array(),
				'since'       => $now,
				'notified_at' => null,
			);
			$this->audit->record( 'alerts.fired', self::audit_params( $rule, $alert ), 1, null, Actor::system() );
		}

		foreach ( $slot['active'] as $key => $entry ) {
			if ( isset( $found[ $key ] ) ) {
				continue;
			}
			unset( $slot['active'][ $key ] );
			$alert = Alert::from_array( $entry['alert'] );
			$this->audit->record( 'alerts.resolved', self::audit_params( $rule, $alert ) + array( 'since' => gmdate( 'Y-m-d\TH:i:s\Z', (int) $entry['since'] ) ), 1, null, Actor::system() );
			if ( null === $entry['notified_at'] ) {
				continue; // Nobody was told it fired: nothing to take back.
			}
			$slot['resolved'][ $key ] = array(
				'alert'             => $entry['alert'],
				'since'             => (int) $entry['since'],
				'resolved_at'       => $now,
				'notified'          => false,
				'fired_notified_at' => (int) $entry['notified_at'],
			);
		}

		// Resolutions already told stay only as long as the wp-admin notice shows them.
		$slot['resolved'] = array_filter(
			$slot['resolved'],
			static fn ( array $entry ): bool => empty( $entry['notified'] ) || $now - (int) ( $entry['notified_at'] ?? $entry['resolved_at'] ) < self::RESOLVED_NOTICE_SECONDS
		);
		return $slot;
	}

	/**
	 * Sends the rule's notification when there is news and its cool-down is over.
	 *
	 * @param array{last_sent_at: int|null, active: array<string, array<string, mixed>>, resolved: array<string, array<string, mixed>>} $slot
	 * @param string[]|null                                                                                                              $recipients Looked up on first use.
	 * @return array{0: array{last_sent_at: int|null, active: array<string, array<string, mixed>>, resolved: array<string, array<string, mixed>>}, 1: bool}
	 */
	private function maybe_notify( string $rule, array $slot, int $now, int $cooldown, ?array &$recipients ): array {
		if ( null !== $slot['last_sent_at'] && $now - $slot['last_sent_at'] < $cooldown ) {
			return array( $slot, false );
		}
		$fired    = array();
		$firing   = array();
		$repeat   = false;
		$resolved = array_filter( $slot['resolved'], static fn ( array $entry ): bool => empty( $entry['notified'] ) );
		foreach ( $slot['active'] as $key => $entry ) {
			if ( null === $entry['notified_at'] ) {
				$fired[ $key ] = $entry;
				continue;
			}
			$firing[ $key ] = $entry;
			$repeat         = $repeat || $now - (int) $entry['notified_at'] >= $cooldown;
		}
		if ( ! $fired && ! $resolved && ! $repeat ) {
			return array( $slot, false );
		}

		$recipients ??= $this->settings->recipients();
		$result       = $this->notifier->notify( $rule, array_values( $fired ), array_values( $firing ), array_values( $resolved ), $recipients );

		foreach ( array_keys( $slot['active'] ) as $key ) {
			$slot['active'][ $key ]['notified_at'] = $now;
		}
		foreach ( array_keys( $resolved ) as $key ) {
			$slot['resolved'][ $key ]['notified']    = true;
			$slot['resolved'][ $key ]['notified_at'] = $now;
		}
		$slot['last_sent_at'] = $now;

		$this->audit->record(
			'alerts.notified',
			array(
				'rule'       => $rule,
				'fired'      => array_keys( $fired ),
				'firing'     => array_keys( $firing ),
				'resolved'   => array_keys( $resolved ),
				'emailed'    => $result['emailed'],
				'recipients' => $result['recipients'],
				'error'      => $result['error'],
			),
			count( $fired ) + count( $firing ) + count( $resolved ),
			null,
			Actor::system()
		);
		return array( $slot, true );
	}

	/**
	 * A rule was turned off: its alerts end without a notification (audited).
	 *
	 * @param array{last_sent_at: int|null, active: array<string, array<string, mixed>>, resolved: array<string, array<string, mixed>>} $slot
	 * @return array{last_sent_at: int|null, active: array<string, array<string, mixed>>, resolved: array<string, array<string, mixed>>}
	 */
	private function clear( string $rule, array $slot ): array {
		foreach ( $slot['active'] as $entry ) {
			$this->audit->record( 'alerts.resolved', self::audit_params( $rule, Alert::from_array( $entry['alert'] ) ) + array( 'rule_disabled' => true ), 1, null, Actor::system() );
		}
		return array(
			'last_sent_at' => $slot['last_sent_at'],
			'active'       => array(),
			'resolved'     => array(),
		);
	}

	private function rollup_service(): RollupService {
		return $this->rollups ?? new RollupService();
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function audit_params( string $rule, Alert $alert ): array {
		return array(
			'rule'    => $rule,
			'subject' => $alert->subject,
			'title'   => $alert->title,
			'details' => $alert->details,
		);
	}
}
