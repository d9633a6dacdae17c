<?php
/**
 * Retention policy: how long finished jobs, their engine_data and audit entries are kept.
 * Saved in an option from the UI (through REST); code can override any value with filters.
 * 0 days means "keep forever" for that rule. Nothing is removed until an admin sets a value.
 *
 * @package DMJobs
 */

namespace DMJobs\Retention;

defined( 'ABSPATH' ) || exit;

final class RetentionSettings {

	public const OPTION   = 'dm_jobs_retention';
	public const MAX_DAYS = 3650;

	/**
	 * @var array{completed_days: int, failed_days: int, keep_failed: bool, engine_data_days: int, audit_days: int}
	 */
	public const DEFAULTS = array(
		'completed_days'   => 0,
		'failed_days'      => 0,
		'keep_failed'      => false,
		'engine_data_days' => 0,
		'audit_days'       => 180,
	);

	/**
	 * What the admin saved (defaults for anything unset).
	 *
	 * @return array{completed_days: int, failed_days: int, keep_failed: bool, engine_data_days: int, audit_days: int}
	 */
	public function saved(): array {
		$stored = get_option( self::OPTION, array() );
		return self::sanitize( is_array( $stored ) ? $stored : array() );
	}

	/**
	 * @param array<string, mixed> $values Validated by the REST schema; missing keys keep their saved value.
	 * @return array{completed_days: int, failed_days: int, keep_failed: bool, engine_data_days: int, audit_days: int}
	 */
	public function save( array $values ): array {
		$settings = self::sanitize( array_merge( $this->saved(), array_intersect_key( $values, self::DEFAULTS ) ) );
		update_option( self::OPTION, $settings, false );
		return $settings;
	}

	/**
	 * What retention runs with: the saved values, then the filters.
	 *
	 * @return array{completed_days: int, failed_days: int, keep_failed: bool, engine_data_days: int, audit_days: int}
	 */
	public function effective(): array {
		$settings = $this->saved();
		/**
		 * Filters the whole retention policy.
		 *
		 * @param array $settings completed_days, failed_days, keep_failed, engine_data_days, audit_days.
		 */
		$filtered = apply_filters( 'dm_jobs_retention_settings', $settings );
		$settings = self::sanitize( is_array( $filtered ) ? array_merge( $settings, $filtered ) : $settings );
		foreach ( array_keys( self::DEFAULTS ) as $key ) {
			/**
			 * Filters one retention value: dm_jobs_retention_completed_days, …_failed_days,
			 * …_keep_failed, …_engine_data_days, …_audit_days.
			 *
			 * @param int|bool $value The saved (or whole-policy-filtered) value.
			 */
			$settings[ $key ] = apply_filters( "dm_jobs_retention_{$key}", $settings[ $key ] );
		}
		return self::sanitize( $settings );
	}

	/**
	 * Keys whose effective value differs from the saved one (set by code).
	 *
	 * @return string[]
	 */
	public function overridden(): array {
		$saved     = $this->saved();
		$effective = $this->effective();
		return array_values( array_filter( array_keys( self::DEFAULTS ), static fn ( string $key ): bool => $saved[ $key ] !== $effective[ $key ] ) );
	}

	/**
	 * @param array<string, mixed> $values
	 * @return array{completed_days: int, failed_days: int, keep_failed: bool, engine_data_days: int, audit_days: int}
	 */
	public static function sanitize( array $values ): array {
		$clean = self::DEFAULTS;
		foreach ( array( 'completed_days', 'failed_days', 'engine_data_days', 'audit_days' ) as $key ) {
			if ( isset( $values[ $key ] ) && is_numeric( $values[ $key ] ) ) {
				$clean[ $key ] = max( 0, min( self::MAX_DAYS, (int) $values[ $key ] ) );
			}
		}
		if ( isset( $values['keep_failed'] ) ) {
			$clean['keep_failed'] = (bool) $values['keep_failed'];
		}
		return $clean;
	}
}
