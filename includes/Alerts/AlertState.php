<?php
/**
 * What the alerts last knew, per rule: the alerts firing (since when, when last told), the ones
 * that resolved (told or still to tell), and when the rule last sent a notification. One small
 * option, read by the wp-admin notices on every admin page (so autoloaded).
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

defined( 'ABSPATH' ) || exit;

final class AlertState {

	public const OPTION      = 'dm_jobs_alert_state';
	public const LOCK_OPTION = 'dm_jobs_alerts_lock';

	/**
	 * @return array{rules: array<string, array{last_sent_at: int|null, active: array<string, array<string, mixed>>, resolved: array<string, array<string, mixed>>}>, last_evaluated_at: int|null, last_report: array<string, mixed>|null}
	 */
	public function get(): array {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$rules  = array();
		foreach ( AlertSettings::rule_ids() as $rule ) {
			$given          = isset( $stored['rules'][ $rule ] ) && is_array( $stored['rules'][ $rule ] ) ? $stored['rules'][ $rule ] : array();
			$rules[ $rule ] = array(
				'last_sent_at' => isset( $given['last_sent_at'] ) ? (int) $given['last_sent_at'] : null,
				'active'       => isset( $given['active'] ) && is_array( $given['active'] ) ? $given['active'] : array(),
				'resolved'     => isset( $given['resolved'] ) && is_array( $given['resolved'] ) ? $given['resolved'] : array(),
			);
		}
		return array(
			'rules'             => $rules,
			'last_evaluated_at' => isset( $stored['last_evaluated_at'] ) ? (int) $stored['last_evaluated_at'] : null,
			'last_report'       => isset( $stored['last_report'] ) && is_array( $stored['last_report'] ) ? $stored['last_report'] : null,
		);
	}

	/**
	 * @param array<string, mixed> $state As get() returns it.
	 */
	public function save( array $state ): void {
		update_option( self::OPTION, $state, true );
	}

	/**
	 * Takes the evaluation lock (one evaluation at a time); false when another one holds it.
	 */
	public function lock( int $now, int $ttl = 300 ): bool {
		if ( add_option( self::LOCK_OPTION, $now + $ttl, '', false ) ) {
			return true;
		}
		$until = (int) get_option( self::LOCK_OPTION, 0 );
		if ( $until > $now ) {
			return false;
		}
		// A crashed evaluation left its lock behind: take it over.
		update_option( self::LOCK_OPTION, $now + $ttl, false );
		return true;
	}

	public function unlock(): void {
		delete_option( self::LOCK_OPTION );
	}
}
