<?php
/**
 * Registers the admin tools' REST routes (operations, retention, maintenance, export, reports, audit).
 *
 * @package DMJobs
 */

namespace DMJobs\AdminTools;

use DMJobs\Audit\AuditController;
use DMJobs\Jobs\Export\ExportController;
use DMJobs\Jobs\JobsController;
use DMJobs\Maintenance\MaintenanceController;
use DMJobs\Metrics\Reports\ReportsController;
use DMJobs\Operations\JobSelection;
use DMJobs\Operations\OperationsController;
use DMJobs\Retention\RetentionController;
use DMJobs\Shared\Rest\ParamLimits;

defined( 'ABSPATH' ) || exit;

final class AdminToolsRoutes {

	public function register_routes(): void {
		( new OperationsController() )->register_routes();
		( new RetentionController() )->register_routes();
		( new MaintenanceController() )->register_routes();
		( new ExportController() )->register_routes();
		( new ReportsController() )->register_routes();
		( new AuditController() )->register_routes();
	}

	/**
	 * The GET /jobs filter parameters (status, pipeline_id, flow_id, search, after, before), so every
	 * admin tool that selects jobs "matching the current filter" takes exactly the same parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function job_filter_params(): array {
		return array_intersect_key(
			( new JobsController() )->get_collection_params(),
			array_flip( array( 'status', 'pipeline_id', 'flow_id', 'search', 'after', 'before' ) )
		);
	}

	/**
	 * The `ids` parameter of every admin tool that also takes selected rows instead of the filters.
	 *
	 * @param string $description What the IDs select for this tool.
	 * @return array<string, mixed>
	 */
	public static function job_ids_param( string $description ): array {
		return array(
			'description' => $description,
			'type'        => 'array',
			'items'       => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => ParamLimits::MAX_ID,
			),
			'minItems'    => 1,
			'maxItems'    => JobSelection::MAX_IDS,
		);
	}
}
