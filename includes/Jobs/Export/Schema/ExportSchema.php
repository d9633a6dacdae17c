<?php
/**
 * The arguments of GET /dm-jobs/v1/export (it answers a download, not JSON, so it has no answer schema).
 * ExportController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Export\Schema;

use DMJobs\AdminTools\AdminToolsRoutes;

defined( 'ABSPATH' ) || exit;

final class ExportSchema {

	/**
	 * GET /export: the format, and the jobs (ids, or the GET /jobs filters).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function params(): array {
		return array_merge(
			array(
				'format'              => array(
					'description' => __( 'csv or json.', 'dm-jobs' ),
					'type'        => 'string',
					'enum'        => array( 'csv', 'json' ),
					'default'     => 'csv',
				),
				'include_engine_data' => array(
					'description' => __( 'Also export each job\'s engine_data (large).', 'dm-jobs' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'ids'                 => AdminToolsRoutes::job_ids_param( __( 'Only these jobs (export of selected rows). Send either ids or the filters.', 'dm-jobs' ) ),
			),
			AdminToolsRoutes::job_filter_params()
		);
	}
}
