<?php
/**
 * Data Machine v0.1: `do_action( 'dm_run_flow_now', $flow_id, 'manual' )` (inc/Engine/Actions/Engine.php).
 * The action returns nothing; Data Machine reports through `dm_log`: "Flow execution started
 * successfully" with the job_id, or "Flow execution failed - …" (flow not found, job creation failed,
 * no first step). Those log calls are listened to while the action runs; the job ID also comes from
 * the `dm_schedule_next_step` call that starts the first step.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class LegacyExecution implements Execution {

	public const RUN_ACTION  = 'dm_run_flow_now';
	public const LOG_ACTION  = 'dm_log';
	public const STEP_ACTION = 'dm_schedule_next_step';

	/**
	 * @var array<int, array{level: string, message: string, context: array<string, mixed>}>
	 */
	private array $heard = array();

	private ?int $scheduled_job = null;

	public function available(): bool {
		return false !== has_action( self::RUN_ACTION );
	}

	public function run_flow( int $flow_id ): RunOutcome|\WP_Error {
		$this->heard         = array();
		$this->scheduled_job = null;
		add_action( self::LOG_ACTION, array( $this, 'hear_log' ), 0, 3 );
		add_action( self::STEP_ACTION, array( $this, 'hear_step' ), 0, 1 );
		try {
			do_action( self::RUN_ACTION, $flow_id, 'manual' );
		} finally {
			remove_action( self::LOG_ACTION, array( $this, 'hear_log' ), 0 );
			remove_action( self::STEP_ACTION, array( $this, 'hear_step' ), 0 );
		}

		$job_id = $this->scheduled_job;
		foreach ( $this->heard as $line ) {
			if ( (int) ( $line['context']['flow_id'] ?? $flow_id ) !== $flow_id ) {
				continue;
			}
			$job_id ??= isset( $line['context']['job_id'] ) && is_numeric( $line['context']['job_id'] ) ? (int) $line['context']['job_id'] : null;
			if ( 'error' === $line['level'] && str_starts_with( $line['message'], 'Flow execution failed' ) ) {
				return new \WP_Error(
					'data_machine_refused',
					$line['message'],
					array(
						'status' => 409,
						'job_id' => $job_id,
					)
				);
			}
		}
		if ( null === $job_id ) {
			return new \WP_Error(
				'data_machine_silent',
				__( 'Data Machine did not report a new job for this flow.', 'dm-jobs' ),
				array( 'status' => 409 )
			);
		}
		return new RunOutcome( $job_id, false, 'Flow execution started successfully' );
	}

	/**
	 * @param mixed $level
	 * @param mixed $message
	 * @param mixed $context
	 */
	public function hear_log( $level = '', $message = '', $context = array() ): void {
		$this->heard[] = array(
			'level'   => is_string( $level ) ? $level : '',
			'message' => is_string( $message ) ? $message : '',
			'context' => is_array( $context ) ? $context : array(),
		);
	}

	/**
	 * @param mixed $job_id
	 */
	public function hear_step( $job_id = null ): void {
		if ( null === $this->scheduled_job && is_numeric( $job_id ) && (int) $job_id > 0 ) {
			$this->scheduled_job = (int) $job_id;
		}
	}
}
