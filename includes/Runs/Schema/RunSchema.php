<?php
/**
 * The schemas of the run routes (dm-jobs/v1/flows/{id}/run, /jobs/{id}/rerun): the ID argument of each and
 * their answer (the new job, or Data Machine's refusal). RunsController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Runs\Schema;

use DMJobs\Jobs\Schema\JobSchema;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class RunSchema {

	/**
	 * The route's ID argument.
	 *
	 * @param string $what What the ID names (its description).
	 * @return array<string, array<string, mixed>>
	 */
	public static function id_arg( string $what ): array {
		return array(
			'id' => array(
				'description' => $what,
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
		);
	}

	/**
	 * The answer of running a flow (or re-running a failed job's flow).
	 *
	 * @return array<string, mixed>
	 */
	public static function run(): array {
		return ResponseSchemas::titled(
			'dm-flow-run',
			array(
				'flow_id'     => array( 'type' => 'integer' ),
				'pipeline_id' => array( 'type' => 'integer' ),
				'job_id'      => ResponseSchemas::nullable( 'integer' ),
				'skipped'     => array( 'type' => 'boolean' ),
				'message'     => array( 'type' => 'string' ),
				'rerun_of'    => ResponseSchemas::nullable( 'integer' ),
				'job'         => array( 'anyOf' => array( JobSchema::item(), array( 'type' => 'null' ) ) ),
			)
		);
	}
}
