<?php
/**
 * A runner another plugin provides through `dm_jobs_flow_runner` as a callable:
 * function ( int $flow_id ): array{job_id: int|null, skipped?: bool, message?: string}|WP_Error.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class CallableExecution implements Execution {

	/**
	 * @var callable
	 */
	private $runner;

	public function __construct( callable $runner ) {
		$this->runner = $runner;
	}

	public function available(): bool {
		return true;
	}

	public function run_flow( int $flow_id ): RunOutcome|\WP_Error {
		$result = ( $this->runner )( $flow_id );
		if ( $result instanceof RunOutcome || is_wp_error( $result ) ) {
			return $result;
		}
		if ( ! is_array( $result ) ) {
			return new \WP_Error( 'dm_jobs_runner_invalid', __( 'The flow runner gave no answer.', 'dm-jobs' ), array( 'status' => 409 ) );
		}
		$job_id = isset( $result['job_id'] ) && is_numeric( $result['job_id'] ) ? (int) $result['job_id'] : null;
		return new RunOutcome( $job_id, ! empty( $result['skipped'] ), is_string( $result['message'] ?? null ) ? $result['message'] : '' );
	}
}
