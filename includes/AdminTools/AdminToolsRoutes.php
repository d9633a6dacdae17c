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
use DMJobs\Operations\OperationsController;
use DMJobs\Retention\RetentionController;

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
}
