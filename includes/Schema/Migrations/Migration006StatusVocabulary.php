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

	/**
	 * Indexes (of Migration 5) that include the base-status column.
	 */
	private const INDEXES_WITH_STATUS_BASE = array( 'dm_jobs_status_base', 'dm_jobs_status_base_created', 'dm_jobs_flow_date_status', 'dm_jobs_pipeline_date_status' );

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
			foreach ( self::INDEXES_WITH_STATUS_BASE as $index ) {
				$schema->drop_index_if_exists( $jobs, $index );
			}
			$schema->drop_column_if_exists( $jobs, JobColumns::STATUS_BASE );
		}
		// Recreates the column and its indexes with today's vocabulary.
		( new Migration005ScaleColumns() )->up( $schema );
	}
}
