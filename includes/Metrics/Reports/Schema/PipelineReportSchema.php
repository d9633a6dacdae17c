<?php
/**
 * The schemas of GET /dm-jobs/v1/reports/pipelines: its range arguments and its answer (a summary per
 * pipeline and the totals). ReportsController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports\Schema;

use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class PipelineReportSchema {

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public static function params(): array {
		return array(
			'after'  => array(
				'description' => __( 'Jobs created at or after this ISO 8601 date-time (default: 30 days ago).', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'before' => array(
				'description' => __( 'Jobs created at or before this ISO 8601 date-time (default: now).', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
		);
	}

	/**
	 * The answer of GET /reports/pipelines.
	 *
	 * @return array<string, mixed>
	 */
	public static function report(): array {
		$summary = array(
			'title'      => 'dm-pipeline-summary',
			'type'       => 'object',
			'properties' => array(
				'pipeline_id'      => ResponseSchemas::nullable( 'integer' ),
				'pipeline_name'    => ResponseSchemas::nullable( 'string' ),
				'total'            => array( 'type' => 'integer' ),
				'by_status'        => ResponseSchemas::counts(),
				'finished'         => array( 'type' => 'integer' ),
				'succeeded'        => array( 'type' => 'integer' ),
				'failed'           => array( 'type' => 'integer' ),
				'success_rate'     => ResponseSchemas::nullable( 'number' ),
				'average_duration' => ResponseSchemas::nullable( 'number' ),
			),
		);
		return ResponseSchemas::titled(
			'dm-pipeline-report',
			array(
				'after'        => ResponseSchemas::time(),
				'before'       => ResponseSchemas::time(),
				'generated_at' => ResponseSchemas::time(),
				'pipelines'    => ResponseSchemas::list_of( $summary ),
				'totals'       => $summary,
			)
		);
	}
}
