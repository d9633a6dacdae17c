<?php
/**
 * The single-job properties of dm-job (GET /jobs/{id}): the decoded engine_data, the failure, the fan-out
 * children, and the diagnostic parts Details/ derives (steps, failure context, resolution, configuration
 * checks, API responses, log counts), each typed exactly as that code builds it, for both Data Machine
 * generations.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Schema;

use DMJobs\Logs\LogLevel;
use DMJobs\Logs\Schema\LogSchema;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class JobDiagnosticsSchema {

	/** The states StepProgress gives a step. */
	public const STEP_STATES = array( 'completed', 'running', 'failed', 'pending', 'skipped', 'unknown' );

	/** What a decoded JSON value can be (engine_data entries, error details). */
	private const ANY_JSON = array( 'object', 'array', 'string', 'number', 'boolean', 'null' );

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public static function properties(): array {
		$properties = array(
			'engine_data'     => array(
				'description' => __( 'Decoded engine data (single job only). Serialized objects are shown as arrays with a __php_class key, never instantiated. An empty or list value arrives as a JSON array.', 'dm-jobs' ),
				'type'        => array( 'object', 'array', 'null' ),
			),
			'failure'         => array(
				'description' => __( 'Failure details (single job only): message, step_id, trace, reason.', 'dm-jobs' ),
				'anyOf'       => array( self::failure(), array( 'type' => 'null' ) ),
			),
			'child_job_ids'   => array(
				'description' => __( 'Jobs this one fanned out (single job only; the first 100 by ID).', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => array( 'type' => 'integer' ),
			),
			'child_count'     => array(
				'description' => __( 'How many jobs this one fanned out (single job only).', 'dm-jobs' ),
				'type'        => 'integer',
			),
			'user_name'       => array(
				'description' => __( 'Display name of the user who started the job (single job only); null when unknown.', 'dm-jobs' ),
				'type'        => array( 'string', 'null' ),
			),
			'started_at'      => array(
				'description' => __( 'When the job started (engine_data started_at, else its first log line), ISO 8601 UTC; null if unknown.', 'dm-jobs' ),
				'type'        => array( 'string', 'null' ),
				'format'      => 'date-time',
			),
			'steps'           => array(
				'description' => __( 'The pipeline\'s steps in order with their state: completed, running, failed, pending, skipped or unknown.', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => self::step(),
			),
			'failure_context' => array(
				'description' => __( 'The failed step, error details from engine_data and the last error log line.', 'dm-jobs' ),
				'anyOf'       => array( self::failure_context(), array( 'type' => 'null' ) ),
			),
			'resolution'      => array(
				'description' => __( 'Suggested resolution for a failure: code, known, title, steps, links, matched_by.', 'dm-jobs' ),
				'anyOf'       => array( self::resolution(), array( 'type' => 'null' ) ),
			),
			'config_checks'   => array(
				'description' => __( 'Configuration checks of the job\'s pipeline and flow: id, scope, status (ok, warning, error), message, field.', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => self::config_check(),
			),
			'api_responses'   => array(
				'description' => __( 'API responses and error codes recorded in engine_data and in log lines.', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => self::api_response(),
			),
			'log_counts'      => array(
				'description' => __( 'How many log lines the job has, in total and per level.', 'dm-jobs' ),
			) + self::log_counts(),
		);
		foreach ( $properties as $name => $property ) {
			$properties[ $name ] = $property + array( 'readonly' => true );
		}
		return $properties;
	}

	/**
	 * JobFormatter::failure(), completed from the log by JobDiagnostics.
	 *
	 * @return array<string, mixed>
	 */
	public static function failure(): array {
		$text = ResponseSchemas::nullable( 'string' );
		return ResponseSchemas::titled(
			'dm-job-failure',
			array(
				'message' => $text,
				'step_id' => $text,
				'trace'   => $text,
				'reason'  => $text,
			)
		);
	}

	/**
	 * StepProgress::derive(), one step.
	 *
	 * @return array<string, mixed>
	 */
	public static function step(): array {
		return ResponseSchemas::titled(
			'dm-job-step',
			array(
				'id'        => array( 'type' => 'string' ),
				'type'      => ResponseSchemas::nullable( 'string' ),
				'label'     => array( 'type' => 'string' ),
				'position'  => array(
					'description' => __( '1-based position in the pipeline.', 'dm-jobs' ),
					'type'        => 'integer',
					'minimum'     => 1,
				),
				'state'     => array(
					'type' => 'string',
					'enum' => self::STEP_STATES,
				),
				'log_lines' => array( 'type' => 'integer' ),
			)
		);
	}

	/**
	 * JobDiagnostics::failure_context().
	 *
	 * @return array<string, mixed>
	 */
	public static function failure_context(): array {
		return ResponseSchemas::titled(
			'dm-failure-context',
			array(
				'step'     => array( 'anyOf' => array( self::step(), array( 'type' => 'null' ) ) ),
				'details'  => array(
					'description' => __( 'What engine_data recorded about the error (error_context, error_details or error_data), as stored.', 'dm-jobs' ),
					'type'        => self::ANY_JSON,
				),
				'log_line' => array( 'anyOf' => array( LogSchema::line(), array( 'type' => 'null' ) ) ),
			)
		);
	}

	/**
	 * ErrorResolutions::resolve().
	 *
	 * @return array<string, mixed>
	 */
	public static function resolution(): array {
		return ResponseSchemas::titled(
			'dm-resolution',
			array(
				'code'       => ResponseSchemas::nullable( 'string' ),
				'known'      => array(
					'description' => __( 'Whether the code or message matched a registry entry (else general advice).', 'dm-jobs' ),
					'type'        => 'boolean',
				),
				'title'      => array( 'type' => 'string' ),
				'steps'      => ResponseSchemas::list_of( array( 'type' => 'string' ) ),
				'links'      => ResponseSchemas::list_of( self::doc_link() ),
				'matched_by' => array(
					'type' => array( 'string', 'null' ),
					'enum' => array( 'code', 'message', null ),
				),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function doc_link(): array {
		return ResponseSchemas::titled(
			'dm-doc-link',
			array(
				'label' => array( 'type' => 'string' ),
				'url'   => array(
					'type'   => 'string',
					'format' => 'uri',
				),
			)
		);
	}

	/**
	 * ConfigValidator::check(), one result.
	 *
	 * @return array<string, mixed>
	 */
	public static function config_check(): array {
		return ResponseSchemas::titled(
			'dm-config-check',
			array(
				'id'      => array( 'type' => 'string' ),
				'scope'   => array(
					'type' => 'string',
					'enum' => array( 'pipeline', 'flow' ),
				),
				'status'  => array(
					'type' => 'string',
					'enum' => array( 'ok', 'warning', 'error' ),
				),
				'message' => array( 'type' => 'string' ),
				'field'   => ResponseSchemas::nullable( 'string' ),
			)
		);
	}

	/**
	 * ApiResponses::collect(), one entry.
	 *
	 * @return array<string, mixed>
	 */
	public static function api_response(): array {
		$text = ResponseSchemas::nullable( 'string' );
		return ResponseSchemas::titled(
			'dm-api-response-entry',
			array(
				'source'     => array(
					'type' => 'string',
					'enum' => array( 'engine_data', 'log' ),
				),
				'path'       => array(
					'description' => __( 'Where in engine_data it was found, e.g. api_responses.fetch.', 'dm-jobs' ),
				) + $text,
				'log_id'     => ResponseSchemas::nullable( 'integer' ),
				'step'       => $text,
				'status'     => ResponseSchemas::nullable( 'integer' ),
				'code'       => $text,
				'message'    => $text,
				'url'        => $text,
				'body'       => $text,
				'created_at' => ResponseSchemas::nullable_time(),
			)
		);
	}

	/**
	 * JobDiagnostics::log_counts(): every level, zero included.
	 *
	 * @return array<string, mixed>
	 */
	public static function log_counts(): array {
		return ResponseSchemas::titled(
			'dm-log-counts',
			array(
				'total'    => array( 'type' => 'integer' ),
				'by_level' => ResponseSchemas::object( array_fill_keys( LogLevel::values(), array( 'type' => 'integer' ) ) ),
			)
		);
	}
}
