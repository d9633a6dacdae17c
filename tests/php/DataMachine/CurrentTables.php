<?php
/**
 * Today's Data Machine tables (v0.175.11) created by its own statements, as the seeder creates them.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

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
}
