<?php
/**
 * The schemas of the job log routes (dm-jobs/v1/jobs/{id}/logs, …/export): the arguments of each, and the
 * answers: a line (LogService::format()) and a page of lines (LogService::page()). A line is also part of a
 * job's failure context. LogsController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs\Schema;

use DMJobs\Logs\LogExporter;
use DMJobs\Logs\LogLevel;
use DMJobs\Logs\LogQuery;
use DMJobs\Logs\LogService;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class LogSchema {

	/**
	 * GET /jobs/{id}/logs.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function collection_params(): array {
		return array(
			'level'    => array(
				'description' => __( 'Only these levels (array or comma-separated list).', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => LogLevel::values(),
				),
				'uniqueItems' => true,
			),
			'search'   => array(
				'description' => __( 'Text matched against the message and the step.', 'dm-jobs' ),
				'type'        => 'string',
				'maxLength'   => 200,
			),
			'after'    => array(
				'description' => __( 'Cursor: only lines after this log line ID (next page, live tail). Lines come oldest first.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => ParamLimits::MAX_ID,
			),
			'before'   => array(
				'description' => __( 'Cursor: only lines before this log line ID (the page before). Lines still come oldest first.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
			'tail'     => array(
				'description' => __( 'Without a cursor: the newest lines instead of the oldest.', 'dm-jobs' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'per_page' => array(
				'description' => __( 'Lines per page, 1 to 1000.', 'dm-jobs' ),
				'type'        => 'integer',
				'default'     => LogQuery::DEFAULT_PER_PAGE,
				'minimum'     => 1,
				'maximum'     => LogQuery::MAX_PER_PAGE,
			),
		);
	}

	/**
	 * POST /jobs/{id}/logs.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function create_params(): array {
		return array(
			'level'   => array(
				'description' => __( 'Severity.', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => LogLevel::values(),
				'required'    => true,
			),
			'message' => array(
				'description' => __( 'The line (at most 16,000 characters; longer is refused).', 'dm-jobs' ),
				'type'        => 'string',
				'minLength'   => 1,
				'maxLength'   => LogService::MAX_MESSAGE_CHARS,
				'required'    => true,
			),
			'step'    => array(
				'description' => __( 'The step the line is about: pipeline step ID, flow step ID or step type.', 'dm-jobs' ),
				'type'        => array( 'string', 'null' ),
				'maxLength'   => LogService::MAX_STEP_CHARS,
			),
			'context' => array(
				'description' => __( 'Structured data (a JSON object of at most 64 KB). An http_status key is kept as the line\'s HTTP status.', 'dm-jobs' ),
				'type'        => array( 'object', 'null' ),
			),
		);
	}

	/**
	 * GET /jobs/{id}/logs/export: the format, and the level and search filters of the list.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function export_params(): array {
		$params = self::collection_params();
		return array(
			'format' => array(
				'description' => __( 'text (one line per entry) or json.', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => LogExporter::FORMATS,
				'default'     => 'text',
			),
			'level'  => $params['level'],
			'search' => $params['search'],
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function line(): array {
		return array(
			'$schema'    => ResponseSchemas::DRAFT,
			'title'      => 'dm-job-log-line',
			'type'       => 'object',
			'properties' => array(
				'id'          => array(
					'description' => __( 'Log line ID (the paging cursor).', 'dm-jobs' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'job_id'      => array(
					'description' => __( 'Job ID.', 'dm-jobs' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'level'       => array(
					'description' => __( 'Severity.', 'dm-jobs' ),
					'type'        => 'string',
					'enum'        => LogLevel::values(),
				),
				'step'        => array(
					'description' => __( 'The step the line is about.', 'dm-jobs' ),
					'type'        => array( 'string', 'null' ),
				),
				'message'     => array(
					'description' => __( 'The line, as plain text.', 'dm-jobs' ),
					'type'        => 'string',
				),
				'context'     => array(
					'description' => __( 'Structured data (a JSON array when the line stored a list).', 'dm-jobs' ),
					'type'        => array( 'object', 'array', 'null' ),
				),
				'http_status' => array(
					'description' => __( 'HTTP status found in the context, if any.', 'dm-jobs' ),
					'type'        => array( 'integer', 'null' ),
					'readonly'    => true,
				),
				'truncated'   => array(
					'description' => __( 'Whether the message, step or context was cut to fit the limits (PHP API and dm_log capture only).', 'dm-jobs' ),
					'type'        => 'boolean',
					'readonly'    => true,
				),
				'created_at'  => array(
					'description' => __( 'When the line was written, ISO 8601 UTC.', 'dm-jobs' ),
					'type'        => array( 'string', 'null' ),
					'format'      => 'date-time',
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * The answer of GET /jobs/{id}/logs.
	 *
	 * @return array<string, mixed>
	 */
	public static function page(): array {
		$cursor = ResponseSchemas::nullable( 'integer' );
		return ResponseSchemas::titled(
			'dm-job-log-page',
			array(
				'items'       => ResponseSchemas::list_of( self::line() ),
				'next_cursor' => array( 'description' => __( 'Continue with after=next_cursor (newer lines, live tail).', 'dm-jobs' ) ) + $cursor,
				'prev_cursor' => array( 'description' => __( 'Continue with before=prev_cursor (older lines).', 'dm-jobs' ) ) + $cursor,
				'has_more'    => array( 'type' => 'boolean' ),
				'has_older'   => array( 'type' => 'boolean' ),
			)
		);
	}
}
