<?php
/**
 * Running Data Machine work from DM Jobs (run a flow, re-run a job) through Data Machine's own API,
 * never by writing rows ourselves. Each generation implements it the way its Data Machine offers it;
 * another plugin can provide one through the `dm_jobs_flow_runner` filter (e.g. on a standalone site).
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

interface Execution {

	/**
	 * Whether Data Machine can run work in this request (its plugin is loaded and offers the API).
	 */
	public function available(): bool;

	/**
	 * Runs a flow now. A WP_Error carries Data Machine's own error message when it refused.
	 */
	public function run_flow( int $flow_id ): RunOutcome|\WP_Error;
}
