<?php
/**
 * Running Data Machine work from DM Jobs (run a flow, re-run a job) through Data Machine's own API.
 * Implemented per generation where Data Machine offers it; the integration work adds the methods.
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
}
