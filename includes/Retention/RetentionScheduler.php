<?php
/**
 * Runs retention daily: with Action Scheduler when it is installed (recurring action, group dm-jobs),
 * otherwise with WP-Cron. An unfinished run continues a minute later until it is done.
 *
 * @package DMJobs
 */

namespace DMJobs\Retention;

use DMJobs\Audit\Actor;

defined( 'ABSPATH' ) || exit;

final class RetentionScheduler {

	public const HOOK  = 'dm_jobs_retention_run';
	public const GROUP = 'dm-jobs';

	public function register(): void {
		add_action( self::HOOK, array( $this, 'run_scheduled' ) );
		add_action( RetentionService::CONTINUE_HOOK, array( $this, 'continue_run' ) );
		add_action( 'init', array( $this, 'ensure_scheduled' ), 20 );
		if ( defined( 'DM_JOBS_FILE' ) ) {
			register_deactivation_hook( DM_JOBS_FILE, array( self::class, 'unschedule' ) );
		}
	}

	/**
	 * Seconds a scheduled slice may work before it hands over to the follow-up.
	 */
	public static function time_budget(): float {
		/**
		 * Filters how long (seconds) one scheduled retention slice may run.
		 *
		 * @param float $seconds Default 20.
		 */
		return max( 1.0, (float) apply_filters( 'dm_jobs_retention_time_budget', 20.0 ) );
	}

	public function run_scheduled(): void {
		( new RetentionService() )->run( Actor::system(), 'schedule', self::time_budget() );
	}

	public function continue_run(): void {
		( new RetentionService() )->continue_pending( self::time_budget() );
	}

	/**
	 * Schedules the daily run if nothing is scheduled (checked in admin and cron requests only).
	 */
	public function ensure_scheduled(): void {
		if ( ! is_admin() && ! wp_doing_cron() ) {
			return;
		}
		$first = strtotime( 'tomorrow 03:15 UTC' ) ?: time() + DAY_IN_SECONDS;
		if ( self::uses_action_scheduler() ) {
			if ( wp_next_scheduled( self::HOOK ) ) {
				wp_clear_scheduled_hook( self::HOOK );
			}
			if ( ! as_has_scheduled_action( self::HOOK, array(), self::GROUP ) ) {
				as_schedule_recurring_action( $first, DAY_IN_SECONDS, self::HOOK, array(), self::GROUP );
			}
			return;
		}
		if ( ! wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( $first, 'daily', self::HOOK );
		}
	}

	public static function uses_action_scheduler(): bool {
		return function_exists( 'as_schedule_recurring_action' ) && function_exists( 'as_has_scheduled_action' );
	}

	/**
	 * When the next run is due and what runs it.
	 *
	 * @return array{runner: string, next_run: string|null}
	 */
	public static function schedule(): array {
		$next = null;
		if ( self::uses_action_scheduler() && function_exists( 'as_next_scheduled_action' ) ) {
			$timestamp = as_next_scheduled_action( self::HOOK, array(), self::GROUP );
			$next      = is_int( $timestamp ) ? $timestamp : null;
			$runner    = 'action-scheduler';
		} else {
			$timestamp = wp_next_scheduled( self::HOOK );
			$next      = false === $timestamp ? null : (int) $timestamp;
			$runner    = 'wp-cron';
		}
		return array(
			'runner'   => $runner,
			'next_run' => null === $next ? null : gmdate( 'Y-m-d\TH:i:s\Z', $next ),
		);
	}

	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
		wp_clear_scheduled_hook( RetentionService::CONTINUE_HOOK );
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( self::HOOK, array(), self::GROUP );
		}
	}
}
