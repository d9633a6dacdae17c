<?php
/**
 * What Data Machine wrote about a failure into a job's log, for jobs whose row does not say it.
 *
 * Data Machine 0.1 stores a plain `failed` and no error keys in engine_data: the reason, the message,
 * the step and the trace are only in the context of its log lines. Both generations fail a job through
 * one handler (`dm_fail_job` / `datamachine_fail_job`) that logs "Job marked as failed" with
 * `failure_reason` and the caller's `context_data` (`flow_step_id`, `reason`, `exception_message`,
 * `error_message`, `ai_error`, `exception_trace`); the engine logs the step's own error line before it
 * (`error`, `trace` or `exception_message` in the context, the flow step in `flow_step_id`).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

defined( 'ABSPATH' ) || exit;

final class LoggedFailure {

	/**
	 * Error lines read, newest first: the fail handler's line and the step error lines before it.
	 */
	public const LINES = 20;

	private const MESSAGE_KEYS = array( 'exception_message', 'error_message', 'ai_error', 'error' );
	private const TRACE_KEYS   = array( 'exception_trace', 'error_trace', 'trace' );
	private const STEP_KEYS    = array( 'flow_step_id', 'error_step_id', 'pipeline_step_id' );

	/**
	 * @param array<int, array<string, mixed>> $lines Formatted error lines (LogService::format), newest first.
	 * @return array{reason: string|null, specific_reason: string|null, message: string|null, step_id: string|null, trace: string|null}
	 */
	public static function from_lines( array $lines ): array {
		$found = array(
			'reason'          => null,
			'specific_reason' => null,
			'message'         => null,
			'step_id'         => null,
			'trace'           => null,
		);
		foreach ( $lines as $line ) {
			$context = is_array( $line['context'] ?? null ) ? $line['context'] : array();
			$data    = is_array( $context['context_data'] ?? null ) ? $context['context_data'] : array();
			if ( isset( $context['failure_reason'] ) ) {
				$found['reason']          ??= self::text( $context['failure_reason'] );
				$found['specific_reason'] ??= self::text( $data['reason'] ?? null );
				$found['message']         ??= self::first( $data, self::MESSAGE_KEYS );
				$found['trace']           ??= self::first( $data, self::TRACE_KEYS );
				$found['step_id']         ??= self::first( $data, self::STEP_KEYS );
				continue;
			}
			$found['message'] ??= self::first( $context, self::MESSAGE_KEYS );
			$found['trace']   ??= self::first( $context, self::TRACE_KEYS );
			$found['step_id'] ??= self::first( $context, self::STEP_KEYS ) ?? self::text( $line['step'] ?? null );
		}
		return $found;
	}

	/**
	 * @param array<string, mixed> $values
	 * @param string[]             $keys
	 */
	private static function first( array $values, array $keys ): ?string {
		foreach ( $keys as $key ) {
			$text = self::text( $values[ $key ] ?? null );
			if ( null !== $text ) {
				return $text;
			}
		}
		return null;
	}

	private static function text( mixed $value ): ?string {
		return is_scalar( $value ) && ! is_bool( $value ) && '' !== trim( (string) $value ) ? (string) $value : null;
	}
}
