<?php
/**
 * Checks the configuration a job ran with: its pipeline and flow still exist and belong together,
 * their stored settings decode, the pipeline has steps, the flow has settings for them and a schedule.
 *
 * Each result: { id, scope: "pipeline"|"flow", status: "ok"|"warning"|"error", message, field|null }.
 * Other plugins add checks through the `dm_jobs_config_checks` filter.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

defined( 'ABSPATH' ) || exit;

final class ConfigValidator {

	/**
	 * Step types that need a handler (a source or a destination) in the flow.
	 */
	private const HANDLER_STEP_TYPES = array( 'fetch', 'publish', 'update' );

	/**
	 * @param array<string, mixed>       $job      The job (detail shape).
	 * @param array<string, mixed>|null  $pipeline Row from JobConfigRepository::find_pipeline(), or null.
	 * @param array<string, mixed>|null  $flow     Row from JobConfigRepository::find_flow(), or null.
	 * @return array<int, array{id: string, scope: string, status: string, message: string, field: string|null}>
	 */
	public function check( array $job, ?array $pipeline, ?array $flow ): array {
		if ( null === ( $job['pipeline_id'] ?? null ) && null === ( $job['flow_id'] ?? null ) ) {
			return array(); // Direct, chat and system jobs of today's Data Machine have no saved configuration.
		}
		$checks = array_merge( $this->pipeline_checks( $job, $pipeline ), $this->flow_checks( $job, $pipeline, $flow ) );

		/**
		 * Filters the configuration checks shown for a job.
		 *
		 * @param array      $checks   List of { id, scope, status (ok|warning|error), message, field }.
		 * @param array      $job      The job (detail shape).
		 * @param array|null $pipeline The pipeline row (pipeline_config still encoded), null if gone.
		 * @param array|null $flow     The flow row (flow_config and scheduling_config still encoded), null if gone.
		 */
		$filtered = apply_filters( 'dm_jobs_config_checks', $checks, $job, $pipeline, $flow );

		$clean = array();
		foreach ( is_array( $filtered ) ? $filtered : array() as $check ) {
			if ( is_array( $check ) && isset( $check['id'], $check['message'] ) && in_array( $check['status'] ?? null, array( 'ok', 'warning', 'error' ), true ) ) {
				$clean[] = array(
					'id'      => (string) $check['id'],
					'scope'   => in_array( $check['scope'] ?? null, array( 'pipeline', 'flow' ), true ) ? (string) $check['scope'] : 'flow',
					'status'  => (string) $check['status'],
					'message' => (string) $check['message'],
					'field'   => isset( $check['field'] ) && is_scalar( $check['field'] ) ? (string) $check['field'] : null,
				);
			}
		}
		return $clean;
	}

	/**
	 * @param array<string, mixed>      $job
	 * @param array<string, mixed>|null $pipeline
	 * @return array<int, array{id: string, scope: string, status: string, message: string, field: string|null}>
	 */
	private function pipeline_checks( array $job, ?array $pipeline ): array {
		if ( null === $pipeline ) {
			return array(
				self::result(
					'pipeline_exists',
					'pipeline',
					'error',
					/* translators: %d: pipeline ID. */
					sprintf( __( 'Pipeline #%d no longer exists: this job cannot be run again.', 'dm-jobs' ), (int) $job['pipeline_id'] )
				),
			);
		}
		$config = StoredConfig::parse( isset( $pipeline['pipeline_config'] ) ? (string) $pipeline['pipeline_config'] : null );
		if ( StoredConfig::INVALID === $config->state ) {
			return array( self::result( 'pipeline_config_valid', 'pipeline', 'error', __( 'The pipeline\'s configuration is not valid JSON: Data Machine cannot read its steps.', 'dm-jobs' ), 'pipeline_config' ) );
		}
		$steps = PipelineSteps::from_config( $config->value );
		if ( ! $steps ) {
			return array( self::result( 'pipeline_has_steps', 'pipeline', 'error', __( 'The pipeline has no steps. Add at least a fetch step in Data Machine.', 'dm-jobs' ), 'pipeline_config' ) );
		}

		$checks  = array();
		$untyped = array_filter( $steps, static fn ( array $step ): bool => null === $step['type'] );
		$checks[] = $untyped
			? self::result(
				'pipeline_step_types',
				'pipeline',
				'warning',
				/* translators: %s: comma-separated step IDs. */
				sprintf( __( 'These pipeline steps have no step type: %s.', 'dm-jobs' ), implode( ', ', array_column( $untyped, 'id' ) ) ),
				'pipeline_config'
			)
			: self::result(
				'pipeline_has_steps',
				'pipeline',
				'ok',
				/* translators: %d: number of steps. */
				sprintf( _n( 'The pipeline has %d step.', 'The pipeline has %d steps.', count( $steps ), 'dm-jobs' ), count( $steps ) ),
				'pipeline_config'
			);
		return $checks;
	}

	/**
	 * @param array<string, mixed>      $job
	 * @param array<string, mixed>|null $pipeline
	 * @param array<string, mixed>|null $flow
	 * @return array<int, array{id: string, scope: string, status: string, message: string, field: string|null}>
	 */
	private function flow_checks( array $job, ?array $pipeline, ?array $flow ): array {
		if ( null === $flow ) {
			return array(
				self::result(
					'flow_exists',
					'flow',
					'error',
					/* translators: %d: flow ID. */
					sprintf( __( 'Flow #%d no longer exists: this job cannot be run again.', 'dm-jobs' ), (int) $job['flow_id'] )
				),
			);
		}
		$checks = array();
		if ( (int) $flow['pipeline_id'] !== (int) $job['pipeline_id'] ) {
			$checks[] = self::result(
				'flow_pipeline_match',
				'flow',
				'error',
				/* translators: 1: flow's pipeline ID, 2: job's pipeline ID. */
				sprintf( __( 'The flow now belongs to pipeline #%1$d, not to the job\'s pipeline #%2$d.', 'dm-jobs' ), (int) $flow['pipeline_id'], (int) $job['pipeline_id'] ),
				'pipeline_id'
			);
		}

		$flow_config = StoredConfig::parse( isset( $flow['flow_config'] ) ? (string) $flow['flow_config'] : null );
		if ( StoredConfig::INVALID === $flow_config->state ) {
			$checks[] = self::result( 'flow_config_valid', 'flow', 'error', __( 'The flow\'s step settings (flow_config) are not valid JSON.', 'dm-jobs' ), 'flow_config' );
		} elseif ( StoredConfig::OK !== $flow_config->state ) {
			$checks[] = self::result( 'flow_config_present', 'flow', 'error', __( 'The flow has no step settings (flow_config is empty): its steps have no handlers configured.', 'dm-jobs' ), 'flow_config' );
		} else {
			$checks = array_merge( $checks, $this->handler_checks( (int) $flow['flow_id'], $pipeline, $flow_config->value ) );
		}

		$schedule = StoredConfig::parse( isset( $flow['scheduling_config'] ) ? (string) $flow['scheduling_config'] : null );
		if ( StoredConfig::INVALID === $schedule->state ) {
			$checks[] = self::result( 'scheduling_config_valid', 'flow', 'error', __( 'The flow\'s schedule (scheduling_config) is not valid JSON.', 'dm-jobs' ), 'scheduling_config' );
		} elseif ( StoredConfig::OK !== $schedule->state ) {
			$checks[] = self::result( 'scheduling_config_present', 'flow', 'error', __( 'The flow has no schedule (scheduling_config is empty); Data Machine expects at least {"interval":"manual"}.', 'dm-jobs' ), 'scheduling_config' );
		} elseif ( ! isset( $schedule->value['interval'] ) || ! is_string( $schedule->value['interval'] ) || '' === $schedule->value['interval'] ) {
			$checks[] = self::result( 'scheduling_interval', 'flow', 'warning', __( 'The flow\'s schedule has no interval.', 'dm-jobs' ), 'scheduling_config.interval' );
		} else {
			$checks[] = self::result(
				'scheduling_interval',
				'flow',
				'ok',
				/* translators: %s: schedule interval such as "hourly". */
				sprintf( __( 'Schedule: %s.', 'dm-jobs' ), $schedule->value['interval'] ),
				'scheduling_config.interval'
			);
		}
		return $checks;
	}

	/**
	 * For flow_config keyed by flow step ID (Data Machine's shape): every pipeline step has flow settings,
	 * and fetch/publish/update steps name a handler.
	 *
	 * @param array<string, mixed>|null $pipeline
	 * @param array<mixed>              $flow_config
	 * @return array<int, array{id: string, scope: string, status: string, message: string, field: string|null}>
	 */
	private function handler_checks( int $flow_id, ?array $pipeline, array $flow_config ): array {
		$flow_steps = array();
		foreach ( $flow_config as $key => $step ) {
			if ( is_array( $step ) && ( isset( $step['handler'] ) || isset( $step['handler_slug'] ) || isset( $step['step_type'] ) || isset( $step['pipeline_step_id'] ) ) ) {
				$flow_steps[ (string) $key ] = $step;
			}
		}
		if ( ! $flow_steps ) {
			return array( self::result( 'flow_config_present', 'flow', 'ok', __( 'The flow has step settings.', 'dm-jobs' ), 'flow_config' ) );
		}

		$checks          = array();
		$pipeline_config = null === $pipeline ? null : StoredConfig::parse( isset( $pipeline['pipeline_config'] ) ? (string) $pipeline['pipeline_config'] : null );
		$pipeline_steps  = null === $pipeline_config ? array() : PipelineSteps::from_config( $pipeline_config->value );
		$missing         = array();
		foreach ( $pipeline_steps as $step ) {
			$found = isset( $flow_steps[ $step['id'] . '_' . $flow_id ] ) || isset( $flow_steps[ $step['id'] ] );
			foreach ( $flow_steps as $flow_step ) {
				$found = $found || ( isset( $flow_step['pipeline_step_id'] ) && $flow_step['pipeline_step_id'] === $step['id'] );
			}
			if ( ! $found ) {
				$missing[] = $step['label'];
			}
		}
		if ( $missing ) {
			$checks[] = self::result(
				'flow_steps_cover_pipeline',
				'flow',
				'warning',
				/* translators: %s: comma-separated step names. */
				sprintf( __( 'The flow has no settings for these pipeline steps: %s.', 'dm-jobs' ), implode( ', ', $missing ) ),
				'flow_config'
			);
		}

		$no_handler = array();
		foreach ( $flow_steps as $key => $step ) {
			$type = isset( $step['step_type'] ) && is_string( $step['step_type'] ) ? $step['step_type'] : null;
			if ( null === $type || ! in_array( $type, self::HANDLER_STEP_TYPES, true ) ) {
				continue;
			}
			$handler = $step['handler_slug'] ?? ( is_array( $step['handler'] ?? null ) ? ( $step['handler']['handler_slug'] ?? $step['handler']['slug'] ?? null ) : ( $step['handler'] ?? null ) );
			if ( ! is_string( $handler ) || '' === $handler ) {
				$no_handler[] = $type . ' (' . $key . ')';
			}
		}
		if ( $no_handler ) {
			$checks[] = self::result(
				'flow_step_handlers',
				'flow',
				'error',
				/* translators: %s: comma-separated step names. */
				sprintf( __( 'These steps have no handler selected: %s.', 'dm-jobs' ), implode( ', ', $no_handler ) ),
				'flow_config'
			);
		}
		if ( ! $checks ) {
			$checks[] = self::result( 'flow_step_handlers', 'flow', 'ok', __( 'Every step of the flow has its settings.', 'dm-jobs' ), 'flow_config' );
		}
		return $checks;
	}

	/**
	 * @return array{id: string, scope: string, status: string, message: string, field: string|null}
	 */
	private static function result( string $id, string $scope, string $status, string $message, ?string $field = null ): array {
		return array(
			'id'      => $id,
			'scope'   => $scope,
			'status'  => $status,
			'message' => $message,
			'field'   => $field,
		);
	}
}
