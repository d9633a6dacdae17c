<?php
/**
 * Pending Action Scheduler actions of Data Machine that carry a job ID in their arguments, cancelled
 * when their job is deleted (a deleted job's step must not run). Which argument names the job depends
 * on the hook: `job_id` for a step, `parent_job_id` for the next chunk of a fan-out batch (as Data
 * Machine's own stuck-job recovery reads them). Only through Action Scheduler's public
 * functions, and only when they are loaded: as_get_scheduled_actions() finds the pending actions of a
 * hook in Data Machine's group (their arguments decoded, also those too long for the indexed column),
 * as_unschedule_action() cancels the next pending one with exactly those arguments — the way Data
 * Machine finds and cancels its own actions (ScheduleActionIdentity). Arguments name the job and its
 * step, so every action cancelled belongs to a deleted job.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class ScheduledJobActions {

	/**
	 * Action Scheduler's status of an action that has not run yet (ActionScheduler_Store::STATUS_PENDING).
	 */
	private const PENDING = 'pending';

	/**
	 * @param string                $group Data Machine's action group.
	 * @param array<string, string> $hooks Hook => the argument that holds the job ID.
	 */
	public function __construct( private readonly string $group, private readonly array $hooks ) {
	}

	/**
	 * @param int[] $job_ids Jobs that are gone.
	 * @return int Actions cancelled.
	 */
	public function cancel_for( array $job_ids ): int {
		if ( ! $job_ids || ! function_exists( 'as_get_scheduled_actions' ) || ! function_exists( 'as_unschedule_action' ) ) {
			return 0;
		}
		$wanted    = array_flip( array_map( 'intval', $job_ids ) );
		$cancelled = 0;
		try {
			foreach ( $this->hooks as $hook => $job_argument ) {
				$actions = as_get_scheduled_actions(
					array(
						'hook'     => $hook,
						'group'    => $this->group,
						'status'   => self::PENDING,
						'per_page' => -1,
					),
					OBJECT
				);
				foreach ( (array) $actions as $action ) {
					$args = is_object( $action ) && method_exists( $action, 'get_args' ) ? $action->get_args() : null;
					if ( ! is_array( $args ) || ! isset( $args[ $job_argument ] ) || ! is_numeric( $args[ $job_argument ] ) || ! isset( $wanted[ (int) $args[ $job_argument ] ] ) ) {
						continue;
					}
					if ( as_unschedule_action( $hook, $args, $this->group ) ) {
						++$cancelled;
					}
				}
			}
		} catch ( \Throwable $error ) {
			// Leaving an action behind is better than failing the delete that already happened.
			unset( $error );
		}
		return $cancelled;
	}
}
