<?php
/**
 * Tells people: one plain-text email per rule notification through wp_mail, and the
 * `dm_jobs_alert` action once per alert so other plugins (Slack, webhooks) can forward it.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Admin\AdminPage;

defined( 'ABSPATH' ) || exit;

final class AlertNotifier {

	public const FIRED    = 'fired';
	public const FIRING   = 'still_firing';
	public const RESOLVED = 'resolved';
	public const TEST     = 'test';

	private string $mail_error = '';

	/**
	 * One notification of one rule.
	 *
	 * @param string                             $rule       Rule ID.
	 * @param array<int, array<string, mixed>>   $fired      Alerts new since the last notification (stored entries: alert, since).
	 * @param array<int, array<string, mixed>>   $firing     Alerts still firing that were told before.
	 * @param array<int, array<string, mixed>>   $resolved   Alerts that resolved (alert, since, resolved_at).
	 * @param string[]                           $recipients Email addresses.
	 * @return array{emailed: bool, recipients: int, error: string|null}
	 */
	public function notify( string $rule, array $fired, array $firing, array $resolved, array $recipients ): array {
		foreach ( array(
			self::FIRED    => $fired,
			self::FIRING   => $firing,
			self::RESOLVED => $resolved,
		) as $event => $entries ) {
			foreach ( $entries as $entry ) {
				$this->announce( $entry, $event );
			}
		}

		$lines = array();
		foreach ( array(
			array( $fired, __( 'New:', 'dm-jobs' ) ),
			array( $firing, __( 'Still firing:', 'dm-jobs' ) ),
			array( $resolved, __( 'Resolved:', 'dm-jobs' ) ),
		) as [ $entries, $heading ] ) {
			if ( ! $entries ) {
				continue;
			}
			$lines[] = $heading;
			foreach ( $entries as $entry ) {
				$alert   = Alert::from_array( $entry['alert'] );
				$lines[] = '- ' . $alert->title;
				if ( '' !== $alert->message ) {
					$lines[] = '  ' . $alert->message;
				}
				$lines[] = '  ' . $alert->list_url();
			}
			$lines[] = '';
		}

		$count   = count( $fired ) + count( $firing );
		$subject = $count > 0
			? sprintf(
				/* translators: 1: rule name, 2: number of alerts firing */
				__( 'Alert: %1$s (%2$d firing)', 'dm-jobs' ),
				self::rule_label( $rule ),
				$count
			)
			/* translators: %s: rule name */
			: sprintf( __( 'Resolved: %s', 'dm-jobs' ), self::rule_label( $rule ) );

		return $this->mail( $recipients, $subject, implode( "\n", $lines ) );
	}

	/**
	 * The "send test alert" button: an email to the recipients and the action with event "test".
	 *
	 * @param string[] $recipients
	 * @return array{emailed: bool, recipients: int, error: string|null}
	 */
	public function send_test( array $recipients ): array {
		$alert = new Alert(
			'test',
			'test',
			__( 'Test alert from DM Jobs', 'dm-jobs' ),
			__( 'This is a test. Alerts for the rules you turned on arrive like this one.', 'dm-jobs' )
		);
		$this->announce(
			array(
				'alert' => $alert->to_array(),
				'since' => time(),
			),
			self::TEST
		);
		return $this->mail( $recipients, __( 'Test alert', 'dm-jobs' ), $alert->title . "\n\n" . $alert->message . "\n" . $alert->list_url() . "\n" );
	}

	public static function rule_label( string $rule ): string {
		return match ( $rule ) {
			'failure_rate'  => __( 'Failure rate of a pipeline', 'dm-jobs' ),
			'degraded'      => __( 'Pipeline degraded against its baseline', 'dm-jobs' ),
			'stuck'         => __( 'Stuck jobs', 'dm-jobs' ),
			'table_size'    => __( 'Jobs table size', 'dm-jobs' ),
			'refresh_stale' => __( 'Background refresh stopped', 'dm-jobs' ),
			default         => __( 'Test', 'dm-jobs' ),
		};
	}

	/**
	 * @param array<string, mixed> $entry Stored entry: alert, since, resolved_at.
	 */
	private function announce( array $entry, string $event ): void {
		$payload = Alert::from_array( $entry['alert'] )->to_array() + array(
			'event'       => $event,
			'rule_label'  => self::rule_label( (string) ( $entry['alert']['rule'] ?? '' ) ),
			'since'       => isset( $entry['since'] ) ? gmdate( 'Y-m-d\TH:i:s\Z', (int) $entry['since'] ) : null,
			'resolved_at' => isset( $entry['resolved_at'] ) ? gmdate( 'Y-m-d\TH:i:s\Z', (int) $entry['resolved_at'] ) : null,
		);
		/**
		 * An alert fired, is still firing (repeated once per cool-down), resolved, or is a test.
		 *
		 * @param array  $alert rule, rule_label, subject, key, title, message, url (the filtered Jobs list),
		 *                      list_query, details, event, since, resolved_at.
		 * @param string $event "fired", "still_firing", "resolved" or "test".
		 */
		do_action( 'dm_jobs_alert', $payload, $event );
	}

	/**
	 * @param string[] $recipients
	 * @return array{emailed: bool, recipients: int, error: string|null}
	 */
	private function mail( array $recipients, string $subject, string $body ): array {
		if ( ! $recipients ) {
			return array(
				'emailed'    => false,
				'recipients' => 0,
				'error'      => __( 'No email address to send to.', 'dm-jobs' ),
			);
		}
		$site   = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
		$footer = "--\n" . sprintf(
			/* translators: %s: URL of the Jobs screen */
			__( 'Sent by DM Jobs. Change alert rules and recipients in the Admin tools of the Jobs screen: %s', 'dm-jobs' ),
			admin_url( 'admin.php?page=' . AdminPage::SLUG )
		);
		$this->mail_error = '';
		add_action( 'wp_mail_failed', array( $this, 'remember_mail_error' ) );
		try {
			$sent = wp_mail( $recipients, sprintf( '[%s] DM Jobs: %s', $site, $subject ), $body . "\n" . $footer . "\n" );
		} finally {
			remove_action( 'wp_mail_failed', array( $this, 'remember_mail_error' ) );
		}
		return array(
			'emailed'    => (bool) $sent,
			'recipients' => count( $recipients ),
			'error'      => $sent ? null : ( '' !== $this->mail_error ? $this->mail_error : __( 'wp_mail() could not send the email.', 'dm-jobs' ) ),
		);
	}

	/**
	 * @param \WP_Error $error From wp_mail_failed.
	 */
	public function remember_mail_error( $error ): void {
		$this->mail_error = $error instanceof \WP_Error ? $error->get_error_message() : '';
	}
}
