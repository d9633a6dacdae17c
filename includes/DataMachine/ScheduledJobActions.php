<?php
/**
 * Pending Action Scheduler actions of Data Machine that carry a job ID in their arguments, cancelled
 * when their job is deleted (a deleted job's step must not run). Only through Action Scheduler's own
 * API, and only when it is loaded.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class ScheduledJobActions {

	/**
	 * @param string   $group Data Machine's action group.
	 * @param string[] $hooks Hooks whose args carry job_id.
	 */
	public function __construct( private readonly string $group, private readonly array $hooks ) {
	}

	/**
	 * @param int[] $job_ids Jobs that are gone.
	 * @return int Actions cancelled.
	 */
	public function cancel_for( array $job_ids ): int {
		if ( ! $job_ids || ! function_exists( 'as_get_scheduled_actions' ) || ! class_exists( '\\ActionScheduler' ) ) {
			return 0;
		}
		$wanted    = array_flip( array_map( 'intval', $job_ids ) );
		$cancelled = 0;
		try {
			$store = \ActionScheduler::store();
			foreach ( $this->hooks as $hook ) {
				$ids = as_get_scheduled_actions(
					array(
						'hook'     => $hook,
						'group'    => $this->group,
						'status'   => \ActionScheduler_Store::STATUS_PENDING,
						'per_page' => -1,
					),
					'ids'
				);
				foreach ( (array) $ids as $action_id ) {
					$args = $store->fetch_action( (int) $action_id )->get_args();
					if ( is_array( $args ) && isset( $args['job_id'] ) && is_numeric( $args['job_id'] ) && isset( $wanted[ (int) $args['job_id'] ] ) ) {
						$store->cancel_action( (int) $action_id );
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
