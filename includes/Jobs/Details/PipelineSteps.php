<?php
/**
 * The ordered steps of a pipeline, read from Data Machine's pipeline_config (keyed by pipeline step ID,
 * with step_type, label and execution_order), from a "steps" list, or from a flow_config keyed by flow
 * step ID ("{pipeline_step_id}_{flow_id}"), and matching of the step references jobs and log lines carry.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

defined( 'ABSPATH' ) || exit;

final class PipelineSteps {

	/**
	 * Keys that make an array in a keyed config a step.
	 */
	private const STEP_KEYS = array(
		'step_type'        => true,
		'type'             => true,
		'pipeline_step_id' => true,
		'flow_step_id'     => true,
		'execution_order'  => true,
		'label'            => true,
		'handler'          => true,
	);

	/**
	 * @param array<mixed> $config A decoded pipeline_config or flow_config.
	 * @return array<int, array{id: string, type: string|null, label: string}> In execution order.
	 */
	public static function from_config( array $config ): array {
		$source  = isset( $config['steps'] ) && is_array( $config['steps'] ) ? $config['steps'] : $config;
		$is_list = array_is_list( $source );
		$steps   = array();
		$index   = 0;
		foreach ( $source as $key => $step ) {
			if ( $is_list && is_string( $step ) && '' !== $step ) {
				$steps[] = array(
					'id'    => $step,
					'type'  => null,
					'label' => $step,
					'order' => $index,
					'index' => $index,
				);
			} elseif ( is_array( $step ) && ( $is_list || array_intersect_key( $step, self::STEP_KEYS ) ) ) {
				$id   = self::first_string( $step, array( 'pipeline_step_id', 'step_id', 'id', 'flow_step_id' ) ) ?? ( is_string( $key ) ? $key : (string) $index );
				$type = self::first_string( $step, array( 'step_type', 'type' ) );
				$order = $step['execution_order'] ?? $step['position'] ?? $step['order'] ?? $index;

				$steps[] = array(
					'id'    => $id,
					'type'  => $type,
					'label' => self::first_string( $step, array( 'label', 'name', 'title' ) ) ?? $type ?? $id,
					'order' => is_numeric( $order ) ? (float) $order : (float) $index,
					'index' => $index,
				);
			} else {
				continue;
			}
			++$index;
		}
		usort( $steps, static fn ( array $a, array $b ): int => array( $a['order'], $a['index'] ) <=> array( $b['order'], $b['index'] ) );
		return array_map(
			static fn ( array $step ): array => array(
				'id'    => $step['id'],
				'type'  => $step['type'],
				'label' => $step['label'],
			),
			$steps
		);
	}

	/**
	 * Which step a reference means: a step ID, a flow step ID ("{step_id}_{flow_id}"), a step type,
	 * a label, or "{anything}_{step_type}".
	 *
	 * @param array<int, array{id: string, type: string|null, label: string}> $steps
	 * @return int|null Index into $steps.
	 */
	public static function match( array $steps, mixed $reference ): ?int {
		if ( ! is_scalar( $reference ) || '' === (string) $reference ) {
			return null;
		}
		$reference = (string) $reference;
		foreach ( $steps as $index => $step ) {
			if ( $step['id'] === $reference ) {
				return $index;
			}
		}
		$suffix_at = strrpos( $reference, '_' );
		$prefix    = false === $suffix_at ? null : substr( $reference, 0, $suffix_at );
		$suffix    = false === $suffix_at ? null : substr( $reference, $suffix_at + 1 );
		// "{pipeline_step_id}_{flow_id}".
		if ( null !== $prefix && ctype_digit( (string) $suffix ) ) {
			foreach ( $steps as $index => $step ) {
				if ( $step['id'] === $prefix ) {
					return $index;
				}
			}
		}
		foreach ( $steps as $index => $step ) {
			if ( null !== $step['type'] && ( $step['type'] === $reference || $step['type'] === $suffix ) ) {
				return $index;
			}
		}
		foreach ( $steps as $index => $step ) {
			if ( strcasecmp( $step['label'], $reference ) === 0 ) {
				return $index;
			}
		}
		return null;
	}

	/**
	 * @param array<mixed> $values
	 * @param string[]     $keys
	 */
	private static function first_string( array $values, array $keys ): ?string {
		foreach ( $keys as $key ) {
			if ( isset( $values[ $key ] ) && is_scalar( $values[ $key ] ) && '' !== (string) $values[ $key ] ) {
				return (string) $values[ $key ];
			}
		}
		return null;
	}
}
