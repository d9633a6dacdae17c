<?php
/**
 * "Run flow now" and "Re-run": checks that a runner exists and the flow still does, asks the runner
 * (Data Machine's own API), and audits the attempt whatever its outcome. Never writes job rows.
 *
 * @package DMJobs
 */

namespace DMJobs\Runs;

use DMJobs\Audit\AuditLog;
use DMJobs\DataMachine\Execution;
use DMJobs\Jobs\JobFormatter;
use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Pipelines\Repository\PipelineRepository;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class FlowRunService {

	public function __construct(
		private readonly ?Execution $runner = null,
		private readonly PipelineRepository $pipelines = new PipelineRepository(),
		private readonly JobRepository $jobs = new JobRepository(),
		private readonly AuditLog $audit = new AuditLog(),
	) {
	}

	/**
	 * @param int      $flow_id  The flow to run.
	 * @param int|null $rerun_of The failed job this re-runs, if any (for the audit trail).
	 * @return array{flow_id: int, pipeline_id: int, job_id: int|null, skipped: bool, message: string, rerun_of: int|null, job: array<string, mixed>|null}|WP_Error
	 */
	public function run( int $flow_id, ?int $rerun_of = null ): array|WP_Error {
		$runner = $this->runner ?? FlowRunners::resolve();
		if ( null === $runner ) {
			return new WP_Error( 'dm_jobs_no_runner', __( 'Data Machine is not active, so flows cannot be run from here.', 'dm-jobs' ), array( 'status' => 409 ) );
		}
		$pipeline_id = $this->pipelines->flow_pipeline_id( $flow_id );
		if ( null === $pipeline_id ) {
			return new WP_Error(
				'dm_jobs_flow_not_found',
				/* translators: %d: flow ID */
				sprintf( __( 'Flow #%d no longer exists.', 'dm-jobs' ), $flow_id ),
				array( 'status' => 404 )
			);
		}

		$outcome = $runner->run_flow( $flow_id );
		$action  = null === $rerun_of ? 'flow.run' : 'flow.rerun';
		$params  = array(
			'flow_id'     => $flow_id,
			'pipeline_id' => $pipeline_id,
			'rerun_of'    => $rerun_of,
		);
		if ( is_wp_error( $outcome ) ) {
			$this->audit->record( $action, $params + array( 'error' => $outcome->get_error_message() ), 0, $rerun_of );
			$data = $outcome->get_error_data();
			return new WP_Error(
				$outcome->get_error_code(),
				$outcome->get_error_message(),
				array( 'status' => 409 ) + ( is_array( $data ) ? $data : array() )
			);
		}

		$this->audit->record( $action, $params + array( 'job_id' => $outcome->job_id, 'skipped' => $outcome->skipped, 'message' => $outcome->message ), null === $outcome->job_id ? 0 : 1, $outcome->job_id ?? $rerun_of );
		$row = null === $outcome->job_id ? null : $this->jobs->find( $outcome->job_id );
		return array(
			'flow_id'     => $flow_id,
			'pipeline_id' => $pipeline_id,
			'job_id'      => $outcome->job_id,
			'skipped'     => $outcome->skipped,
			'message'     => $outcome->message,
			'rerun_of'    => $rerun_of,
			'job'         => null === $row ? null : JobFormatter::summary( $row ),
		);
	}
}
