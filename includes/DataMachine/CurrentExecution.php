<?php
/**
 * Today's Data Machine: the `datamachine/run-flow` ability of the WordPress Abilities API
 * (inc/Abilities/Engine/RunFlowAbility.php), executed with `array( 'flow_id' => $flow_id )` as its
 * own REST execute route and chat tool do. It answers `success`, `job_id`, `first_step`, or
 * `skipped` with a `reason` (an empty drain queue), or a WP_Error (flow_not_found, no_first_step,
 * invalid_execution_plan, job_creation_failed, or the Abilities API's permission error).
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class CurrentExecution implements Execution {

	public const ABILITY = 'datamachine/run-flow';

	public function available(): bool {
		return null !== $this->ability();
	}

	public function run_flow( int $flow_id ): RunOutcome|\WP_Error {
		$ability = $this->ability();
		if ( null === $ability ) {
			return new \WP_Error( 'data_machine_inactive', __( 'Data Machine\'s run-flow ability is not available.', 'dm-jobs' ), array( 'status' => 409 ) );
		}
		$result = $ability->execute( array( 'flow_id' => $flow_id ) );
		if ( is_wp_error( $result ) ) {
			return new \WP_Error( 'data_machine_refused', $result->get_error_message(), array( 'status' => 409, 'data_machine_code' => $result->get_error_code() ) );
		}
		if ( ! is_array( $result ) || empty( $result['success'] ) ) {
			$error = is_array( $result ) && is_string( $result['error'] ?? null ) ? $result['error'] : __( 'Data Machine could not run the flow.', 'dm-jobs' );
			return new \WP_Error( 'data_machine_refused', $error, array( 'status' => 409 ) );
		}
		if ( ! empty( $result['skipped'] ) ) {
			return new RunOutcome( null, true, (string) ( $result['reason'] ?? '' ) );
		}
		$job_id = isset( $result['job_id'] ) && is_numeric( $result['job_id'] ) ? (int) $result['job_id'] : null;
		return new RunOutcome( $job_id, false, (string) ( $result['first_step'] ?? '' ) );
	}

	/**
	 * The registered ability (WordPress 6.9+ with Data Machine loaded), or null.
	 */
	private function ability(): ?object {
		// wp_get_ability() reports a missing ability through _doing_it_wrong(): ask whether it exists first
		// (today's tables without Data Machine loaded have none).
		if ( ! function_exists( 'wp_has_ability' ) || ! wp_has_ability( self::ABILITY ) ) {
			return null;
		}
		$ability = wp_get_ability( self::ABILITY );
		return is_object( $ability ) && method_exists( $ability, 'execute' ) ? $ability : null;
	}
}
