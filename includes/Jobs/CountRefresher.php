<?php
/**
 * WP-Cron work that keeps the jobs list cheap: the count snapshot, the page anchors, the created_at
 * zones and the table of job labels that search reads.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

defined( 'ABSPATH' ) || exit;

final class CountRefresher {

	public const HOOK     = 'dm_jobs_refresh_counts';
	public const SCHEDULE = 'dm_jobs_five_minutes';

	/**
	 * Unix time the last refresh finished (the alerts' "background refresh stopped" rule reads it).
	 */
	public const LAST_RUN_OPTION = 'dm_jobs_counts_refreshed_at';

	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( self::HOOK . '_now', array( $this, 'run' ) );
		add_action( 'init', array( $this, 'ensure_scheduled' ) );
	}

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function add_schedule( array $schedules ): array {
		$schedules[ self::SCHEDULE ] = array(
			'interval' => 5 * MINUTE_IN_SECONDS,
			'display'  => __( 'Every five minutes (DM Jobs)', 'dm-jobs' ),
		);
		return $schedules;
	}

	public function ensure_scheduled(): void {
		if ( ! wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + MINUTE_IN_SECONDS, self::SCHEDULE, self::HOOK );
			// Counts from now: a site whose cron never runs is then noticed too.
			add_option( self::LAST_RUN_OPTION, time(), '', false );
		}
	}

	public function run(): void {
		( new JobCounts() )->refresh();
		( new PageAnchors() )->refresh();
		( new CreatedAtZones() )->refresh();
		if ( LabelDictionary::usable() ) {
			( new LabelDictionary() )->refresh();
		}
		update_option( self::LAST_RUN_OPTION, time(), false );
	}

	/**
	 * When the last refresh finished (null: never, and never scheduled either).
	 */
	public static function last_run(): ?int {
		$value = get_option( self::LAST_RUN_OPTION );
		return is_numeric( $value ) ? (int) $value : null;
	}

	/**
	 * Asks WP-Cron for a refresh as soon as possible (a count snapshot is missing or stale).
	 */
	public static function schedule_soon(): void {
		if ( ! wp_next_scheduled( self::HOOK . '_now' ) ) {
			wp_schedule_single_event( time(), self::HOOK . '_now' );
		}
	}

	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
		wp_clear_scheduled_hook( self::HOOK . '_now' );
	}
}
