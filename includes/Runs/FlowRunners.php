<?php
/**
 * Which runner runs flows in this request: Data Machine's own execution API of the generation in use
 * when its plugin offers it, or what another plugin provides through `dm_jobs_flow_runner`.
 *
 * @package DMJobs
 */

namespace DMJobs\Runs;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CallableExecution;
use DMJobs\DataMachine\Execution;

defined( 'ABSPATH' ) || exit;

final class FlowRunners {

	/**
	 * The runner, or null when flows cannot be run from DM Jobs here.
	 */
	public static function resolve(): ?Execution {
		$generation = Adapters::current();
		$execution  = $generation->execution();
		$runner     = null !== $execution && $execution->available() ? $execution : null;
		/**
		 * Provides (or replaces) what runs a flow for "Run flow now" and "Re-run". Return an object
		 * implementing DMJobs\DataMachine\Execution, or a callable
		 * function ( int $flow_id ): array{job_id: int|null, skipped?: bool, message?: string}|WP_Error.
		 * Return null to hide running.
		 *
		 * @param Execution|null                       $runner     Data Machine's own runner when it is loaded, else null.
		 * @param \DMJobs\DataMachine\Generation       $generation The Data Machine generation in use.
		 */
		$filtered = apply_filters( 'dm_jobs_flow_runner', $runner, $generation );
		if ( ! $filtered instanceof Execution && is_callable( $filtered ) ) {
			$filtered = new CallableExecution( $filtered );
		}
		return $filtered instanceof Execution && $filtered->available() ? $filtered : null;
	}
}
