<?php
/**
 * The progress of a job through its pipeline's steps, derived from the job's status, its engine_data
 * (current_step, completed_steps, error_step_id) and the steps its log lines name.
 *
 * States: completed, running, failed, pending (not reached), skipped (the job ended early without
 * failing: no items, agent skipped, cancelled) and unknown (nothing tells).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

defined( 'ABSPATH' ) || exit;

final class StepProgress {

	private const CURRENT_KEYS   = array( 'current_step', 'current_step_id', 'current_flow_step_id', 'current_pipeline_step_id', 'flow_step_id' );
	private const COMPLETED_KEYS = array( 'completed_steps', 'steps_completed' );

	/**
	 * @param array<string, mixed>                                                     $job          The job (detail shape).
	 * @param array<int, array{id: string, type: string|null, label: string}>         $steps        In order.
	 * @param array<int, array{step: string|null, lines: int, first_id: int, last_id: int}> $log_steps Per-step log summary.
	 * @param string|null                                                              $error_log_step The step of the last error line, if any.
	 * @return array<int, array{id: string, type: string|null, label: string, position: int, state: string, log_lines: int}>
	 */
	public function derive( array $job, array $steps, array $log_steps, ?string $error_log_step ): array {
		if ( ! $steps ) {
			return array();
		}
		$engine = is_array( $job['engine_data'] ?? null ) ? $job['engine_data'] : array();
		$count  = count( $steps );

		// Lines per step and the step of the newest line.
		$lines     = array_fill( 0, $count, 0 );
		$last_seen = null;
		$last_id   = -1;
		foreach ( $log_steps as $summary ) {
			$index = PipelineSteps::match( $steps, $summary['step'] );
			if ( null === $index ) {
				continue;
			}
			$lines[ $index ] += $summary['lines'];
			if ( $summary['last_id'] > $last_id ) {
				$last_id   = $summary['last_id'];
				$last_seen = $index;
			}
		}

		$completed = array();
		foreach ( self::COMPLETED_KEYS as $key ) {
			foreach ( is_array( $engine[ $key ] ?? null ) ? $engine[ $key ] : array() as $reference ) {
				$index = PipelineSteps::match( $steps, $reference );
				if ( null !== $index ) {
					$completed[ $index ] = true;
				}
			}
		}
		$current = null;
		foreach ( self::CURRENT_KEYS as $key ) {
			$current = PipelineSteps::match( $steps, $engine[ $key ] ?? null );
			if ( null !== $current ) {
				break;
			}
		}
		// The furthest step anything points at.
		$reached = max( array_merge( array( $current ?? -1, $last_seen ?? -1 ), array_keys( $completed ) ) );
		$reached = $reached < 0 ? null : $reached;

		$status = (string) ( $job['status'] ?? '' );
		$states = array_fill( 0, $count, 'unknown' );
		switch ( $status ) {
			case 'completed':
				$states = array_fill( 0, $count, 'completed' );
				break;
			case 'pending':
				$states = array_fill( 0, $count, 'pending' );
				break;
			case 'processing':
				$running = $current ?? $last_seen ?? $this->first_not_completed( $count, $completed );
				$states  = $this->split( $count, $running, 'running', 'pending' );
				break;
			case 'failed':
				$failed = PipelineSteps::match( $steps, $engine['error_step_id'] ?? null )
					?? PipelineSteps::match( $steps, $job['failure']['step_id'] ?? null )
					?? PipelineSteps::match( $steps, $error_log_step )
					?? $current
					?? $last_seen;
				if ( null !== $failed ) {
					$states = $this->split( $count, $failed, 'failed', 'pending' );
				}
				break;
			case 'completed_no_items':
			case 'agent_skipped':
			case 'cancelled':
				$stopped = $reached ?? ( 'cancelled' === $status ? null : 0 );
				if ( null !== $stopped ) {
					$states = $this->split( $count, $stopped, 'cancelled' === $status ? 'skipped' : 'completed', 'skipped' );
				}
				break;
		}
		foreach ( $completed as $index => $unused ) {
			if ( 'unknown' === $states[ $index ] || 'pending' === $states[ $index ] ) {
				$states[ $index ] = 'completed';
			}
		}

		$result = array();
		foreach ( $steps as $index => $step ) {
			$result[] = array(
				'id'        => $step['id'],
				'type'      => $step['type'],
				'label'     => $step['label'],
				'position'  => $index + 1,
				'state'     => $states[ $index ],
				'log_lines' => $lines[ $index ],
			);
		}
		return $result;
	}

	/**
	 * Steps before $at completed, $at in $state, the ones after in $after.
	 *
	 * @return string[]
	 */
	private function split( int $count, int $at, string $state, string $after ): array {
		$states = array();
		for ( $index = 0; $index < $count; $index++ ) {
			$states[] = $index < $at ? 'completed' : ( $index === $at ? $state : $after );
		}
		return $states;
	}

	/**
	 * @param array<int, bool> $completed
	 */
	private function first_not_completed( int $count, array $completed ): int {
		for ( $index = 0; $index < $count; $index++ ) {
			if ( ! isset( $completed[ $index ] ) ) {
				return $index;
			}
		}
		return $count - 1;
	}
}
