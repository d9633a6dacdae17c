<?php
/**
 * One numbered schema step. Steps only ever add (tables, columns, indexes) and must be safe to re-run.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

interface Migration {

	/**
	 * The schema version this step brings the database to.
	 */
	public function version(): int;

	public function up( SchemaRepository $schema ): void;
}
