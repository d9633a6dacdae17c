<?php
/**
 * Alert configuration, saved from the UI through REST: who gets the emails, the cool-down, and each
 * rule's switch and thresholds. Every rule is off until an admin turns it on.
 *
 * The bounds below are the REST schema's bounds too (AlertsController builds its arguments from
 * RULE_FIELDS), so stored values can only be ones the API accepted.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

defined( 'ABSPATH' ) || exit;

final class AlertSettings {

	public const OPTION = 'dm_jobs_alerts';

	public const MAX_RECIPIENTS = 20;

	/**
	 * Cool-down bounds in minutes: each rule emails at most once per cool-down.
	 */
	public const COOLDOWN_MIN     = 5;
	public const COOLDOWN_MAX     = 10080;
	public const COOLDOWN_DEFAULT = 60;

	/**
	 * Per rule: field => [type, minimum, maximum, default]. "enabled" is implied for every rule.
	 *
	 * @var array<string, array<string, array{0: string, 1: int|float, 2: int|float, 3: int|float}>>
	 */
	public const RULE_FIELDS = array(
		'failure_rate'  => array(
			'threshold_percent' => array( 'number', 1, 100, 50 ),
			'hours'             => array( 'integer', 1, 168, 6 ),
			'min_jobs'          => array( 'integer', 1, 100000, 10 ),
		),
		'degraded'      => array(
			'recent_hours'  => array( 'integer', 1, 72, 24 ),
			'baseline_days' => array( 'integer', 1, 90, 14 ),
		),
		'stuck'         => array(
			'minutes' => array( 'integer', 5, 10080, 60 ),
		),
		'table_size'    => array(
			'max_mb'   => array( 'number', 0, 10000000, 1024 ),
			'max_rows' => array( 'integer', 0, 2000000000, 0 ),
		),
		'refresh_stale' => array(
			'minutes' => array( 'integer', 10, 10080, 30 ),
		),
	);

	/**
	 * The rules, in the order the UI lists them.
	 *
	 * @return string[]
	 */
	public static function rule_ids(): array {
		return array_keys( self::RULE_FIELDS );
	}

	/**
	 * @return array{recipients: string[], cooldown_minutes: int, rules: array<string, array<string, int|float|bool>>}
	 */
	public static function defaults(): array {
		$rules = array();
		foreach ( self::RULE_FIELDS as $rule => $fields ) {
			$rules[ $rule ] = array( 'enabled' => false );
			foreach ( $fields as $field => $spec ) {
				$rules[ $rule ][ $field ] = $spec[3];
			}
		}
		return array(
			'recipients'       => array(),
			'cooldown_minutes' => self::COOLDOWN_DEFAULT,
			'rules'            => $rules,
		);
	}

	/**
	 * What is saved, with defaults for anything unset.
	 *
	 * @return array{recipients: string[], cooldown_minutes: int, rules: array<string, array<string, int|float|bool>>}
	 */
	public function get(): array {
		$stored = get_option( self::OPTION );
		if ( false === $stored ) {
			// Stored once, autoloaded: the list reads the stuck threshold on every request, and a missing
			// option would cost a query each time.
			$defaults = self::sanitize( array() );
			add_option( self::OPTION, $defaults, '', true );
			return $defaults;
		}
		return self::sanitize( is_array( $stored ) ? $stored : array() );
	}

	/**
	 * @param array{recipients?: string[], cooldown_minutes?: int} $values Validated by the REST schema.
	 * @return array{recipients: string[], cooldown_minutes: int, rules: array<string, array<string, int|float|bool>>}
	 */
	public function save_general( array $values ): array {
		$settings = $this->get();
		if ( isset( $values['recipients'] ) ) {
			$settings['recipients'] = $values['recipients'];
		}
		if ( isset( $values['cooldown_minutes'] ) ) {
			$settings['cooldown_minutes'] = $values['cooldown_minutes'];
		}
		return $this->store( $settings );
	}

	/**
	 * @param string               $rule   One of rule_ids().
	 * @param array<string, mixed> $values Validated by the REST schema; missing fields keep their value.
	 * @return array{recipients: string[], cooldown_minutes: int, rules: array<string, array<string, int|float|bool>>}
	 */
	public function save_rule( string $rule, array $values ): array {
		if ( ! isset( self::RULE_FIELDS[ $rule ] ) ) {
			throw new \InvalidArgumentException( 'Unknown alert rule.' );
		}
		$settings                   = $this->get();
		$allowed                    = array_flip( array_merge( array( 'enabled' ), array_keys( self::RULE_FIELDS[ $rule ] ) ) );
		$settings['rules'][ $rule ] = array_merge( $settings['rules'][ $rule ], array_intersect_key( $values, $allowed ) );
		return $this->store( $settings );
	}

	/**
	 * Where emails go: the saved addresses, or the site's admin email when none are saved.
	 *
	 * @return string[]
	 */
	public function recipients(): array {
		$saved = $this->get()['recipients'];
		if ( $saved ) {
			return $saved;
		}
		$admin = (string) get_option( 'admin_email' );
		return is_email( $admin ) ? array( $admin ) : array();
	}

	/**
	 * Minutes after which a pending or processing job counts as stuck (the stuck rule's threshold,
	 * also used for the list's "stuck" flag while the rule is off).
	 */
	public function stuck_minutes(): int {
		return (int) $this->get()['rules']['stuck']['minutes'];
	}

	/**
	 * @param array<string, mixed> $settings
	 * @return array{recipients: string[], cooldown_minutes: int, rules: array<string, array<string, int|float|bool>>}
	 */
	private function store( array $settings ): array {
		$clean = self::sanitize( $settings );
		update_option( self::OPTION, $clean, true );
		StuckCutoff::forget();
		return $clean;
	}

	/**
	 * @param array<string, mixed> $values
	 * @return array{recipients: string[], cooldown_minutes: int, rules: array<string, array<string, int|float|bool>>}
	 */
	public static function sanitize( array $values ): array {
		$clean = self::defaults();
		if ( isset( $values['recipients'] ) && is_array( $values['recipients'] ) ) {
			$emails              = array_filter( array_map( static fn ( $email ): string => is_string( $email ) ? trim( $email ) : '', $values['recipients'] ), 'is_email' );
			$clean['recipients'] = array_slice( array_values( array_unique( $emails ) ), 0, self::MAX_RECIPIENTS );
		}
		if ( isset( $values['cooldown_minutes'] ) && is_numeric( $values['cooldown_minutes'] ) ) {
			$clean['cooldown_minutes'] = max( self::COOLDOWN_MIN, min( self::COOLDOWN_MAX, (int) $values['cooldown_minutes'] ) );
		}
		$rules = isset( $values['rules'] ) && is_array( $values['rules'] ) ? $values['rules'] : array();
		foreach ( self::RULE_FIELDS as $rule => $fields ) {
			$given = isset( $rules[ $rule ] ) && is_array( $rules[ $rule ] ) ? $rules[ $rule ] : array();
			if ( isset( $given['enabled'] ) ) {
				$clean['rules'][ $rule ]['enabled'] = (bool) $given['enabled'];
			}
			foreach ( $fields as $field => [ $type, $min, $max ] ) {
				if ( isset( $given[ $field ] ) && is_numeric( $given[ $field ] ) ) {
					$value                             = 'integer' === $type ? (int) $given[ $field ] : round( (float) $given[ $field ], 2 );
					$clean['rules'][ $rule ][ $field ] = max( $min, min( $max, $value ) );
				}
			}
		}
		return $clean;
	}
}
