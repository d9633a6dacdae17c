<?php
/**
 * Evaluates the alert rules every five minutes: a recurring Action Scheduler action (group dm-jobs)
 * when Action Scheduler is installed, otherwise WP-Cron. Nothing is scheduled while every rule is off.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Retention\RetentionScheduler;

defined( 'ABSPATH' ) || exit;

final class AlertScheduler {

	public const HOOK     = 'dm_jobs_evaluate_alerts';
	public const SCHEDULE = 'dm_jobs_alerts_five_minutes';
	public const INTERVAL = 300;

	public function __construct( private readonly AlertSettings $settings = new AlertSettings() ) {
	}

	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'init', array( $this, 'ensure_scheduled' ), 20 );
		if ( defined( 'DM_JOBS_FILE' ) ) {
			register_deactivation_hook( DM_JOBS_FILE, array( self::class, 'unschedule' ) );
		}
	}

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function add_schedule( $schedules ): array {
		$schedules                   = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::SCHEDULE ] = array(
			'interval' => self::INTERVAL,
			'display'  => __( 'Every five minutes (DM Jobs alerts)', 'dm-jobs' ),
		);
		return $schedules;
	}

	public function run(): void {
		( new AlertEvaluator() )->run();
	}

	/**
	 * Schedules the evaluation while a rule is on, and removes it when none is
	 * (checked in admin and cron requests only).
	 */
	public function ensure_scheduled(): void {
		if ( ! is_admin() && ! wp_doing_cron() ) {
			return;
		}
		$this->sync();
	}

	/**
	 * Schedules or unschedules the evaluation to match the settings (after they were saved).
	 */
	public function sync(): void {
		$wanted = (bool) array_filter( array_column( $this->settings->get()['rules'], 'enabled' ) );
		if ( ! $wanted ) {
			if ( false !== self::next_run() ) {
				self::unschedule();
			}
			return;
		}
		if ( RetentionScheduler::uses_action_scheduler() ) {
			if ( wp_next_scheduled( self::HOOK ) ) {
				wp_clear_scheduled_hook( self::HOOK );
			}
			if ( ! as_has_scheduled_action( self::HOOK, array(), RetentionScheduler::GROUP ) ) {
				as_schedule_recurring_action( time() + 60, self::INTERVAL, self::HOOK, array(), RetentionScheduler::GROUP );
			}
			return;
		}
		if ( ! wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + 60, self::SCHEDULE, self::HOOK );
		}
	}

	/**
	 * When the next evaluation is due and what runs it.
	 *
	 * @return array{runner: string, next_run: string|null}
	 */
	public static function schedule(): array {
		$next = self::next_run();
		return array(
			'runner'   => RetentionScheduler::uses_action_scheduler() ? 'action-scheduler' : 'wp-cron',
			'next_run' => false === $next ? null : gmdate( 'Y-m-d\TH:i:s\Z', $next ),
		);
	}

	private static function next_run(): int|false {
		if ( RetentionScheduler::uses_action_scheduler() && function_exists( 'as_next_scheduled_action' ) ) {
			$next = as_next_scheduled_action( self::HOOK, array(), RetentionScheduler::GROUP );
			return is_int( $next ) ? $next : false;
		}
		return wp_next_scheduled( self::HOOK );
	}

	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( self::HOOK, array(), RetentionScheduler::GROUP );
		}
	}
}
