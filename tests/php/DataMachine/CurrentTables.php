<?php
/**
 * Today's Data Machine tables (v0.175.11) created by its own statements, as the seeder creates them, and
 * jobs rows written into them as its code writes them.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\Repository\DataMachineTablesRepository;

PHP_SAPI === 'cli' || exit;

final class CurrentTables {

	/**
	 * Creates the tables that are missing.
	 *
	 * @return string[] The tables created.
	 */
	public static function create(): array {
		return ( new DataMachineTablesRepository() )->create_current_generation_tables();
	}

	/**
	 * A jobs row as Data Machine's Jobs::create_job() writes it for a flow job (numeric pipeline and flow
	 * IDs stored as strings, started by user 1), then its status writes.
	 *
	 * @param array<string, mixed> $columns Columns that replace or add to those (status, engine_data as
	 *                                      JSON, created_at, completed_at, parent_job_id, job_id, …).
	 * @return int The job ID.
	 */
	public static function job( array $columns ): int {
		global $wpdb;
		$wpdb->insert(
			( new CurrentGeneration() )->tables()->jobs,
			$columns + array(
				'user_id'     => 1,
				'pipeline_id' => '3',
				'flow_id'     => '7',
				'source'      => 'pipeline',
				'label'       => 'Nightly digest',
				'engine_data' => '{}',
			)
		);
		return (int) $wpdb->insert_id;
	}
}
