<?php
/**
 * Prefixed names of the metrics rollup tables.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Repository;

defined( 'ABSPATH' ) || exit;

final class RollupTables {

	/**
	 * Finished jobs per UTC hour × pipeline × flow × base status, with duration count, sum and max.
	 */
	public static function hourly(): string {
		return self::prefixed( 'dm_jobs_rollup_hourly' );
	}

	/**
	 * The same per site-local date.
	 */
	public static function daily(): string {
		return self::prefixed( 'dm_jobs_rollup_daily' );
	}

	/**
	 * Duration histograms per UTC hour × pipeline × flow (all final statuses together).
	 */
	public static function hourly_shape(): string {
		return self::prefixed( 'dm_jobs_rollup_hourly_shape' );
	}

	/**
	 * Duration histograms and jobs per local hour of day, per local date × pipeline × flow.
	 */
	public static function daily_shape(): string {
		return self::prefixed( 'dm_jobs_rollup_daily_shape' );
	}

	/**
	 * Jobs seen while still open (and ID gaps still to re-check), re-checked by ID on every pass.
	 */
	public static function open(): string {
		return self::prefixed( 'dm_jobs_rollup_open' );
	}

	/**
	 * Concurrency and table-size measurements over time.
	 */
	public static function snapshots(): string {
		return self::prefixed( 'dm_jobs_rollup_snapshots' );
	}

	/**
	 * Watermark, backfill progress and the pass lock.
	 */
	public static function meta(): string {
		return self::prefixed( 'dm_jobs_rollup_meta' );
	}

	/**
	 * @return array<string, string> short name => prefixed name
	 */
	public static function all(): array {
		return array(
			'dm_jobs_rollup_hourly'    => self::hourly(),
			'dm_jobs_rollup_daily'     => self::daily(),
			'dm_jobs_rollup_hourly_shape' => self::hourly_shape(),
			'dm_jobs_rollup_daily_shape'  => self::daily_shape(),
			'dm_jobs_rollup_open'      => self::open(),
			'dm_jobs_rollup_snapshots' => self::snapshots(),
			'dm_jobs_rollup_meta'      => self::meta(),
		);
	}

	private static function prefixed( string $name ): string {
		global $wpdb;
		return $wpdb->prefix . $name;
	}
}
