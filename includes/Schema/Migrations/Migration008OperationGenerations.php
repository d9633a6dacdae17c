<?php
/**
 * Operations record the Data Machine generation they work on in a column of their own, so that each
 * source's screen lists its own operations (a site that upgraded Data Machine has two). Operations
 * recorded before this column get it from their stored params; those from before generations keep
 * NULL and belong to the primary source.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\Operations\Repository\OperationRepository;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class Migration008OperationGenerations implements Migration {

	public function version(): int {
		return 8;
	}

	public function up( SchemaRepository $schema ): void {
		$operations = TableNames::operations();
		$schema->add_column_if_missing( $operations, OperationRepository::GENERATION_COLUMN, 'varchar(20) NULL DEFAULT NULL' );
		$schema->add_index_if_missing( $operations, 'generation_id', OperationRepository::GENERATION_COLUMN . ', operation_id' );
		( new OperationRepository() )->record_generations_from_params();
	}
}
