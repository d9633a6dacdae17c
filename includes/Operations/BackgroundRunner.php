<?php
/**
 * Advances admin operations without a browser: when an operation starts, a background run is
 * scheduled (Action Scheduler when installed, WP-Cron otherwise). Each background run first
 * schedules a fallback for after its lease would expire (so a run that is killed is resumed), then
 * works for a time budget, then schedules its follow-up at once — until the operation ends.
 * Browser polls (POST /operations/{id}/run) keep working alongside: the lease lets only one run work
 * at a time, the other answers "busy".
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

defined( 'ABSPATH' ) || exit;

final class BackgroundRunner {

	public const HOOK  = 'dm_jobs_run_operation';
	public const GROUP = 'dm-jobs';

	public function __construct( private readonly OperationService $service = new OperationService() ) {
	}

	public function register(): void {
		add_action( 'dm_jobs_operation_started', array( $this, 'schedule_now' ) );
		add_action( self::HOOK, array( $this, 'run' ) );
		if ( defined( 'DM_JOBS_FILE' ) ) {
			register_deactivation_hook( DM_JOBS_FILE, array( self::class, 'unschedule_all' ) );
		}
	}

	/**
	 * Drops every scheduled background run (plugin deactivated); running operations keep their
	 * place and continue when a client or a new start schedules them again.
	 */
	public static function unschedule_all(): void {
		wp_unschedule_hook( self::HOOK );
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( self::HOOK, array(), self::GROUP );
		}
	}

	/**
	 * Seconds one background run may work.
	 */
	public static function time_budget(): float {
		/**
		 * Filters how long (seconds) one background run of an operation may work before it hands
		 * over to its follow-up.
		 *
		 * @param float $seconds Default 15.
		 */
		return max( 1.0, (float) apply_filters( 'dm_jobs_operation_background_budget', 15.0 ) );
	}

	/**
	 * @param int|string $operation_id The operation.
	 */
	public function schedule_now( $operation_id ): void {
		self::schedule( (int) $operation_id, 0 );
	}

	/**
	 * @param int|string $operation_id The operation (the scheduled action's argument).
	 */
	public function run( $operation_id ): void {
		$operation_id = (int) $operation_id;
		// If this process dies, the fallback resumes the operation once this run's lease expired.
		self::schedule( $operation_id, OperationService::lease_seconds() + 5 );
		$operation = $this->service->run_until_done( $operation_id, microtime( true ) + self::time_budget() );
		if ( is_wp_error( $operation ) || OperationService::STATE_RUNNING !== $operation['state'] ) {
			self::unschedule( $operation_id );
			return;
		}
		if ( empty( $operation['busy'] ) ) {
			self::schedule( $operation_id, 0 );
			if ( ! self::uses_action_scheduler() && function_exists( 'spawn_cron' ) && ! wp_doing_cron() ) {
				spawn_cron();
			}
		}
		// Busy: another run holds the lease; the fallback checks again after it.
	}

	/**
	 * When the next background run of an operation is due (unix time), or null.
	 */
	public static function next_run( int $operation_id ): ?int {
		if ( self::uses_action_scheduler() && function_exists( 'as_next_scheduled_action' ) ) {
			$next = as_next_scheduled_action( self::HOOK, array( $operation_id ), self::GROUP );
			return is_int( $next ) ? $next : ( true === $next ? time() : null );
		}
		$next = wp_next_scheduled( self::HOOK, array( $operation_id ) );
		return false === $next ? null : (int) $next;
	}

	public static function uses_action_scheduler(): bool {
		return function_exists( 'as_schedule_single_action' ) && function_exists( 'as_unschedule_all_actions' );
	}

	private static function schedule( int $operation_id, int $delay ): void {
		self::unschedule( $operation_id );
		if ( self::uses_action_scheduler() ) {
			as_schedule_single_action( time() + $delay, self::HOOK, array( $operation_id ), self::GROUP );
			return;
		}
		wp_schedule_single_event( time() + $delay, self::HOOK, array( $operation_id ) );
	}

	private static function unschedule( int $operation_id ): void {
		if ( self::uses_action_scheduler() ) {
			as_unschedule_all_actions( self::HOOK, array( $operation_id ), self::GROUP );
			return;
		}
		wp_clear_scheduled_hook( self::HOOK, array( $operation_id ) );
	}
}
