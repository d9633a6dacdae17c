<?php
/**
 * The rollups' WordPress wiring: a pass every five minutes on WP-Cron (back to back while
 * backfilling or rebuilding), and the job hooks that keep them exact between passes.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

defined( 'ABSPATH' ) || exit;

final class RollupHooks {

	public const CRON_HOOK     = 'dm_jobs_rollup';
	public const CONTINUE_HOOK = 'dm_jobs_rollup_continue';
	public const SCHEDULE      = 'dm_jobs_every_five_minutes';

	public function __construct( private readonly RollupService $rollups = new RollupService() ) {
	}

	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected
		add_action( 'init', array( $this, 'schedule' ) );
		add_action( self::CRON_HOOK, array( $this, 'run_cron' ) );
		add_action( self::CONTINUE_HOOK, array( $this, 'run_cron' ) );
		add_action( 'dm_jobs_job_status_changed', array( $this->rollups, 'on_status_changed' ), 10, 2 );
		add_action( 'dm_jobs_before_delete_jobs', array( $this->rollups, 'before_delete' ) );
		add_action( 'deactivate_' . plugin_basename( DM_JOBS_FILE ), array( $this, 'unschedule' ) );
	}

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function add_schedule( $schedules ): array {
		$schedules                   = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::SCHEDULE ] = array(
			'interval' => 5 * MINUTE_IN_SECONDS,
			'display'  => __( 'Every five minutes (DM Jobs metrics)', 'dm-jobs' ),
		);
		return $schedules;
	}

	public function schedule(): void {
		if ( ! wp_next_scheduled( self::CRON_HOOK ) ) {
			wp_schedule_event( time() + MINUTE_IN_SECONDS, self::SCHEDULE, self::CRON_HOOK );
		}
	}

	public function unschedule(): void {
		wp_clear_scheduled_hook( self::CRON_HOOK );
		wp_clear_scheduled_hook( self::CONTINUE_HOOK );
	}

	public function run_cron(): void {
		$progress = $this->rollups->run( 20.0 );
		if ( in_array( $progress['state'], array( 'backfilling', 'rebuilding' ), true ) && ! wp_next_scheduled( self::CONTINUE_HOOK ) ) {
			wp_schedule_single_event( time(), self::CONTINUE_HOOK );
		}
	}
}
