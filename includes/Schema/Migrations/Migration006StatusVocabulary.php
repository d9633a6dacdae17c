<?php
/**
 * The base-status generated column follows the status vocabulary: when a status is added (today's
 * Data Machine's "waiting"), the column and the indexes that use it are rebuilt with the new expression.
 * MySQL/MariaDB only (SQLite computes the base status in the query).
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Migration006StatusVocabulary implements Migration {

	public function version(): int {
		return 6;
	}

	public function up( SchemaRepository $schema ): void {
		if ( JobColumns::uses_sqlite() ) {
			return;
		}
		foreach ( Adapters::available() as $generation ) {
			$jobs       = $generation->tables()->jobs;
			$expression = $schema->generation_expression( $jobs, JobColumns::STATUS_BASE );
			if ( null === $expression || str_contains( $expression, 'waiting' ) ) {
				continue;
			}
			Migration005ScaleColumns::drop_status_base( $schema, $jobs );
		}
		// Recreates the column and its indexes with today's vocabulary.
		( new Migration005ScaleColumns() )->up( $schema );
	}
}
