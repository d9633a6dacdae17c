<?php
/**
 * The answers of the job log routes (dm-jobs/v1/jobs/{id}/logs): a line (LogService::format()) and a page
 * of lines (LogService::page()). A line is also part of a job's failure context.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs\Schema;

use DMJobs\Logs\LogLevel;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class LogSchema {

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
